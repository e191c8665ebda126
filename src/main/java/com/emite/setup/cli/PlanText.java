package com.emite.setup.cli;

import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.Blocker;
import com.emite.setup.provision.Change;
import com.emite.setup.provision.Fix;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.PermissionCheck;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.SecretRotation;
import com.emite.setup.provision.WriteCall;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Locale;

/** Plans, apply results and verify reports as text for people and as JSON for scripts. */
final class PlanText {
    /** The upkeep sign-in's items get a section of their own after the guide's steps (they are not eMite's). */
    private static final int UPKEEP_SECTION = 100;

    private PlanText() {
    }

    private static final String[] STEP_NAMES = {"Your account", "Organization and region", "Groups",
            "Role \"eMite Data Integration\"", "The role for your account", "OAuth clients",
            "Custom client app", "Agent licences"};

    static String marker(PlanItem i) {
        return switch (i.state()) {
            case PRESENT -> "ok     ";
            case MISSING -> "create ";
            case DIFFERENT -> i.action() == null ? "differs" : "change ";
            case BLOCKED -> i.blocker() != null && i.blocker().fix() == Fix.ADD_GROUP_MEMBERS ? "EMPTY  "
                    : i.blocker() != null && !i.blocker().required() ? "n/a    " : "BLOCKED";
            case SECRET_UNKNOWN -> i.action() != null ? "reset  " : "SECRET?";
            case NEEDS_CHOICE -> "CHOOSE ";
        };
    }

    /** The plan, step by step, then a summary. */
    static String plan(Plan plan, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        var o = plan.org();
        sb.append("Organization: ").append(o.orgName()).append(" (short name ").append(o.shortName())
                .append(", id ").append(o.orgId()).append(")\n");
        sb.append("Region:       ").append(o.regionName()).append(o.emiteCode() == null ? ""
                : " (eMite code " + o.emiteCode() + ")").append('\n');
        if (o.redirectUrl() != null) {
            sb.append("Redirect URL: ").append(o.redirectUrl()).append('\n');
        }
        sb.append("Signed in as: ").append(plan.identity().describe()).append('\n');
        if (plan.resumeNote() != null) {
            sb.append("\nNote: ").append(plan.resumeNote()).append('\n');
        }
        if (plan.otherRunNote() != null) {
            sb.append("\nCaution: ").append(plan.otherRunNote()).append('\n');
        }
        int step = -1;
        List<PlanItem> blockedPermissions = plan.items().stream()
                .filter(i -> i.kind() == ItemKind.PERMISSION).toList();
        for (PlanItem i : plan.items()) {
            if (i.kind() == ItemKind.PERMISSION) {
                continue;
            }
            int section = com.emite.setup.provision.UpkeepPlans.isUpkeepItem(i) ? UPKEEP_SECTION : i.step();
            if (section == UPKEEP_SECTION && step != UPKEEP_SECTION) {
                step = UPKEEP_SECTION;
                sb.append("\nThe upkeep sign-in  (keep-licences' own client: only the rights it needs)\n");
            } else if (section != step) {
                step = i.step();
                sb.append('\n').append(step == 0 ? "Before anything changes: " : "Step " + step + "  ")
                        .append(STEP_NAMES[step]).append('\n');
                if (step == 3) {
                    appendPermissions(sb, plan, blockedPermissions);
                }
            }
            sb.append("  ").append(marker(i)).append("  ").append(i.kind() == ItemKind.PREFLIGHT ? "" :
                    i.kind().label() + " ").append(i.target());
            if (i.existingId() != null && verbose && i.kind() != ItemKind.PREFLIGHT) {
                sb.append("  (id ").append(i.existingId()).append(')');
            }
            sb.append('\n');
            for (String d : i.differences()) {
                sb.append("           - ").append(d).append('\n');
            }
            if (i.blocker() != null) {
                sb.append("           why: ").append(i.blocker().reason()).append('\n');
                sb.append("           fix: ").append(FixText.of(plan, i)).append('\n');
            }
            for (WriteCall w : i.writes()) {
                sb.append("           -> ").append(w).append('\n');
            }
        }
        sb.append('\n').append(summary(plan)).append('\n');
        return sb.toString();
    }

    private static void appendPermissions(StringBuilder sb, Plan plan, List<PlanItem> items) {
        long offered = plan.permissions().stream().filter(PermissionCheck::offered).count();
        sb.append("  ").append(offered).append(" of ").append(plan.permissions().size())
                .append(" permissions are offered by this org.\n");
        for (PermissionCheck c : plan.permissions()) {
            switch (c.status()) {
                case CHOSEN -> sb.append("  chosen   row ").append(c.row()).append(": ").append(c.permission())
                        .append(" (your choice for ").append(c.label()).append(")\n");
                case LEFT_OUT -> sb.append("  left out row ").append(c.row()).append(": ").append(c.label())
                        .append("\n           loses: ").append(c.loses()).append('\n');
                case NEEDS_CHOICE -> {
                    sb.append("  CHOOSE   row ").append(c.row()).append(": ").append(c.label()).append(" (")
                            .append(c.permission()).append(")\n           why: ").append(c.reason()).append('\n');
                    sb.append("           candidates, best first: ").append(c.candidates().isEmpty() ? "(none)"
                            : String.join(", ", c.candidates())).append('\n');
                    sb.append("           fix: --permission ").append(c.row()).append('=')
                            .append(c.candidates().isEmpty() ? "domain:entity:action" : c.candidates().get(0))
                            .append(" (or --leave-out ").append(c.row()).append(")\n");
                }
                default -> {
                }
            }
        }
        List<PlanItem> blocked = items.stream().filter(i -> i.state() == ItemState.BLOCKED).toList();
        if (blocked.isEmpty()) {
            return;
        }
        sb.append("  not offered:\n");
        for (PlanItem p : blocked) {
            sb.append("  ").append(marker(p)).append("  ").append(p.target()).append('\n');
        }
        String reason = blocked.get(0).blocker().reason();
        boolean allWfm = blocked.stream().allMatch(p -> p.target().startsWith("wfm:"));
        if (allWfm) {
            sb.append("           why: Your org has no WFM licence, so these permissions do not exist.")
                    .append(blocked.get(0).blocker().required() ? "" : " eMite works without WFM data.")
                    .append('\n');
        } else {
            sb.append("           why: ").append(reason).append(" (and similar for the others)\n");
        }
        sb.append("           fix: ").append(FixText.of(plan, blocked.get(0))).append('\n');
    }

    static String summary(Plan plan) {
        long create = plan.items().stream().filter(i -> i.state() == ItemState.MISSING && i.action() != null)
                .count();
        long change = plan.items().stream().filter(i -> (i.state() == ItemState.DIFFERENT
                || i.state() == ItemState.SECRET_UNKNOWN) && i.action() != null).count();
        long blocked = plan.requiredBlockers().size() + plan.unresolvedSecrets().size();
        StringBuilder sb = new StringBuilder();
        if (!plan.preflightProblems().isEmpty()) {
            sb.append("Your account lacks ").append(plan.preflightProblems().size())
                    .append(" permission(s) this setup needs (listed above): nothing can be changed until it has "
                            + "them.\n");
        }
        if (create + change == 0) {
            sb.append("Nothing to change");
        } else {
            sb.append(create).append(" to create, ").append(change).append(" to change: apply makes ")
                    .append(plan.writeCount()).append(" write request").append(plan.writeCount() == 1 ? "" : "s");
        }
        sb.append(blocked == 0 ? "; nothing blocked." : "; " + blocked + " blocked (see why and fix above).");
        sb.append(" (This plan read ").append(plan.readCalls()).append(" requests.)");
        return sb.toString();
    }

    static String applyResult(ApplyResult r, List<String> files) {
        StringBuilder sb = new StringBuilder();
        switch (r.status()) {
            case FINISHED -> sb.append(r.changes().isEmpty() ? "Nothing needed changing." : "Applied.");
            case CANCELLED -> sb.append("Cancelled after the request in flight. ").append(r.error());
            case FAILED -> sb.append("Stopped: ").append(r.error()).append("\nWhat was done is kept; run apply "
                    + "again to continue.");
            default -> sb.append(r.status());
        }
        sb.append('\n');
        sb.append("Requests: ").append(r.calls().reads()).append(" reads, ").append(r.calls().writes())
                .append(" writes (after the plan).\n");
        if (!r.changes().isEmpty()) {
            sb.append("\nChanges made:\n");
            for (Change c : r.changes()) {
                sb.append("  ").append(c.summary()).append('\n');
            }
        }
        List<PlanItem> left = r.leftBlocked();
        if (r.finished() && !left.isEmpty()) {
            sb.append("\nStill blocked:\n");
            for (PlanItem i : left) {
                Blocker b = i.blocker();
                sb.append("  ").append(i.kind().label()).append(' ').append(i.target()).append(": ")
                        .append(b == null ? i.state().label() : b.reason()).append('\n');
                if (b != null) {
                    sb.append("    fix: ").append(FixText.of(r.plan(), i)).append('\n');
                }
            }
        }
        if (files != null && !files.isEmpty()) {
            sb.append("\nIntegration Details Form and change report (secrets masked):\n");
            files.forEach(f -> sb.append("  ").append(f).append('\n'));
        }
        return sb.toString();
    }

    static String verify(Plan plan) {
        StringBuilder sb = new StringBuilder();
        List<PlanItem> drift = plan.drift();
        List<PlanItem> blocked = plan.requiredBlockers();
        if (drift.isEmpty() && blocked.isEmpty()) {
            sb.append("Everything eMite needs is in place for ").append(plan.org().orgName()).append(" (")
                    .append(plan.org().shortName()).append(").\n");
        }
        if (!drift.isEmpty()) {
            sb.append("Drift: ").append(drift.size()).append(" item(s) are not as eMite needs them:\n");
            for (PlanItem i : drift) {
                sb.append("  ").append(marker(i)).append("  ").append(i.kind().label()).append(' ')
                        .append(i.target()).append('\n');
                i.differences().forEach(d -> sb.append("           - ").append(d).append('\n'));
                if (i.blocker() != null) {
                    sb.append("           why: ").append(i.blocker().reason()).append('\n');
                }
            }
            sb.append("Run apply to fix it (it makes ").append(plan.writeCount()).append(" write requests).\n");
            List<String> unknown = plan.unresolvedSecrets().stream().map(PlanItem::target).toList();
            if (!SecretRotation.forEmite(unknown).isEmpty()) {
                sb.append("For the client secrets the vault does not hold, apply needs --reset-unknown-secrets (the "
                        + "old secrets stop working; give eMite the new ones).\n");
            }
            if (unknown.stream().anyMatch(SecretRotation::isUpkeep)) {
                sb.append("For the upkeep sign-in's secret: rotate-secrets --upkeep-client issues a new one into the "
                        + "vault, where keep-licences reads it (nothing to send to eMite).\n");
            }
        }
        if (!blocked.isEmpty()) {
            sb.append("Blocked: ").append(blocked.size()).append(" item(s) cannot be set up:\n");
            for (PlanItem i : blocked) {
                sb.append("  ").append(i.kind().label()).append(' ').append(i.target()).append(": ")
                        .append(i.blocker().reason()).append("\n    fix: ").append(FixText.of(plan, i)).append('\n');
            }
        }
        sb.append("(Verify read ").append(plan.readCalls()).append(" requests.)\n");
        return sb.toString();
    }

    // ---- JSON ----

    static JsonObject planJson(Plan plan) {
        JsonObject o = new JsonObject();
        JsonObject org = new JsonObject();
        org.addProperty("id", plan.org().orgId());
        org.addProperty("name", plan.org().orgName());
        org.addProperty("shortName", plan.org().shortName());
        org.addProperty("region", plan.org().regionName());
        org.addProperty("regionId", plan.org().regionId());
        org.addProperty("regionCode", plan.org().emiteCode());
        org.addProperty("redirectUrl", plan.org().redirectUrl());
        o.add("organization", org);
        JsonObject who = new JsonObject();
        who.addProperty("kind", plan.identity().kind().name().toLowerCase(Locale.ROOT));
        who.addProperty("id", plan.identity().id());
        who.addProperty("name", plan.identity().name());
        o.add("signedInAs", who);
        if (plan.resumeNote() != null) {
            o.addProperty("resumeNote", plan.resumeNote());
        }
        if (plan.otherRunNote() != null) {
            o.addProperty("otherRunNote", plan.otherRunNote());
        }
        JsonArray items = new JsonArray();
        for (PlanItem i : plan.items()) {
            JsonObject j = new JsonObject();
            j.addProperty("step", i.step());
            j.addProperty("kind", i.kind().name());
            j.addProperty("target", i.target());
            j.addProperty("state", i.state().name());
            if (i.existingId() != null) {
                j.addProperty("id", i.existingId());
            }
            JsonArray d = new JsonArray();
            i.differences().forEach(d::add);
            j.add("differences", d);
            if (i.blocker() != null) {
                JsonObject b = new JsonObject();
                b.addProperty("reason", i.blocker().reason());
                b.addProperty("fix", i.blocker().fix().name());
                b.addProperty("advice", FixText.of(plan, i));
                b.addProperty("required", i.blocker().required());
                j.add("blocker", b);
            }
            JsonArray w = new JsonArray();
            for (WriteCall c : i.writes()) {
                JsonObject wc = new JsonObject();
                wc.addProperty("method", c.method());
                wc.addProperty("path", c.path());
                wc.addProperty("count", c.count());
                w.add(wc);
            }
            j.add("writes", w);
            items.add(j);
        }
        o.add("items", items);
        JsonArray perms = new JsonArray();
        for (PermissionCheck p : plan.permissions()) {
            JsonObject j = new JsonObject();
            j.addProperty("row", p.row());
            j.addProperty("type", p.type());
            j.addProperty("name", p.name());
            j.addProperty("level", p.level());
            j.addProperty("permission", p.permission());
            j.addProperty("offered", p.offered());
            j.addProperty("inRole", p.inRole());
            if (p.reason() != null) {
                j.addProperty("reason", p.reason());
            }
            perms.add(j);
        }
        o.add("permissions", perms);
        JsonObject s = new JsonObject();
        s.addProperty("writeRequests", plan.writeCount());
        s.addProperty("readRequests", plan.readCalls());
        s.addProperty("inPlace", plan.inPlace());
        s.addProperty("drift", plan.drift().size());
        s.addProperty("blocked", plan.requiredBlockers().size() + plan.unresolvedSecrets().size());
        s.addProperty("preflightProblems", plan.preflightProblems().size());
        o.add("summary", s);
        return o;
    }

    static JsonObject resultJson(ApplyResult r, List<String> files) {
        JsonObject o = new JsonObject();
        o.addProperty("status", r.status().name());
        if (r.error() != null) {
            o.addProperty("message", r.error());
        }
        o.addProperty("runId", r.runId());
        JsonObject calls = new JsonObject();
        calls.addProperty("reads", r.calls().reads());
        calls.addProperty("writes", r.calls().writes());
        o.add("requests", calls);
        JsonArray changes = new JsonArray();
        for (Change c : r.changes()) {
            JsonObject j = new JsonObject();
            j.addProperty("at", c.at());
            j.addProperty("account", c.account());
            j.addProperty("action", c.action());
            j.addProperty("kind", c.kind().name());
            j.addProperty("target", c.target());
            j.addProperty("id", c.id());
            j.addProperty("detail", c.detail());
            changes.add(j);
        }
        o.add("changes", changes);
        JsonArray blocked = new JsonArray();
        r.leftBlocked().forEach(i -> blocked.add(i.kind().name() + ":" + i.target()));
        o.add("stillBlocked", blocked);
        JsonArray f = new JsonArray();
        if (files != null) {
            files.forEach(f::add);
        }
        o.add("files", f);
        return o;
    }

    static String json(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o);
    }
}
