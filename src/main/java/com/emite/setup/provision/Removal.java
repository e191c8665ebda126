package com.emite.setup.provision;

import com.emite.setup.provision.OrgApi.RoleHolder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Taking eMite out of an org (issue 12), plan then apply, like setting it up. The plan finds every object with an
 * eMite name (the client app, the OAuth clients, the licence roles, the eMite role, the groups) and tells apart what
 * this app created (the journal holds the ids it created) from what was there before: only the first are removed,
 * unless the admin includes the others. Removing a role first revokes every grant of it (agents' licences, the
 * admin's grant), so no grant is left pointing at a role that is gone. Each removal is written to the journal in the
 * vault as it happens, and a deleted client's secret is forgotten.
 */
public final class Removal {
    private final OrgApi api;
    private final Needs needs;
    private final RunStore store;

    public Removal(OrgApi api, Needs needs, RunStore store) {
        this.api = Objects.requireNonNull(api);
        this.needs = Objects.requireNonNull(needs);
        this.store = Objects.requireNonNull(store);
    }

    /**
     * One object with an eMite name.
     *
     * @param createdHere true when the journal says this app created it (by id)
     * @param remove      true when apply removes it
     * @param holders     subjects holding it (roles only; revoked first)
     * @param grants      grants to revoke (subject × division; roles only)
     */
    public record Item(ItemKind kind, String name, String id, boolean createdHere, boolean remove, int holders,
                       int grants) {
        /** Write requests apply makes for it. */
        public int writes() {
            if (!remove) {
                return 0;
            }
            return switch (kind) {
                case OAUTH_CLIENT -> 2; // set inactive, then delete (reference §10); the client is read first
                case ROLE, LICENCE_ROLE -> grants + 1;
                default -> 1;
            };
        }

        /** What happens to it, in the admin's words. */
        public String consequence() {
            if (!remove) {
                return "kept: it was there before eMite Setup";
            }
            return switch (kind) {
                case OAUTH_CLIENT -> UpkeepNeed.CLIENT_NAME.equals(name) ? "keep-licences can no longer sign in "
                        + "with it (its scheduled runs stop until it is made again)" : "eMite STOPS WORKING: "
                        + ("emite_SSO".equals(name)
                        ? "nobody can sign in to eMite any more" : "eMite can no longer read data with it");
                case CLIENT_APP -> "the eMite tab disappears from Genesys Cloud";
                case LICENCE_ROLE -> grants == 0 ? "nobody holds it" : "taken back from " + holders + " subject"
                        + (holders == 1 ? "" : "s") + " first (" + grants + " grant" + (grants == 1 ? "" : "s") + ")";
                case ROLE -> grants == 0 ? "nobody else holds it" : "taken back from " + holders + " subject"
                        + (holders == 1 ? "" : "s") + " first (" + grants + " grant" + (grants == 1 ? "" : "s")
                        + "; eMite's OAuth clients take theirs with them)";
                case GROUP -> "its members stay in Genesys Cloud; only the group goes";
                default -> "";
            };
        }
    }

    /**
     * The removal plan of an org.
     *
     * @param missingPermissions permissions the signed-in account lacks for these removals, each with what it is
     *                           for; apply refuses to start while there are any (nothing is half removed)
     */
    public record Plan(OrgApi.OrgInfo org, List<Item> items, boolean includeExisting, List<String> missingPermissions,
                       Instant madeAt) {
        public Plan {
            items = List.copyOf(items);
            missingPermissions = List.copyOf(missingPermissions);
        }

        public List<Item> toRemove() {
            return items.stream().filter(Item::remove).toList();
        }

        public List<Item> kept() {
            return items.stream().filter(i -> !i.remove()).toList();
        }

        public int writeCount() {
            return items.stream().mapToInt(Item::writes).sum();
        }

        /** True when eMite stops working after apply (an OAuth client or the app goes). */
        public boolean stopsEmite() {
            return toRemove().stream().anyMatch(i -> i.kind() == ItemKind.OAUTH_CLIENT
                    && !UpkeepNeed.CLIENT_NAME.equals(i.name()) || i.kind() == ItemKind.CLIENT_APP);
        }
    }

    /** One removal done or failed. */
    public record Outcome(Item item, boolean done, String message) {
    }

    /** What apply did; {@code finished} is false when a request failed (the rest was not attempted). */
    public record Result(Plan plan, List<Outcome> outcomes, boolean finished) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** Reads the org (listings, and who holds each eMite role) and makes the plan. Reads only. */
    public Plan plan(boolean includeExisting) {
        OrgApi.OrgInfo org = api.organization();
        Set<String> created = createdIds(Journal.parse(store.loadJournal()));
        List<Item> items = new ArrayList<>();
        api.integrations().stream().filter(i -> i.name().equals(needs.app().name()))
                .forEach(i -> items.add(item(ItemKind.CLIENT_APP, i.name(), i.id(), created, includeExisting)));
        Set<String> clientNames = new HashSet<>();
        needs.clients().forEach(c -> clientNames.add(c.name()));
        clientNames.add(UpkeepNeed.CLIENT_NAME);
        api.oauthClients().stream().filter(c -> clientNames.contains(c.name()))
                .forEach(c -> items.add(item(ItemKind.OAUTH_CLIENT, c.name(), c.id(), created, includeExisting)));
        // A client removed first takes its own role grants with it: they are not counted as grants to revoke.
        Set<String> clientsGoing = new HashSet<>();
        items.stream().filter(i -> i.kind() == ItemKind.OAUTH_CLIENT && i.remove()).forEach(i -> clientsGoing.add(
                i.id()));
        Set<String> licenceRoles = new HashSet<>();
        api.divisions().forEach(d -> licenceRoles.add(needs.licence().roleName(d.name())));
        List<OrgApi.RoleInfo> roles = api.roles();
        for (OrgApi.RoleInfo r : roles) {
            if (licenceRoles.contains(r.name())) {
                items.add(roleItem(ItemKind.LICENCE_ROLE, r, created, includeExisting, clientsGoing));
            }
        }
        for (OrgApi.RoleInfo r : roles) {
            if (r.name().equals(needs.role().name()) || r.name().equals(UpkeepNeed.ROLE_NAME)) {
                items.add(roleItem(ItemKind.ROLE, r, created, includeExisting, clientsGoing));
            }
        }
        Set<String> groupNames = new HashSet<>();
        needs.groups().forEach(g -> groupNames.add(g.name()));
        api.groups().stream().filter(g -> groupNames.contains(g.name()))
                .forEach(g -> items.add(item(ItemKind.GROUP, g.name(), g.id(), created, includeExisting)));
        return new Plan(org, items, includeExisting, missing(api.identity(), items), Instant.now());
    }

    /** The permissions each removal needs (reference §6, §8, §9, §10, §11), those the account lacks. */
    static List<String> missing(Identity me, List<Item> items) {
        java.util.Map<String, String> needed = new java.util.LinkedHashMap<>();
        for (Item i : items) {
            if (!i.remove()) {
                continue;
            }
            switch (i.kind()) {
                case CLIENT_APP -> needed.put("integrations:integration:delete", "delete the eMite app");
                case OAUTH_CLIENT -> {
                    needed.put("oauth:client:edit", "set OAuth clients inactive");
                    needed.put("oauth:client:delete", "delete OAuth clients");
                }
                case ROLE, LICENCE_ROLE -> {
                    needed.put("authorization:grant:delete", "take roles back");
                    needed.put("authorization:role:delete", "delete roles");
                }
                case GROUP -> needed.put("directory:group:delete", "delete groups");
                default -> {
                }
            }
        }
        List<String> out = new ArrayList<>();
        needed.forEach((permission, what) -> {
            if (!me.holds(permission)) {
                out.add(permission + " (to " + what + ")");
            }
        });
        return out;
    }

    private static Item item(ItemKind kind, String name, String id, Set<String> created, boolean includeExisting) {
        boolean ours = created.contains(kind + ":" + id);
        return new Item(kind, name, id, ours, ours || includeExisting, 0, 0);
    }

    private Item roleItem(ItemKind kind, OrgApi.RoleInfo r, Set<String> created, boolean includeExisting,
                          Set<String> clientsGoing) {
        boolean ours = created.contains(kind + ":" + r.id());
        boolean remove = ours || includeExisting;
        int holders = 0;
        int grants = 0;
        if (remove) {
            for (RoleHolder h : api.roleHolders(r.id())) {
                if (clientsGoing.contains(h.subjectId())) {
                    continue;
                }
                holders++;
                grants += h.divisionIds().size();
            }
        }
        return new Item(kind, r.name(), r.id(), ours, remove, holders, grants);
    }

    /** {@code KIND:id} of every object a run of this app created. */
    static Set<String> createdIds(Journal journal) {
        Set<String> out = new HashSet<>();
        for (Change c : journal.changes()) {
            if ("created".equals(c.action()) && c.id() != null) {
                out.add(c.kind() + ":" + c.id());
            }
        }
        return out;
    }

    /**
     * Removes what the plan says, in an order that never leaves a dangling reference: the app, the OAuth clients, the
     * licence roles and the eMite role (each after revoking its grants, read again now), the groups. Each removal is
     * saved in the journal before the next one starts; the first failure stops the run.
     */
    public Result apply(Plan plan, String account, ProgressListener listener) {
        return apply(plan, account, listener, new CancellationToken());
    }

    /**
     * As above; a cancel takes effect between removals (the one in flight finishes and is recorded), and the run is
     * recorded as cancelled. Run remove again to carry on.
     */
    public Result apply(Plan plan, String account, ProgressListener listener, CancellationToken token) {
        if (!plan.missingPermissions().isEmpty()) {
            throw new ProvisionException("Nothing was removed: your account lacks "
                    + String.join(", ", plan.missingPermissions()) + ". " + Preflight.ASK_ADMIN);
        }
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        Journal journal = Journal.parse(store.loadJournal());
        journal.beginRun(account);
        List<Outcome> outcomes = new ArrayList<>();
        List<Item> todo = plan.toRemove();
        int n = 0;
        for (Item i : todo) {
            if (token.isCancelled()) {
                journal.endRun(Journal.RunStatus.CANCELLED, "cancelled before removing " + i.kind().noun() + " "
                        + i.name());
                store.saveJournal(journal.toJson());
                return new Result(plan, outcomes, false);
            }
            l.message("Removing " + i.kind().noun() + " " + i.name() + " (" + (++n) + " of " + todo.size() + ")");
            String detail;
            try {
                detail = remove(i);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                outcomes.add(new Outcome(i, false, why));
                journal.endRun(Journal.RunStatus.FAILED, "removing " + i.kind().noun() + " " + i.name() + ": " + why);
                store.saveJournal(journal.toJson());
                return new Result(plan, outcomes, false);
            }
            journal.addChange("removed", i.kind(), i.name(), i.id(), detail);
            if (i.kind() == ItemKind.OAUTH_CLIENT) {
                journal.endRunIfLast(n == todo.size());
                store.forgetClientAndSaveJournal(i.name(), journal.toJson());
            } else {
                journal.endRunIfLast(n == todo.size());
                store.saveJournal(journal.toJson());
            }
            outcomes.add(new Outcome(i, true, detail));
        }
        if (todo.isEmpty()) {
            journal.endRun(Journal.RunStatus.FINISHED, null);
            store.saveJournal(journal.toJson());
        }
        return new Result(plan, outcomes, true);
    }

    private String remove(Item i) {
        return switch (i.kind()) {
            case CLIENT_APP -> {
                api.deleteIntegration(i.id());
                yield "deleted";
            }
            case OAUTH_CLIENT -> {
                api.deleteClient(i.id());
                yield "set inactive and deleted";
            }
            case ROLE, LICENCE_ROLE -> {
                int revoked = 0;
                for (RoleHolder h : api.roleHolders(i.id())) {
                    for (String division : h.divisionIds()) {
                        api.revokeRole(h.subjectId(), division, i.id());
                        revoked++;
                    }
                }
                api.deleteRole(i.id());
                yield revoked == 0 ? "deleted" : revoked + " grant" + (revoked == 1 ? "" : "s") + " revoked, then "
                        + "deleted";
            }
            case GROUP -> {
                api.deleteGroup(i.id());
                yield "deleted";
            }
            default -> throw new IllegalStateException("not removable: " + i.kind());
        };
    }
}
