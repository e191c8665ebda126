package com.emite.setup.cli;

import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Removal;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code remove}: takes eMite out of the org, plan then apply. By default only what this app created (the journal in
 * the vault knows the ids); objects that were there before are listed and kept unless {@code --include-existing}.
 * The admin confirms by typing the org's short name (or {@code --yes}). The vault's journal keeps what was removed.
 */
final class CliRemove {
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private final CliOptions o;
    private final CliIO io;
    private final Needs needs;
    private final boolean json;
    private final JsonObject out;

    CliRemove(CliOptions o, CliIO io, Needs needs, boolean json, JsonObject out) {
        this.o = o;
        this.io = io;
        this.needs = needs;
        this.json = json;
        this.out = out;
    }

    int run(CliSession s) {
        s.openVault(o, io, false);
        if (s.storeNote != null) {
            io.err().println(s.storeNote + " Without the journal nothing counts as made by eMite Setup: only "
                    + "--include-existing removes anything.");
        }
        Removal removal = new Removal(s.api, needs, s.store);
        Removal.Plan plan = removal.plan(o.has("--include-existing"));
        String shortName = plan.org().shortName();
        if (json) {
            out.add("plan", planJson(plan));
        } else {
            io.out().print(text(plan));
        }
        if (plan.toRemove().isEmpty()) {
            io.err().println("Nothing to remove.");
            return CliMain.OK;
        }
        if (!plan.missingPermissions().isEmpty()) {
            io.err().println("Nothing was removed: your account lacks " + String.join(", ",
                    plan.missingPermissions()) + ". Ask a Genesys Cloud admin to give them to you, or sign in with "
                    + "an account that has them.");
            return CliMain.BLOCKED;
        }
        if (!o.has("--yes") && !confirm(shortName, plan)) {
            io.err().println("Nothing was removed.");
            return CliMain.ERROR;
        }
        ProgressLine pl = new ProgressLine(io.err(), io.interactive());
        Removal.Result result;
        try {
            result = removal.apply(plan, s.connection.howSignedIn(), pl);
        } finally {
            pl.finish();
        }
        if (json) {
            JsonArray a = new JsonArray();
            for (Removal.Outcome x : result.outcomes()) {
                JsonObject j = new JsonObject();
                j.addProperty("kind", x.item().kind().name());
                j.addProperty("name", x.item().name());
                j.addProperty("id", x.item().id());
                j.addProperty("done", x.done());
                j.addProperty("message", x.message());
                a.add(j);
            }
            out.add("removed", a);
        } else {
            io.out().println();
            for (Removal.Outcome x : result.outcomes()) {
                io.out().println((x.done() ? "  removed  " : "  FAILED   ") + x.item().kind().label() + " "
                        + x.item().name() + ": " + x.message());
            }
            io.out().println(result.finished() ? "Removed. What was removed is recorded in the vault " + s.vaultFile
                    + "." : "Stopped at the first failure: run remove again to carry on (it plans from what the "
                    + "org has now).");
        }
        return result.finished() ? CliMain.OK : CliMain.ERROR;
    }

    String text(Removal.Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("Remove eMite from ").append(plan.org().name()).append(" (").append(plan.org().shortName())
                .append("):\n");
        if (plan.items().isEmpty()) {
            sb.append("  No object with an eMite name is in this org.\n");
        }
        for (Removal.Item i : plan.items()) {
            String line = String.format("  %-8s %s %s (id %s): %s", i.remove() ? "remove" : "keep",
                    i.kind().label(), i.name(), i.id(), consequence(i));
            sb.append(i.remove() && i.consequence().startsWith("eMite STOPS") && io.interactive()
                    ? RED + line + RESET : line).append('\n');
        }
        if (!plan.toRemove().isEmpty()) {
            sb.append("remove makes ").append(plan.writeCount()).append(" write requests.");
            if (plan.stopsEmite()) {
                sb.append(" eMite stops working for this org once it has run.");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static JsonObject planJson(Removal.Plan plan) {
        JsonObject p = new JsonObject();
        p.addProperty("org", plan.org().name());
        p.addProperty("shortName", plan.org().shortName());
        p.addProperty("includeExisting", plan.includeExisting());
        p.addProperty("writeRequests", plan.writeCount());
        p.addProperty("stopsEmite", plan.stopsEmite());
        JsonArray items = new JsonArray();
        for (Removal.Item i : plan.items()) {
            JsonObject j = new JsonObject();
            j.addProperty("kind", i.kind().name());
            j.addProperty("name", i.name());
            j.addProperty("id", i.id());
            j.addProperty("createdByEmiteSetup", i.createdHere());
            j.addProperty("remove", i.remove());
            j.addProperty("consequence", consequence(i));
            items.add(j);
        }
        p.add("items", items);
        return p;
    }

    private boolean confirm(String shortName, Removal.Plan plan) {
        String answer = io.readLine("This removes " + plan.toRemove().size() + " objects from " + plan.org().name()
                + (plan.stopsEmite() ? " and eMite stops working" : "") + ". Type the org's short name ("
                + shortName + ") to go on: ");
        if (answer == null) {
            io.err().println("No answer on standard input: add --yes to remove without a question.");
            return false;
        }
        return answer.trim().equals(shortName);
    }

    /** The engine's consequence, with the option that changes it where there is one (the engine names no option). */
    private static String consequence(Removal.Item i) {
        return i.consequence() + (!i.remove() && !i.createdHere() ? " (--include-existing removes it too)" : "");
    }
}
