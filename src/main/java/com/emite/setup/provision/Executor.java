package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Applies a plan, item by item, in order. Every item is journalled before (the intent) and after (the id); a new
 * client's secret is saved into the vault together with the journal entry before the next item starts. Ids of objects
 * created in the run are kept from the create responses and never read back. The cancellation token is checked
 * between requests, so a cancel stops after the request in flight with a consistent journal. A run killed at any point
 * is continued by the next plan + apply: the plan re-reads the org (listings, not search), so an object whose create
 * reached Genesys is found by name and not created again.
 * <p>Why it is long (about 600 lines): one run's state (journal, ids, group versions, the pending own grant, the
 * listings read before creates, the step deadline) is shared by every action, and each action's journal and change
 * entries sit next to its requests so that the order of save and send stays visible. The next split would move the
 * per-action bodies (client app, licences, members) into classes over a small run-state object.
 */
public final class Executor {
    /** How long to wait for a new role grant to take effect, by default. */
    public static final Duration DEFAULT_GRANT_TIMEOUT = Duration.ofMinutes(3);
    private static final int MAX_VERSION_RETRIES = 5;

    private final OrgApi api;
    private final RunStore store;
    private final ProgressListener listener;
    private final CancellationToken token;
    /** How long one step may take in all (its requests, retries and waits), by default. */
    public static final Duration DEFAULT_STEP_DEADLINE = Duration.ofMinutes(10);
    /** Ends steps that passed their deadline (one daemon thread for every executor). */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "emite-step-deadline");
                t.setDaemon(true);
                return t;
            });

    private final Duration grantTimeout;
    private final Duration stepDeadline;

    public Executor(OrgApi api, RunStore store, ProgressListener listener, CancellationToken token,
                    Duration grantTimeout) {
        this(api, store, listener, token, grantTimeout, null);
    }

    /**
     * @param stepDeadline how long one step may take in all, retries and waits included (null: the default; the
     *                     grant wait is bounded by {@code grantTimeout} on top); a step past it ends the run with a
     *                     plain message and a saved journal
     */
    public Executor(OrgApi api, RunStore store, ProgressListener listener, CancellationToken token,
                    Duration grantTimeout, Duration stepDeadline) {
        this.api = Objects.requireNonNull(api);
        this.store = Objects.requireNonNull(store);
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.token = token == null ? new CancellationToken() : token;
        this.grantTimeout = grantTimeout == null ? DEFAULT_GRANT_TIMEOUT : grantTimeout;
        this.stepDeadline = stepDeadline == null ? DEFAULT_STEP_DEADLINE : stepDeadline;
    }

    /** Applies on {@code executor} (a background pool in the app, a same-thread one in tests). */
    public CompletableFuture<ApplyResult> applyAsync(Plan plan, java.util.concurrent.Executor executor) {
        return CompletableFuture.supplyAsync(() -> apply(plan), executor);
    }

    /**
     * Applies the plan on the calling thread. Returns normally when finished or cancelled (see the result's status);
     * a failure of Genesys ends the run with status FAILED and the plain message in {@link ApplyResult#error()}.
     *
     * @throws ProvisionException if the plan has preflight problems (nothing is changed)
     */
    public ApplyResult apply(Plan plan) {
        if (!plan.preflightProblems().isEmpty()) {
            throw new ProvisionException("Nothing was changed: your account lacks permissions this plan needs ("
                    + String.join(", ", plan.preflightProblems().stream().map(PlanItem::target).toList()) + ").");
        }
        Run run = new Run(plan);
        return run.go();
    }

    /** The state of one run. */
    private final class Run {
        final Plan plan;
        final Journal journal;
        final Map<String, String> ids = new LinkedHashMap<>();
        final Map<String, Integer> groupVersions = new HashMap<>();
        final List<ApplyResult.Outcome> outcomes = new ArrayList<>();
        final OrgApi.CallCount start = api.calls();
        final long total;
        long done;
        String pendingGrantRoleId;
        String account;
        /** Kind → name → id as listed right before this run's first create of that kind (#15: never a duplicate). */
        final Map<String, Map<String, String>> listedBeforeCreate = new HashMap<>();

        Run(Plan plan) {
            this.plan = plan;
            this.journal = Journal.parse(store.loadJournal());
            this.total = plan.writeCount();
            this.account = plan.identity().describe();
            for (PlanItem i : plan.items()) {
                String ref = ref(i.kind(), i.target());
                if (ref != null && i.existingId() != null) {
                    ids.putIfAbsent(ref, i.existingId());
                }
            }
        }

        ApplyResult go() {
            journal.beginRun(account);
            store.describeOrg(plan.org().shortName(), plan.org().regionId() != null ? plan.org().regionId()
                    : plan.org().regionName());
            // Steps an interrupted run left open that the plan now finds in place are settled.
            for (PlanItem i : plan.items()) {
                if (i.action() == null && i.state() == ItemState.PRESENT) {
                    journal.settle(i.key(), i.existingId());
                }
            }
            // One durable save at every step boundary: it holds the previous step's result and the next step's
            // intent, and is made before the next step sends anything. A new client's secret is saved on its own,
            // the moment it arrives.
            listener.progress(0, total);
            String error = null;
            Journal.RunStatus status = Journal.RunStatus.FINISHED;
            PlanItem current = null;
            try {
                for (PlanItem item : plan.toApply()) {
                    current = item;
                    token.throwIfCancelled();
                    listener.stepStarted(item);
                    journal.stepStarted(item.key(), describe(item));
                    save();
                    String outcome = withDeadline(item, () -> perform(item));
                    outcomes.add(new ApplyResult.Outcome(item, true, outcome));
                    listener.stepFinished(item, outcome);
                    current = null;
                }
            } catch (RunCancelledException e) {
                status = Journal.RunStatus.CANCELLED;
                error = e.getMessage();
                if (current != null) {
                    // Cancelled inside a step of several requests (batches, or the app's create/configure/enable):
                    // what was sent stays; the next plan sees it and does the rest.
                    journal.stepFailed(current.key(), "cancelled part-way; the next apply finishes it");
                }
            } catch (RuntimeException e) {
                status = Journal.RunStatus.FAILED;
                error = plain(e);
                if (current != null) {
                    journal.stepFailed(current.key(), error);
                    outcomes.add(new ApplyResult.Outcome(current, false, error));
                }
            }
            if (status == Journal.RunStatus.FINISHED) {
                rememberPermissionChoices();
            }
            journal.endRun(status, status == Journal.RunStatus.FINISHED ? null : error);
            save();
            return new ApplyResult(plan, status, outcomes, ids, journal.lastRun().runId(),
                    journal.changesOf(journal.lastRun().runId()), api.calls().minus(start), error);
        }

        /**
         * Runs one step within its deadline ({@link #stepDeadline}, plus the grant timeout for a step that may wait
         * for a grant): past it, the request in flight or the wait is interrupted and the run ends with a plain
         * message; the journal is then saved as for any failure.
         */
        private String withDeadline(PlanItem item, java.util.function.Supplier<String> work) {
            boolean mayWait = pendingGrantRoleId != null || item.action() instanceof Action.AwaitGrant;
            Duration limit = mayWait ? stepDeadline.plus(grantTimeout) : stepDeadline;
            Thread worker = Thread.currentThread();
            Object lock = new Object();
            boolean[] done = {false};
            java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                synchronized (lock) {
                    if (!done[0]) {
                        late.set(true);
                        worker.interrupt();
                    }
                }
            }, limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            try {
                String outcome = work.get();
                if (late.get()) {
                    throw new ProvisionException(tooLong(item, limit));
                }
                return outcome;
            } catch (RuntimeException e) {
                if (late.get()) {
                    throw new ProvisionException(tooLong(item, limit), e);
                }
                throw e;
            } finally {
                synchronized (lock) {
                    done[0] = true;
                }
                watchdog.cancel(false);
                if (late.get()) {
                    Thread.interrupted(); // the interrupt was ours: the journal save that follows must not see it
                }
            }
        }

        private String tooLong(PlanItem item, Duration limit) {
            return "The step \"" + item.kind().label() + " " + item.target() + "\" did not finish within "
                    + limit.toSeconds() + " s: Genesys Cloud answered too slowly. What was done is saved; run apply "
                    + "again later, and it continues from here.";
        }

        /**
         * The admin's permission choices of this plan are remembered for the org (the next plan uses them) and
         * named in the change report when they are new.
         */
        private void rememberPermissionChoices() {
            Map<Integer, String> known = journal.permissionChoices();
            Map<Integer, String> chosen = new LinkedHashMap<>();
            for (PermissionCheck c : plan.permissions()) {
                if (c.status() == PermissionCheck.Status.CHOSEN) {
                    chosen.put(c.row(), c.permission());
                    if (!c.permission().equals(known.get(c.row()))) {
                        journal.addChange("permission chosen", ItemKind.PERMISSION, c.permission(), null,
                                "row " + c.row() + " (" + c.label() + "): this org's catalog lacks the guide's "
                                        + "permission; you chose " + c.permission() + " for it");
                    }
                }
            }
            if (!chosen.isEmpty()) {
                journal.rememberPermissionChoices(chosen);
            }
        }

        /**
         * The id of an object named {@code name} that exists now although the plan found none (another apply running
         * at the same time, by another admin or another data folder), else null. The listing of its kind is read
         * once per run, right before the first create of that kind: listings, not search, which lags.
         */
        private String createdMeanwhile(String kind, String name) {
            Map<String, String> byName = listedBeforeCreate.computeIfAbsent(kind, k -> {
                Map<String, String> m = new HashMap<>();
                switch (k) {
                    case "group" -> api.groups().forEach(x -> m.putIfAbsent(x.name(), x.id()));
                    case "role" -> api.roles().forEach(x -> m.putIfAbsent(x.name(), x.id()));
                    case "client" -> api.oauthClients().forEach(x -> m.putIfAbsent(x.name(), x.id()));
                    default -> api.integrations().forEach(x -> m.putIfAbsent(x.name(), x.id()));
                }
                return m;
            });
            return byName.get(name);
        }

        private String foundMeanwhile(PlanItem item, String kind, String id) {
            ids.put(ref(item.kind(), item.target()), id);
            journal.stepDone(item.key(), id, "found, not created again");
            journal.addChange("found", item.kind(), item.target(), id, "made after the plan was read (another "
                    + "apply at the same time?); not created again");
            return "found (id " + id + "): it appeared after the plan was read, perhaps from another apply running at "
                    + "the same time; not created again";
        }

        private String perform(PlanItem item) {
            Action a = item.action();
            if (a instanceof Action.CreateGroup g) {
                String found = createdMeanwhile("group", g.name());
                if (found != null) {
                    return foundMeanwhile(item, "group", found);
                }
                OrgApi.GroupInfo created = api.createGroup(g.name(), g.type(), g.visibility(), g.rulesVisible(),
                        g.description());
                wrote(1);
                ids.put(ref(ItemKind.GROUP, g.name()), created.id());
                groupVersions.put(created.id(), created.version());
                return finish(item, "created", created.id(), null);
            }
            if (a instanceof Action.UpdateGroup g) {
                int v = api.updateGroup(g.groupId(), g.version(), g.name(), g.description(), g.ownerIds(),
                        g.visibility(), g.rulesVisible());
                wrote(1);
                groupVersions.put(g.groupId(), v);
                return finish(item, "changed", g.groupId(), "visibility " + g.visibility());
            }
            if (a instanceof Action.AddGroupMembers m) {
                return addMembers(item, m);
            }
            if (a instanceof Action.RemoveGroupMembers m) {
                List<String> users = m.userIds();
                for (int from = 0; from < users.size(); from += m.batchSize()) {
                    token.throwIfCancelled();
                    api.removeGroupMembers(m.groupId(), users.subList(from, Math.min(users.size(),
                            from + m.batchSize())));
                    wrote(1);
                }
                return finish(item, "members removed", m.groupId(), users.size() + " members");
            }
            if (a instanceof Action.CreateRole r) {
                String found = createdMeanwhile("role", r.name());
                if (found != null) {
                    return foundMeanwhile(item, "role", found);
                }
                OrgApi.RoleInfo created = api.createRole(r.name(), r.description(), r.policies());
                wrote(1);
                ids.put(ref(ItemKind.ROLE, r.name()), created.id());
                int n = permissionCount(r.policies());
                return finish(item, "created", created.id(), n + (n == 1 ? " permission" : " permissions"));
            }
            if (a instanceof Action.UpdateRole r) {
                api.updateRole(r.roleId(), r.name(), r.description(), r.policies());
                wrote(1);
                return finish(item, "changed", r.roleId(), "permissions added; now " + permissionCount(r.policies()));
            }
            if (a instanceof Action.GrantRoleToIdentity g) {
                String roleId = g.roleId() != null ? g.roleId() : id(ItemKind.ROLE, g.roleName());
                String how = "in all divisions";
                try {
                    api.grantRole(roleId, g.subjectKind().subjectType(), List.of(g.subjectId()),
                            List.of(g.divisionId()));
                    wrote(1);
                } catch (OrgApi.GrantRefused refused) {
                    wrote(1);
                    addRoleToOwnClient(g.subjectId(), roleId, g.divisionId());
                    how = "in all divisions, added to your OAuth client's roles (the authorization API refused the "
                            + "grant)";
                }
                pendingGrantRoleId = roleId;
                journal.recordGrants(roleId, g.divisionId(), List.of(g.subjectId()));
                return finish(item, "granted", roleId, how);
            }
            if (a instanceof Action.AwaitGrant g) {
                pendingGrantRoleId = g.roleId();
                journal.stepDone(item.key(), g.roleId(), "waiting for it to take effect");
                return "granted earlier; apply waits for it before the OAuth clients that need it";
            }
            if (a instanceof Action.CreateClient c) {
                String found = createdMeanwhile("client", c.spec().name());
                if (found != null) {
                    return foundMeanwhile(item, "client", found) + ". Its secret is not in the vault: plan again "
                            + "and issue a new secret for it, or ask whoever made it";
                }
                return createClient(item, c.spec());
            }
            if (a instanceof Action.UpdateClient c) {
                // The client's own role/division pairs, plus eMite's role in all divisions.
                Map<String, Set<String>> rd = new LinkedHashMap<>();
                c.keptRoleDivisions().forEach((role, divisions) -> rd.put(role, new LinkedHashSet<>(divisions)));
                roleDivisions(c.spec()).forEach((role, division) -> rd.computeIfAbsent(role,
                        k -> new LinkedHashSet<>()).add(division));
                api.updateClient(c.clientId(), c.spec(), rd);
                wrote(1);
                return finish(item, "changed", c.clientId(), String.join("; ", item.differences()));
            }
            if (a instanceof Action.DeleteDuplicate d) {
                switch (d.kind()) {
                    case GROUP -> api.deleteGroup(d.id());
                    case OAUTH_CLIENT -> api.deleteClient(d.id());
                    default -> api.deleteIntegration(d.id());
                }
                wrote(d.kind() == ItemKind.OAUTH_CLIENT ? 2 : 1);
                return finish(item, "deleted duplicate", d.id(), "a second " + d.kind().noun() + " named " + d.name());
            }
            if (a instanceof Action.ResetSecret r) {
                Secret secret = api.resetSecret(r.clientId());
                wrote(1);
                journal.stepDone(item.key(), r.clientId(), "secret reset");
                journal.addChange("secret reset", ItemKind.CLIENT_SECRET, r.name(), r.clientId(),
                        "a new secret was issued and saved in the vault; give it to eMite");
                store.saveClientAndJournal(r.name(), r.clientId(), secret, journal.toJson());
                return "new secret saved in the vault";
            }
            if (a instanceof Action.ClientApp app) {
                return clientApp(item, app);
            }
            if (a instanceof Action.GrantLicence g) {
                return grantLicence(item, g);
            }
            throw new IllegalStateException("Unknown action " + a);
        }

        /**
         * The documented way when the org refuses a grant to an OAuth client: the role joins the signed-in client's
         * own role/division pairs with PUT /oauth/clients/{id} (a full replacement: everything else is sent back as
         * it is), as an admin does by hand in Admin > OAuth.
         */
        private void addRoleToOwnClient(String clientId, String roleId, String divisionId) {
            OrgApi.ClientInfo own = api.oauthClient(clientId);
            Map<String, Set<String>> rd = new LinkedHashMap<>();
            own.roleDivisions().forEach((r, d) -> rd.put(r, new LinkedHashSet<>(d)));
            rd.computeIfAbsent(roleId, k -> new LinkedHashSet<>()).add(divisionId);
            ClientSpec spec = new ClientSpec(own.name(), own.description() == null ? "" : own.description(),
                    own.grantType() == null ? "CLIENT-CREDENTIALS" : own.grantType(),
                    own.tokenSeconds() == null ? 86400 : own.tokenSeconds(), own.redirectUris(), own.scopes(), null,
                    false);
            try {
                api.updateClient(clientId, spec, rd);
            } catch (ProvisionException e) {
                throw new ProvisionException("Genesys Cloud refused to give the role to the OAuth client you signed in "
                        + "with, both through the authorization API and on the client itself (" + e.getMessage()
                        + "). A Genesys Cloud admin can add the role to that client in Admin > OAuth; or sign in "
                        + "in the browser with your own account, which needs neither. Then apply again.", e);
            }
            wrote(1);
        }

        private String addMembers(PlanItem item, Action.AddGroupMembers m) {
            String groupId = m.groupId() != null ? m.groupId() : id(ItemKind.GROUP, m.groupName());
            Integer version = groupVersions.containsKey(groupId) ? groupVersions.get(groupId) : m.version();
            if (version == null) {
                version = api.groupVersion(groupId);
            }
            List<String> users = m.userIds();
            for (int from = 0; from < users.size(); from += m.batchSize()) {
                token.throwIfCancelled();
                List<String> batch = users.subList(from, Math.min(users.size(), from + m.batchSize()));
                for (int attempt = 0; ; attempt++) {
                    try {
                        api.addGroupMembers(groupId, version, batch);
                        wrote(1);
                        version = version + 1;
                        break;
                    } catch (OrgApi.VersionConflict e) {
                        if (attempt >= MAX_VERSION_RETRIES) {
                            throw new ProvisionException("The group " + m.groupName() + " kept changing while "
                                    + "members were added. Run apply again.");
                        }
                        version = api.groupVersion(groupId);
                    }
                }
            }
            groupVersions.put(groupId, version);
            return finish(item, "members added", groupId, users.size() + " members");
        }

        private String createClient(PlanItem item, ClientSpec spec) {
            Map<String, String> rd = roleDivisions(spec);
            OrgApi.CreatedClient created = api.createClient(spec, rd);
            wrote(1);
            ids.put(ref(ItemKind.OAUTH_CLIENT, spec.name()), created.id());
            journal.stepDone(item.key(), created.id(), "created");
            journal.addChange("created", ItemKind.OAUTH_CLIENT, spec.name(), created.id(),
                    spec.clientCredentials() ? "client credentials, role " + spec.roleName() + " in all divisions"
                            : "code authorization, redirect " + String.join(", ", spec.redirectUris()));
            // The secret is shown only in this response: it reaches the vault before anything else happens.
            store.saveClientAndJournal(spec.name(), created.id(), created.secret(), journal.toJson());
            return "created (id " + created.id() + "), secret saved in the vault";
        }

        /** The role/division pairs of a client-credentials client; waits first for our own grant to be in force. */
        private Map<String, String> roleDivisions(ClientSpec spec) {
            if (!spec.clientCredentials() || spec.roleName() == null) {
                return Map.of();
            }
            String roleId = id(ItemKind.ROLE, spec.roleName());
            if (roleId.equals(pendingGrantRoleId)) {
                waitForGrant(roleId, spec.roleName());
            }
            return Map.of(roleId, ApiContract.ALL_DIVISIONS);
        }

        private void waitForGrant(String roleId, String roleName) {
            long deadline = System.nanoTime() + grantTimeout.toNanos();
            listener.message("Waiting for the role " + roleName + " to take effect for your account (Genesys "
                    + "applies new grants after a short delay; up to " + grantTimeout.toSeconds() + " s)");
            // Polls at 0.25, 0.5, 1, 2, 3.5, 5.5 s, then every 5 s: quick for a short delay, few calls for a long one.
            long[] delays = {250, 250, 500, 1000, 1500, 2000};
            int polls = 0;
            listener.waiting(ProgressListener.Wait.GRANT_IN_EFFECT, grantTimeout);
            token.sleep(delays[0]);
            while (true) {
                token.throwIfCancelled();
                if (api.identityRoleIds(plan.identity()).contains(roleId)) {
                    pendingGrantRoleId = null;
                    listener.message("The role " + roleName + " is in force");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new ProvisionException("The role " + roleName + " was granted to your account, but "
                            + "Genesys had not applied it after " + grantTimeout.toSeconds() + " seconds. Run apply "
                            + "again in a few minutes: it continues from here.");
                }
                polls++;
                token.sleep(polls < delays.length ? delays[polls] : 5000);
            }
        }

        private String clientApp(PlanItem item, Action.ClientApp app) {
            String id = app.integrationId();
            List<String> done = new ArrayList<>();
            String found = id == null ? createdMeanwhile("integration", app.name()) : null;
            if (found != null) {
                id = found;
                ids.put(ref(ItemKind.CLIENT_APP, app.name()), id);
                done.add("found (it appeared after the plan was read; not created again)");
            } else if (id == null) {
                id = api.createIntegration(app.name(), app.typeId());
                wrote(1);
                ids.put(ref(ItemKind.CLIENT_APP, app.name()), id);
                journal.addChange("created", ItemKind.CLIENT_APP, app.name(), id, app.typeId());
                journal.stepStarted(item.key(), "created " + id + "; configuring");
                save();
                done.add("created");
            }
            if (app.putConfig()) {
                token.throwIfCancelled();
                List<String> groupIds = app.config().groupNames().stream().map(n -> id(ItemKind.GROUP, n)).toList();
                int version = app.configVersion() == null ? api.integrationConfig(id).version()
                        : app.configVersion();
                for (int attempt = 0; ; attempt++) {
                    try {
                        api.putIntegrationConfig(id, version, app.config(), groupIds);
                        wrote(1);
                        break;
                    } catch (OrgApi.VersionConflict e) {
                        if (attempt >= MAX_VERSION_RETRIES) {
                            throw new ProvisionException("The eMite app's configuration kept changing while it was "
                                    + "saved. Run apply again.");
                        }
                        version = api.integrationConfig(id).version();
                    }
                }
                done.add("configured");
            }
            if (app.enable()) {
                token.throwIfCancelled();
                api.enableIntegration(id);
                wrote(1);
                done.add("enabled");
            }
            String words = String.join(", ", done);
            journal.stepDone(item.key(), id, words);
            if (app.integrationId() != null) {
                journal.addChange("changed", ItemKind.CLIENT_APP, app.name(), id, words);
            } else {
                journal.addChange("configured and enabled", ItemKind.CLIENT_APP, app.name(), id,
                        "URL " + app.config().url() + ", groups " + String.join(", ", app.config().groupNames()));
            }
            return words + " (id " + id + ")";
        }

        private String grantLicence(PlanItem item, Action.GrantLicence g) {
            String roleId = g.roleId() != null ? g.roleId() : id(ItemKind.LICENCE_ROLE, g.roleName());
            List<String> users = g.userIds();
            int granted = 0;
            for (int from = 0; from < users.size(); from += g.batchSize()) {
                token.throwIfCancelled();
                List<String> batch = users.subList(from, Math.min(users.size(), from + g.batchSize()));
                if (batch.size() == 1 && g.batchSize() == 1) {
                    api.grantRoleToOne(roleId, "PC_USER", batch.get(0), g.divisionId());
                } else {
                    api.grantRole(roleId, "PC_USER", batch, List.of(g.divisionId()));
                }
                granted += batch.size();
                wrote(1);
                listener.message("Licences: " + g.roleName() + " granted to " + granted + " of " + users.size()
                        + " agents in " + g.divisionName());
                listener.counted("agents granted in " + g.divisionName(), granted, users.size());
            }
            journal.recordGrants(roleId, g.divisionId(), users);
            return finish(item, "granted", roleId, "to " + users.size() + " agent" + (users.size() == 1 ? "" : "s")
                    + " in division " + g.divisionName());
        }

        /** Journals the item as done with its change (saved at the next step boundary); the outcome's words. */
        private String finish(PlanItem item, String action, String id, String detail) {
            journal.stepDone(item.key(), id, action);
            journal.addChange(action, item.kind(), item.target(), id, detail);
            return action + (id == null ? "" : " (id " + id + ")") + (detail == null ? "" : ": " + detail);
        }

        private void wrote(int n) {
            done += n;
            listener.progress(done, total);
            listener.remainingRequests(Math.max(0, total - done));
        }

        private void save() {
            store.saveJournal(journal.toJson());
        }

        private String id(ItemKind kind, String name) {
            String id = ids.get(ref(kind, name));
            if (id == null) {
                throw new ProvisionException("Internal error: the id of " + kind.label().toLowerCase() + " " + name
                        + " is not known. Run plan again.");
            }
            return id;
        }
    }

    /** The key under which an object's id is kept, or null for items without an object. */
    static String ref(ItemKind kind, String name) {
        return switch (kind) {
            case GROUP -> "group:" + name;
            case ROLE, LICENCE_ROLE -> "role:" + name;
            case OAUTH_CLIENT -> "client:" + name;
            case CLIENT_APP -> "integration:" + name;
            default -> null;
        };
    }

    private static String describe(PlanItem item) {
        return item.state().label() + ": " + String.join("; ", item.writes().stream().map(WriteCall::toString)
                .toList());
    }

    private static int permissionCount(List<RolePolicy> policies) {
        return policies.stream().mapToInt(p -> p.actions().size()).sum();
    }

    /** The message of a failure, without class names or stack traces. */
    static String plain(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "Unexpected error (" + e.getClass().getSimpleName() + ")" : m;
    }
}
