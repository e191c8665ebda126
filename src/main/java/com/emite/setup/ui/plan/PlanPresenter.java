package com.emite.setup.ui.plan;

import com.emite.setup.provision.Action;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.PermissionCheck;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.ui.common.Words;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a plan into the Plan tab's sections and rows, in plain words. Pure: no JavaFX, no I/O. */
public final class PlanPresenter {
    /** Steps 0 (preflight) to 8 (the form); each one's title is {@code plan.step.N} in the bundle. */
    static final int STEPS = 9;

    private PlanPresenter() {
    }

    public static List<PlanSection> sections(Plan plan) {
        Map<Integer, List<PlanRow>> byStep = new LinkedHashMap<>();
        for (int s = 0; s < STEPS; s++) {
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
        byStep.get(8).add(new PlanRow("FORM", Words.get("plan.step.8"), plan.toApply().isEmpty()
                ? Badge.PRESENT : Badge.MISSING, List.of(plan.toApply().isEmpty()
                ? Words.get("plan.form.ready") : Words.get("plan.form.later"))));

        List<PlanSection> out = new ArrayList<>();
        for (Map.Entry<Integer, List<PlanRow>> e : byStep.entrySet()) {
            int step = e.getKey();
            if (e.getValue().isEmpty()) {
                continue;
            }
            String title = step == 0 ? Words.get("plan.step.0")
                    : Words.get("plan.stepTitle", step, Words.get("plan.step." + step));
            out.add(new PlanSection(step, title, note(plan, step), e.getValue()));
        }
        return out;
    }

    private static String note(Plan plan, int step) {
        return switch (step) {
            case 0 -> Words.get("plan.note.preflight");
            case 3 -> Words.get("plan.note.role", String.valueOf(plan.permissions().stream()
                    .filter(PermissionCheck::offered).count()), String.valueOf(plan.permissions().size()));
            case 7 -> plan.choices().allDivisions() ? Words.get("plan.note.allDivisions")
                    : Words.get("plan.note.someDivisions");
            default -> "";
        };
    }

    /**
     * The fix in the window's words: what to do here (the control to use) from the engine's {@code Fix}, then the
     * engine's face-neutral advice.
     */
    static String fix(com.emite.setup.provision.Blocker b) {
        String here = b.fix() == null ? "" : Words.get("fix." + b.fix().name());
        boolean worded = !here.isEmpty() && !here.startsWith("fix.");
        String advice = b.advice() == null ? "" : b.advice();
        return worded ? (advice.isEmpty() ? here : here + " " + advice) : advice;
    }

    static PlanRow row(PlanItem i) {
        List<String> lines = new ArrayList<>();
        if (i.action() instanceof Action.GrantRoleToIdentity grant) {
            lines.addAll(grantLines(grant));
        } else {
            i.differences().forEach(lines::add);
        }
        if (i.blocker() != null) {
            lines.add(Words.get("plan.why", i.blocker().reason()));
            lines.add(Words.get("plan.whoCanFix", fix(i.blocker())));
        }
        String will = willDo(i);
        if (will != null) {
            lines.add(will);
        }
        return new PlanRow(i.key(), title(i), Badge.of(i), lines);
    }

    /**
     * Why the admin's own sign-in gets eMite's role, and to whom it goes, in the window's words: the engine's notes
     * for the command line name the API call and the client's id, which mean nothing to an admin at this point.
     */
    static List<String> grantLines(Action.GrantRoleToIdentity grant) {
        return List.of(Words.get("plan.grant.why"), Words.get(grant.subjectKind()
                == com.emite.setup.provision.Identity.Kind.CLIENT ? "plan.grant.toClient" : "plan.grant.toUser"));
    }

    public static String title(PlanItem i) {
        return switch (i.kind()) {
            case PREFLIGHT -> Words.get("plan.title.preflight", i.target());
            case ORGANIZATION -> Words.get("plan.title.organization", i.target());
            case ROLE_GRANT -> Words.get("plan.title.roleGrant", i.target());
            case LICENCE_GRANTS -> Words.get("plan.title.licences", i.target());
            case CLIENT_SECRET -> Words.get("plan.title.secret", i.target());
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
            words = Words.get("will.create");
        } else if (a instanceof Action.UpdateGroup) {
            words = Words.get("will.fixSettings");
        } else if (a instanceof Action.AddGroupMembers m) {
            words = Words.count("will.addMembers", m.userIds().size());
        } else if (a instanceof Action.CreateRole r) {
            int n = r.policies().stream().mapToInt(p -> p.actions().size()).sum();
            words = Words.count("will.createRole", n);
        } else if (a instanceof Action.UpdateRole) {
            words = Words.get("will.updateRole");
        } else if (a instanceof Action.GrantRoleToIdentity) {
            words = Words.get("will.grantRole");
        } else if (a instanceof Action.AwaitGrant) {
            words = Words.get("will.awaitGrant");
        } else if (a instanceof Action.CreateClient) {
            words = Words.get("will.createClient");
        } else if (a instanceof Action.UpdateClient) {
            words = Words.get("will.fixSettings");
        } else if (a instanceof Action.ResetSecret) {
            words = Words.get("will.resetSecret");
        } else if (a instanceof Action.ClientApp app) {
            words = app.integrationId() == null ? Words.get("will.createApp")
                    : app.putConfig() && app.enable() ? Words.get("will.fixAndEnableApp")
                    : app.putConfig() ? Words.get("will.fixApp") : app.enable() ? Words.get("will.enableApp") : "";
        } else if (a instanceof Action.GrantLicence g) {
            words = Words.count("will.grantLicence", g.userIds().size(), g.divisionName());
        } else if (a instanceof Action.RemoveGroupMembers m) {
            words = Words.count("will.removeMembers", m.userIds().size());
        } else if (a instanceof Action.RevokeLicence r) {
            words = Words.count("will.revokeLicence", r.userIds().size(), r.divisionName());
        } else if (a instanceof Action.DeleteDuplicate) {
            words = Words.get("will.deleteDuplicate");
        } else {
            words = Words.get("will.change");
        }
        return Words.get("will.apply", words);
    }

    private static PlanRow notOfferedRow(Plan plan, List<PlanItem> items) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(", ", items.stream().map(PlanItem::target).toList()));
        PlanItem first = items.get(0);
        boolean required = items.stream().anyMatch(i -> i.blocker() != null && i.blocker().required());
        boolean allWfm = items.stream().allMatch(i -> i.target().startsWith("wfm:"));
        lines.add(Words.get("plan.why", allWfm ? Words.get(required ? "plan.noWfm" : "plan.noWfmOptional")
                : first.blocker().reason()));
        lines.add(Words.get("plan.whoCanFix", fix(first.blocker())));
        lines.add(Words.get("plan.roleWithout"));
        Badge badge = required ? Badge.BLOCKED : Badge.NOT_AVAILABLE;
        return new PlanRow("PERMISSION:not-offered", Words.count("plan.notOffered", items.size()), badge, lines);
    }

    /** One line above the plan: how much there is to do. */
    public static String summary(Plan plan) {
        long changes = plan.toApply().size();
        long blocked = plan.requiredBlockers().size() + plan.unresolvedSecrets().size();
        StringBuilder sb = new StringBuilder();
        if (!plan.preflightProblems().isEmpty()) {
            sb.append(Words.count("summary.preflight", plan.preflightProblems().size())).append(' ');
        }
        if (changes == 0) {
            sb.append(blocked == 0 ? Words.get("summary.inPlace") : Words.get("summary.nothingToDo"));
        } else {
            sb.append(Words.count("summary.changes", changes, String.valueOf(plan.writeCount())));
        }
        if (blocked > 0) {
            sb.append(' ').append(Words.count("summary.blocked", blocked));
        }
        return sb.toString();
    }

    /** True when the plan holds anything in this state (for tests and summaries). */
    public static long count(Plan plan, ItemState state) {
        return plan.items().stream().filter(i -> i.state() == state).count();
    }

    /** The plan's notes in one line: resuming a run, another run in progress, and (vault closed) unknown secrets. */
    static String notes(Plan p, boolean vaultOpen) {
        List<String> notes = new ArrayList<>();
        if (p.resumeNote() != null) {
            notes.add(p.resumeNote());
        }
        if (p.otherRunNote() != null) {
            notes.add(p.otherRunNote());
        }
        if (!vaultOpen && count(p, ItemState.SECRET_UNKNOWN) > 0) {
            notes.add(Words.get("plan.note.vaultClosed"));
        }
        return String.join(" ", notes);
    }
}
