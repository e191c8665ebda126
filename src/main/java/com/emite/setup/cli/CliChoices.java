package com.emite.setup.cli;

import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.UpkeepClientChoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns a command's options into the engine's {@link Choices}, refusing what the engine could not act on. */
final class CliChoices {
    private final Command command;
    private final CliOptions o;
    private final Needs needs;

    CliChoices(Command command, CliOptions o, Needs needs) {
        this.command = command;
        this.o = o;
        this.needs = needs;
    }

    Choices parse() {
        if (command == Command.EXPORT_FORM) {
            return Choices.defaults().withWfm(true);
        }
        if (o.has("--take-back-from-leavers") && !o.has("--with-upkeep-client")
                && command != Command.KEEP_LICENCES) {
            throw new UsageException("On " + command.word() + ", --take-back-from-leavers goes with "
                    + "--with-upkeep-client (it lets the upkeep sign-in take licences back).");
        }
        if (command == Command.KEEP_LICENCES) {
            return new Choices(false, Choices.parseDivisions(o.value("--divisions")), Map.of(), false);
        }
        Map<String, List<String>> members = members("--group-members");
        Map<String, List<String>> removals = members("--remove-group-members");
        return new Choices(o.has("--with-wfm"), Choices.parseDivisions(o.value("--divisions")), members,
                o.has("--reset-unknown-secrets"), false, leftOut(), permissionChoices(), removals,
                o.has("--remove-duplicates"), upkeepClient());
    }

    private UpkeepClientChoice upkeepClient() {
        if (!o.has("--with-upkeep-client")) {
            return UpkeepClientChoice.IF_PRESENT;
        }
        return o.has("--take-back-from-leavers") ? UpkeepClientChoice.WANTED_WITH_TAKE_BACK
                : UpkeepClientChoice.WANTED;
    }

    private Map<String, List<String>> members(String option) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String spec : o.values(option)) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(option + " wants GROUP=email,email (for example "
                        + "emite_Access=jane@example.com,joe@example.com), not " + CliText.quote(spec) + ".");
            }
            List<String> emails = new ArrayList<>();
            for (String e : spec.substring(eq + 1).split(",")) {
                if (!e.isBlank()) {
                    if (!e.contains("@")) {
                        throw new UsageException(option + ": " + CliText.quote(e.trim()) + " is not an e-mail "
                                + "address.");
                    }
                    emails.add(e.trim());
                }
            }
            members.computeIfAbsent(spec.substring(0, eq).trim(), k -> new ArrayList<>()).addAll(emails);
        }
        List<String> groupNames = needs.groups().stream().map(Needs.GroupNeed::name).toList();
        for (String g : members.keySet()) {
            if (!groupNames.contains(g)) {
                throw new UsageException(option + ": " + CliText.quote(g) + " is not an eMite group (the groups "
                        + "are " + String.join(", ", groupNames) + ").");
            }
        }
        return members;
    }

    private Set<Integer> leftOut() {
        Set<Integer> rows = new TreeSet<>();
        if (o.has("--leave-out")) {
            for (String part : o.value("--leave-out").split(",")) {
                if (!part.isBlank()) {
                    rows.add(row("--leave-out", part.trim()));
                }
            }
        }
        return rows;
    }

    private Map<Integer, String> permissionChoices() {
        Map<Integer, String> out = new TreeMap<>();
        for (String spec : o.values("--permission")) {
            int eq = spec.indexOf('=');
            String perm = eq < 0 ? "" : spec.substring(eq + 1).trim();
            if (eq <= 0 || !Choices.isPermission(perm)) {
                throw new UsageException("--permission wants ROW=domain:entity:action (for example "
                        + "33=wfm:forecast:view; plan lists the candidates), not " + CliText.quote(spec) + ".");
            }
            out.put(row("--permission", spec.substring(0, eq).trim()), perm);
        }
        return out;
    }

    private int row(String option, String text) {
        List<Integer> rows = needs.role().permissions().stream().map(Needs.PermissionNeed::row).toList();
        try {
            int r = Integer.parseInt(text);
            if (rows.contains(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(option + ": " + CliText.quote(text) + " is not a row of the guide's permission "
                + "table (1 to " + rows.size() + "; plan shows them).");
    }
}
