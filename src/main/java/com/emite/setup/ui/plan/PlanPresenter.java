package com.emite.setup.ui.plan;

import com.emite.setup.provision.Action;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.PermissionCheck;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a plan into the Plan tab's sections and rows, in plain words. Pure: no JavaFX, no I/O. */
public final class PlanPresenter {
    static final String[] STEP_TITLES = {"Before anything changes: your account", "Organization and region",
            "Groups", "Role \"eMite Data Integration\"", "The role for your account", "OAuth clients",
            "Custom client app", "Agent licences", "Integration Details Form"};

    private PlanPresenter() {
    }

    public static List<PlanSection> sections(Plan plan) {
        Map<Integer, List<PlanRow>> byStep = new LinkedHashMap<>();
        for (int s = 0; s < STEP_TITLES.length; s++) {
            byStep.put(s, new ArrayList<>());
        }
        List<PlanItem> notOffered = new ArrayList<>();
        for (PlanItem i : plan.items()) {
            if (i.kind() == ItemKind.PERMISSION) {
                notOffered.add(i);
                continue;
            }
            byStep.get(i.step()).add(row(i));
        }
        if (!notOffered.isEmpty()) {
            byStep.get(3).add(notOfferedRow(plan, notOffered));
        }
        byStep.get(8).add(new PlanRow("FORM", "Integration Details Form", plan.toApply().isEmpty()
                ? Badge.PRESENT : Badge.MISSING, List.of(plan.toApply().isEmpty()
                ? "Ready: see the Form tab."
                : "Made when apply finishes: region, short name, redirect URL and every client id and secret.")));

        List<PlanSection> out = new ArrayList<>();
        for (Map.Entry<Integer, List<PlanRow>> e : byStep.entrySet()) {
            int step = e.getKey();
            if (e.getValue().isEmpty()) {
                continue;
            }
            String title = step == 0 ? STEP_TITLES[0] : "Step " + step + " · " + STEP_TITLES[step];
            out.add(new PlanSection(step, title, note(plan, step), e.getValue()));
        }
        return out;
    }

    private static String note(Plan plan, int step) {
        return switch (step) {
            case 0 -> "Nothing can be changed until your account has these permissions.";
            case 3 -> plan.permissions().stream().filter(PermissionCheck::offered).count() + " of "
                    + plan.permissions().size() + " permissions are offered by your org; see the permission "
                    + "checklist below.";
            case 7 -> plan.choices().allDivisions() ? "Every division's agents get an eMite licence."
                    : "Agents of the chosen divisions get an eMite licence.";
            default -> "";
        };
    }

    static PlanRow row(PlanItem i) {
        List<String> lines = new ArrayList<>();
        i.differences().forEach(d -> lines.add(DesktopWords.of(d)));
        if (i.blocker() != null) {
            lines.add("Why: " + DesktopWords.of(i.blocker().reason()));
            lines.add("Who can fix it: " + DesktopWords.of(i.blocker().advice()));
        }
        String will = willDo(i);
        if (will != null) {
            lines.add(will);
        }
        return new PlanRow(i.key(), title(i), Badge.of(i), lines);
    }

    public static String title(PlanItem i) {
        return switch (i.kind()) {
            case PREFLIGHT -> "Permission " + i.target();
            case ORGANIZATION -> "Organization " + i.target();
            case ROLE_GRANT -> "Role " + i.target();
            case LICENCE_GRANTS -> "Licences: " + i.target();
            case CLIENT_SECRET -> "Secret of " + i.target();
            default -> i.kind().label() + " " + i.target();
        };
    }

    /** What apply does for the item, in words; null when nothing. */
    public static String willDo(PlanItem i) {
        Action a = i.action();
        if (a == null) {
            return null;
        }
        String words;
        if (a instanceof Action.CreateGroup) {
            words = "creates it";
        } else if (a instanceof Action.UpdateGroup) {
            words = "fixes its settings";
        } else if (a instanceof Action.AddGroupMembers m) {
            words = "adds " + m.userIds().size() + " member" + (m.userIds().size() == 1 ? "" : "s");
        } else if (a instanceof Action.CreateRole r) {
            int n = r.policies().stream().mapToInt(p -> p.actions().size()).sum();
            words = "creates it with " + n + " permission" + (n == 1 ? "" : "s");
        } else if (a instanceof Action.UpdateRole) {
            words = "adds the missing permissions (other permissions stay)";
        } else if (a instanceof Action.GrantRoleToIdentity) {
            words = "grants it in all divisions";
        } else if (a instanceof Action.AwaitGrant) {
            words = "waits until it takes effect";
        } else if (a instanceof Action.CreateClient) {
            words = "creates it and keeps its secret in your vault";
        } else if (a instanceof Action.UpdateClient) {
            words = "fixes its settings";
        } else if (a instanceof Action.ResetSecret) {
            words = "issues a new secret (the old one stops working) and keeps it in your vault";
        } else if (a instanceof Action.ClientApp app) {
            words = app.integrationId() == null ? "creates, configures and enables it"
                    : (app.putConfig() ? "fixes its configuration" : "") + (app.putConfig() && app.enable()
                    ? " and " : "") + (app.enable() ? "enables it" : "");
        } else if (a instanceof Action.GrantLicence g) {
            words = "grants it to " + g.userIds().size() + " agent" + (g.userIds().size() == 1 ? "" : "s")
                    + " in " + g.divisionName();
        } else {
            words = "changes it";
        }
        return "Apply " + words + ".";
    }

    private static PlanRow notOfferedRow(Plan plan, List<PlanItem> items) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(", ", items.stream().map(PlanItem::target).toList()));
        PlanItem first = items.get(0);
        boolean required = items.stream().anyMatch(i -> i.blocker() != null && i.blocker().required());
        boolean allWfm = items.stream().allMatch(i -> i.target().startsWith("wfm:"));
        lines.add("Why: " + (allWfm ? "Your org has no WFM licence, so these permissions do not exist."
                + (required ? "" : " eMite works without WFM data.") : DesktopWords.of(first.blocker().reason())));
        lines.add("Who can fix it: " + DesktopWords.of(first.blocker().advice()));
        lines.add("The role is made without them; everything else goes ahead.");
        Badge badge = required ? Badge.BLOCKED : Badge.NOT_AVAILABLE;
        return new PlanRow("PERMISSION:not-offered", items.size() + " permission" + (items.size() == 1 ? " is"
                : "s are") + " not offered by your org", badge, lines);
    }

    /** One line above the plan: how much there is to do. */
    public static String summary(Plan plan) {
        long changes = plan.toApply().size();
        long blocked = plan.requiredBlockers().size() + plan.unresolvedSecrets().size();
        StringBuilder sb = new StringBuilder();
        if (!plan.preflightProblems().isEmpty()) {
            sb.append("Your account lacks ").append(plan.preflightProblems().size()).append(" permission")
                    .append(plan.preflightProblems().size() == 1 ? "" : "s")
                    .append(" this setup needs (listed first): nothing can be changed until it has them. ");
        }
        if (changes == 0) {
            sb.append(blocked == 0 ? "Everything eMite needs is in place." : "Nothing apply can change.");
        } else {
            sb.append(changes).append(change(changes)).append(" to make (")
                    .append(plan.writeCount()).append(" requests that change your org)");
            sb.append('.');
        }
        if (blocked > 0) {
            sb.append(' ').append(blocked).append(blocked == 1 ? " item is" : " items are")
                    .append(" blocked: see why and who can fix it below.");
        }
        return sb.toString();
    }

    static String change(long n) {
        return n == 1 ? " change" : " changes";
    }

    /** True when the plan holds anything in this state (for tests and summaries). */
    public static long count(Plan plan, ItemState state) {
        return plan.items().stream().filter(i -> i.state() == state).count();
    }
}
