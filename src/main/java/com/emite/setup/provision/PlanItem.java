package com.emite.setup.provision;

import java.util.List;
import java.util.Objects;

/**
 * One thing eMite needs, and where the org stands on it.
 *
 * @param kind        what sort of object
 * @param target      its name (group, role, client, division…) or permission string
 * @param state       present / missing / different / blocked / secret unknown
 * @param differences for DIFFERENT (and notes for others): what differs, in plain words
 * @param blocker     for BLOCKED (and SECRET_UNKNOWN): why, and who can fix it
 * @param existingId  the id of the object when the org has it
 * @param action      what apply does for it; null when nothing is to be done (or it cannot be done)
 */
public record PlanItem(ItemKind kind, String target, ItemState state, List<String> differences, Blocker blocker,
                       String existingId, Action action) {
    public PlanItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        differences = List.copyOf(differences);
    }

    public static PlanItem present(ItemKind kind, String target, String id, String... notes) {
        return new PlanItem(kind, target, ItemState.PRESENT, List.of(notes), null, id, null);
    }

    public static PlanItem missing(ItemKind kind, String target, Action action, String... notes) {
        return new PlanItem(kind, target, ItemState.MISSING, List.of(notes), null, null, action);
    }

    public static PlanItem different(ItemKind kind, String target, String id, List<String> differences,
                                     Action action) {
        return new PlanItem(kind, target, ItemState.DIFFERENT, differences, null, id, action);
    }

    public static PlanItem blocked(ItemKind kind, String target, String id, Blocker blocker) {
        return new PlanItem(kind, target, ItemState.BLOCKED, List.of(), blocker, id, null);
    }

    /** Stable key for the journal, e.g. {@code OAUTH_CLIENT:emite_APIdata}. */
    public String key() {
        return kind.name() + ":" + target;
    }

    public int step() {
        return kind.step();
    }

    /** The write requests apply makes for this item (empty when none). */
    public List<WriteCall> writes() {
        return action == null ? List.of() : action.writes();
    }

    public int writeCount() {
        return writes().stream().mapToInt(WriteCall::count).sum();
    }

    /** True when this item keeps the org from being fully in place for the chosen options. */
    public boolean needsAttention() {
        return switch (state) {
            case PRESENT -> false;
            case MISSING, DIFFERENT, SECRET_UNKNOWN, NEEDS_CHOICE -> true;
            case BLOCKED -> blocker != null && blocker.required();
        };
    }

    /** True for drift (something apply would change or a secret to reset), as opposed to a blocker. */
    public boolean isDrift() {
        return state == ItemState.MISSING || state == ItemState.DIFFERENT || state == ItemState.SECRET_UNKNOWN;
    }

    /** An item the admin must choose for before apply does it (see {@link ItemState#NEEDS_CHOICE}). */
    public static PlanItem needsChoice(ItemKind kind, String target, List<String> notes, Blocker blocker) {
        return new PlanItem(kind, target, ItemState.NEEDS_CHOICE, notes, blocker, null, null);
    }
}
