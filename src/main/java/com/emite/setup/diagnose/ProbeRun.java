package com.emite.setup.diagnose;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.ProbeCalls;
import com.emite.setup.genesys.model.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The probes that write (diagnose {@code --probe}): each makes throw-away objects whose names carry the run's tag,
 * observes exactly the answer an inferred choice is about, and leaves the removal to {@link ProbeCleanup} (every
 * object is journalled before it is made). The observations are kept per {@code ApiContract} entry as findings;
 * an entry no probe reached keeps its read-only finding. Never reports a name, an e-mail address or a secret.
 */
// About 380 lines on purpose: one method per group of probes, in the order the objects they need are made; split
// further, the shared state (the probe group, role and client) would have to travel between classes. The probes
// that only read are in ProbeReads, those signed in as the probe client in ProbeClientSignIn.
final class ProbeRun {
    /** Users granted the (permission-less) probe role and added to the probe group: the batch sizes in question. */
    static final int BATCH = Math.min(ApiContract.MAX_GROUP_MEMBERS_PER_CALL, ApiContract.MAX_SUBJECTS_PER_GRANT_CALL);

    private final OrgReads org;
    private final ProbeCalls calls;
    private final ProbeJournal journal;
    private final Map<String, ContractCheck> checks;
    private final Map<String, Finding> found = new LinkedHashMap<>();
    /** Observations of engine choices that are not {@code ApiContract} fields (reported after them). */
    private final List<Finding> extra = new ArrayList<>();
    static final String CLIENT_GRANT = "engine: a role granted to an OAuth client";
    static final String CLIENT_GRANT_ASSUMED = "a bulk grant with subjectType PC_OAUTH_CLIENT is taken (if refused,"
            + " the engine adds the role to the client's roleDivisions instead)";
    private final List<Integer> createStatuses = new ArrayList<>();
    private final String tag;
    private String home;
    private String groupId;
    private int groupVersion;
    private String roleId;
    private String memberId;
    private long probeClientRequests;

    private java.util.function.BooleanSupplier stop = () -> false;
    private boolean stopped;

    ProbeRun(OrgReads org, ProbeCalls calls, ProbeJournal journal, List<ContractCheck> checks) {
        this.org = org;
        this.calls = calls;
        this.journal = journal;
        this.tag = journal.tag();
        this.checks = checks.stream().collect(Collectors.toMap(ContractCheck::entry, c -> c, (a, b) -> a,
                LinkedHashMap::new));
    }

    /** Findings by entry, for every entry a probe settled. Objects made stay in the journal for the cleanup. */
    /** Between probes, asks whether to stop (Ctrl-C): then no more objects are made; the cleanup still runs. */
    ProbeRun stoppingWhen(java.util.function.BooleanSupplier stopRequested) {
        this.stop = stopRequested;
        return this;
    }

    Map<String, Finding> run() {
        home = homeDivision();
        List<Runnable> probes = List.of(new ProbeReads(org, calls, this::put, this::cannotTell)::run, this::group,
                this::role, this::clients, this::integration);
        for (Runnable probe : probes) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            probe.run();
        }
        return found;
    }

    /** True when a stop request ended the probes early. */
    boolean stopped() {
        return stopped;
    }

    /** After the cleanup: the delete statuses and, with them, every create's status. */
    void afterCleanup(List<Integer> deleteStatuses) {
        statuses("STATUS_DELETED", ApiContract.STATUS_DELETED, deleteStatuses, "deletes of the probe objects");
        statuses("STATUS_CREATED", ApiContract.STATUS_CREATED, createStatuses, "creates of a role, OAuth clients"
                + " and an integration");
    }

    String name(String what) {
        return tag + " " + what + " (eMite Setup diagnose probe, removed at once)";
    }

    // ---------------------------------------------------------------------------------------------- group

    private void group() {
        JsonObject body = new JsonObject();
        body.addProperty("name", name("group"));
        body.addProperty("description", "eMite Setup diagnose probe");
        body.addProperty("type", "official");
        body.addProperty("visibility", "public");
        body.addProperty("rulesVisible", true);
        ProbeCalls.Answer made = create(ProbeJournal.Kind.GROUP, "groups", body);
        put("STATUS_GROUP_CREATED", made.status() == ApiContract.STATUS_GROUP_CREATED, "creating a group answered "
                + made.said());
        if (!made.ok()) {
            return;
        }
        groupId = made.field("id");
        groupVersion = made.object().has("version") ? made.object().get("version").getAsInt() : 1;

        ProbeCalls.Answer twin = create(ProbeJournal.Kind.GROUP, "groups", body);
        boolean accepted = twin.ok();
        put("STATUS_DUPLICATE_GROUP_NAME", accepted == (ApiContract.STATUS_DUPLICATE_GROUP_NAME == 0)
                        && (accepted || twin.status() == ApiContract.STATUS_DUPLICATE_GROUP_NAME),
                "a second group of the same name was " + (accepted ? "accepted" : "refused with " + twin.said()));

        JsonObject update = body.deepCopy();
        update.remove("description");
        update.remove("type");
        update.addProperty("version", groupVersion);
        ProbeCalls.Answer put = calls.write("PUT", "groups/" + groupId, Map.of(), update);
        if (put.ok()) {
            groupVersion = put.object().has("version") ? put.object().get("version").getAsInt() : groupVersion + 1;
            ProbeCalls.Answer read = calls.get("groups/" + groupId, Map.of());
            boolean cleared = read.ok() && read.field("description") == null;
            put("GROUP_PUT_CLEARS_OMITTED_FIELDS", cleared == ApiContract.GROUP_PUT_CLEARS_OMITTED_FIELDS,
                    "an update without the description " + (cleared ? "cleared" : "kept") + " it");
        } else {
            cannotTell("GROUP_PUT_CLEARS_OMITTED_FIELDS", "the group update was refused with " + put.said());
        }
        members();
    }

    private void members() {
        List<String> ids = org.users().stream().map(User::id).limit(ApiContract.MAX_GROUP_MEMBERS_PER_CALL)
                .collect(Collectors.toList());
        if (ids.isEmpty()) {
            return;
        }
        memberId = ids.get(0);
        JsonObject add = new JsonObject();
        add.add("memberIds", array(ids));
        add.addProperty("version", groupVersion);
        ProbeCalls.Answer a = calls.write("POST", "groups/" + groupId + "/members", Map.of(), add);
        put("STATUS_GROUP_MEMBERS_ADDED", a.status() == ApiContract.STATUS_GROUP_MEMBERS_ADDED,
                "adding members answered " + a.said());
        if (ids.size() < ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            cannotTell("MAX_GROUP_MEMBERS_PER_CALL", "the org has " + ids.size() + " active users, fewer than "
                    + ApiContract.MAX_GROUP_MEMBERS_PER_CALL + " to add at once");
        } else {
            put("MAX_GROUP_MEMBERS_PER_CALL", a.ok(), ids.size() + " members in one add " + (a.ok() ? "were taken"
                    : "were refused with " + a.said()));
        }
        ProbeCalls.Answer individuals = calls.get("groups/" + groupId + "/individuals", Map.of());
        if (individuals.ok() && !isNull(individuals.object().get("nextUri"))) {
            put("UNPAGED_LISTINGS_ON_ONE_PAGE", !ApiContract.UNPAGED_LISTINGS_ON_ONE_PAGE,
                    "GET /groups/{id}/individuals answered with a next page");
        }
    }

    // ---------------------------------------------------------------------------------------------- role

    private void role() {
        JsonObject body = new JsonObject();
        body.addProperty("name", name("role"));
        body.addProperty("description", "eMite Setup diagnose probe: no permissions");
        body.add("permissionPolicies", new JsonArray());
        ProbeCalls.Answer made = create(ProbeJournal.Kind.ROLE, "authorization/roles", body);
        if (!made.ok()) {
            cannotTell("STATUS_DUPLICATE_ROLE_NAME", "the probe role was refused with " + made.said());
            return;
        }
        roleId = made.field("id");
        ProbeCalls.Answer twin = create(ProbeJournal.Kind.ROLE, "authorization/roles", body);
        put("STATUS_DUPLICATE_ROLE_NAME", twin.status() == ApiContract.STATUS_DUPLICATE_ROLE_NAME,
                "a second role of the same name answered " + twin.said());
        put("CODE_DUPLICATE_ROLE_NAME", ApiContract.CODE_DUPLICATE_ROLE_NAME.equals(twin.code()),
                "a second role of the same name answered " + twin.said());

        String exact = name("role");
        boolean exactFinds = roleNamed(exact);
        boolean otherCase = roleNamed(exact.toUpperCase(Locale.ROOT));
        boolean prefix = roleNamed(tag);
        put("ROLE_NAME_FILTER_EXACT", exactFinds && !otherCase && !prefix == ApiContract.ROLE_NAME_FILTER_EXACT,
                "?name= found the role by its name: " + exactFinds + ", in capitals: " + otherCase
                        + ", by its first words: " + prefix);

        JsonObject unknown = body.deepCopy();
        JsonArray policies = new JsonArray();
        JsonObject policy = new JsonObject();
        policy.addProperty("domain", "emiteprobe");
        policy.addProperty("entityName", "nothing");
        policy.add("actionSet", array(List.of("view")));
        policies.add(policy);
        unknown.add("permissionPolicies", policies);
        ProbeCalls.Answer bad = calls.write("PUT", "authorization/roles/" + roleId, Map.of(), unknown);
        put("CODE_UNKNOWN_PERMISSION", ApiContract.CODE_UNKNOWN_PERMISSION.equals(bad.code()),
                "a role naming a permission the catalog lacks answered " + bad.said());

        JsonObject extra = body.deepCopy();
        extra.addProperty("emiteProbe", true);
        ProbeCalls.Answer odd = calls.write("PUT", "authorization/roles/" + roleId, Map.of(), extra);
        put("REJECT_UNKNOWN_PROPERTIES", !odd.ok() == ApiContract.REJECT_UNKNOWN_PROPERTIES,
                "a body with an unknown property was " + (odd.ok() ? "taken" : "refused with " + odd.said()));
        grants();
    }

    private boolean roleNamed(String name) {
        ProbeCalls.Answer a = calls.get("authorization/roles", Map.of("name", name));
        JsonElement entities = a.object().get("entities");
        if (!a.ok() || entities == null || !entities.isJsonArray()) {
            return false;
        }
        for (JsonElement e : entities.getAsJsonArray()) {
            if (roleId.equals(e.getAsJsonObject().get("id").getAsString())) {
                return true;
            }
        }
        return false;
    }

    private void grants() {
        List<String> ids = org.users().stream().map(User::id).limit(ApiContract.MAX_SUBJECTS_PER_GRANT_CALL)
                .collect(Collectors.toList());
        if (ids.isEmpty() || home == null) {
            cannotTell("STATUS_GRANT_ADDED", "no active user or home division to grant the probe role in");
            return;
        }
        journal.made(ProbeJournal.Kind.GRANT, roleId + " " + String.join(",", ids));
        JsonObject body = new JsonObject();
        body.add("subjectIds", array(ids));
        body.add("divisionIds", array(List.of(home)));
        ProbeCalls.Answer a = calls.write("POST", "authorization/roles/" + roleId, Map.of("subjectType",
                "PC_USER"), body);
        put("STATUS_GRANT_ADDED", a.status() == ApiContract.STATUS_GRANT_ADDED, "a bulk grant answered "
                + a.said());
        if (ids.size() < ApiContract.MAX_SUBJECTS_PER_GRANT_CALL) {
            cannotTell("MAX_SUBJECTS_PER_GRANT_CALL", "the org has " + ids.size() + " active users, fewer than "
                    + ApiContract.MAX_SUBJECTS_PER_GRANT_CALL + " to grant at once");
        } else {
            put("MAX_SUBJECTS_PER_GRANT_CALL", a.ok(), ids.size() + " subjects in one bulk grant " + (a.ok()
                    ? "were taken" : "were refused with " + a.said()));
        }
    }

    // ---------------------------------------------------------------------------------------------- clients

    private void clients() {
        if (roleId != null && home != null) {
            JsonObject notHeld = clientBody("client holding a role", "CLIENT-CREDENTIALS");
            JsonObject rd = new JsonObject();
            rd.addProperty("roleId", roleId);
            rd.addProperty("divisionId", home);
            JsonArray rds = new JsonArray();
            rds.add(rd);
            notHeld.add("roleDivisions", rds);
            ProbeCalls.Answer a = create(ProbeJournal.Kind.OAUTH_CLIENT, "oauth/clients", notHeld);
            put("STATUS_ROLE_NOT_HELD", a.status() == ApiContract.STATUS_ROLE_NOT_HELD,
                    "a client given a role the caller lacks answered " + a.said());
            put("CODE_ROLE_NOT_HELD", ApiContract.CODE_ROLE_NOT_HELD.equals(a.code()),
                    "a client given a role the caller lacks answered " + a.said());
        }
        ProbeCalls.Answer noUri = create(ProbeJournal.Kind.OAUTH_CLIENT, "oauth/clients",
                clientBody("code client", "CODE"));
        put("REDIRECT_URI_REQUIRED_FOR_CODE", !noUri.ok() == ApiContract.REDIRECT_URI_REQUIRED_FOR_CODE,
                "a code client without a redirect URI was " + (noUri.ok() ? "taken" : "refused with "
                        + noUri.said()));
        ProbeCalls.Answer made = create(ProbeJournal.Kind.OAUTH_CLIENT, "oauth/clients",
                clientBody("client", "CLIENT-CREDENTIALS"));
        if (!made.ok() || made.field("secret") == null) {
            return;
        }
        clientGrant(made.field("id"));
        ProbeClientSignIn signIn = new ProbeClientSignIn(org.client(), groupId, groupVersion, memberId, this::put,
                this::cannotTell);
        try {
            signIn.look(made.field("id"), com.emite.setup.common.Secret.of(made.field("secret")));
        } finally {
            probeClientRequests = signIn.requests();
        }
    }

    /** The grant the engine makes to its own client when it lacks a role (self-grant), tried on the probe client. */
    private void clientGrant(String clientId) {
        if (roleId == null || home == null) {
            return;
        }
        JsonObject body = new JsonObject();
        body.add("subjectIds", array(List.of(clientId)));
        body.add("divisionIds", array(List.of(home)));
        ProbeCalls.Answer a = calls.write("POST", "authorization/roles/" + roleId, Map.of("subjectType",
                "PC_OAUTH_CLIENT"), body);
        String detail = "granting the probe role to the probe client " + (a.ok() ? "answered " + a.said()
                : "was refused with " + a.said());
        extra.add(a.ok() ? new Finding(CLIENT_GRANT, CLIENT_GRANT_ASSUMED, Verdict.HELD, detail)
                : new Finding(CLIENT_GRANT, CLIENT_GRANT_ASSUMED, Verdict.DIFFERS, detail
                + " (the engine's fallback is then used)"));
    }

    /** Observations that belong to no {@code ApiContract} field. */
    List<Finding> extra() {
        return extra;
    }

    private JsonObject clientBody(String what, String grantType) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name(what));
        c.addProperty("description", "eMite Setup diagnose probe");
        c.addProperty("authorizedGrantType", grantType);
        c.addProperty("accessTokenValiditySeconds", 600);
        return c;
    }

    // ---------------------------------------------------------------------------------------------- integration

    private void integration() {
        JsonObject body = new JsonObject();
        body.addProperty("name", name("app"));
        JsonObject type = new JsonObject();
        type.addProperty("id", ApiContract.CLIENT_APP_TYPE_ID);
        body.add("integrationType", type);
        ProbeCalls.Answer made = create(ProbeJournal.Kind.INTEGRATION, "integrations", body);
        if (!made.ok()) {
            cannotTell("NEW_INTEGRATION_STATE", "creating a client app was refused with " + made.said());
            return;
        }
        String id = made.field("id");
        String state = made.field("intendedState");
        put("NEW_INTEGRATION_STATE", ApiContract.NEW_INTEGRATION_STATE.equals(state),
                "a new client app is " + state);
        if (groupId == null) {
            return;
        }
        ProbeCalls.Answer config = calls.get("integrations/" + id + "/config/current", Map.of());
        if (!config.ok()) {
            return;
        }
        JsonObject put = new JsonObject();
        for (String k : List.of("name", "version", "notes")) {
            if (config.object().has(k)) {
                put.add(k, config.object().get(k));
            }
        }
        for (String k : List.of("properties", "advanced", "credentials")) {
            JsonElement e = config.object().get(k);
            put.add(k, e == null || !e.isJsonObject() ? new JsonObject() : e.deepCopy());
        }
        if (!put.has("notes")) {
            put.addProperty("notes", "");
        }
        put.getAsJsonObject("properties").add(ApiContract.CLIENT_APP_GROUPS_PROPERTY, array(List.of(groupId)));
        ProbeCalls.Answer a = calls.write("PUT", "integrations/" + id + "/config/current", Map.of(), put);
        put("CLIENT_APP_GROUPS_PROPERTY", a.ok(), "a group filter in \"" + ApiContract.CLIENT_APP_GROUPS_PROPERTY
                + "\" was " + (a.ok() ? "taken" : "refused with " + a.said()));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A create, journalled first; the answer's status is kept for STATUS_CREATED (groups have their own). */
    private ProbeCalls.Answer create(ProbeJournal.Kind kind, String path, JsonObject body) {
        journal.intend(kind);
        ProbeCalls.Answer a = calls.write("POST", path, Map.of(), body);
        if (a.ok() && a.field("id") != null) {
            journal.made(kind, a.field("id"));
            if (kind != ProbeJournal.Kind.GROUP) {
                createStatuses.add(a.status());
            }
        } else {
            journal.refused(kind);
        }
        return a;
    }

    private String homeDivision() {
        return org.client().listDivisions().filter(d -> Boolean.TRUE.equals(d.homeDivision()))
                .map(d -> d.id()).findFirst().orElse(null);
    }

    private void statuses(String entry, int expected, List<Integer> seen, String what) {
        if (seen.isEmpty()) {
            cannotTell(entry, "no " + what + " were answered");
            return;
        }
        put(entry, seen.stream().allMatch(s -> s == expected), what + " answered " + seen.stream().distinct()
                .map(s -> "HTTP " + s).collect(Collectors.joining(", ")));
    }

    void put(String entry, boolean held, String detail) {
        ContractCheck c = checks.get(entry);
        if (c != null) {
            found.put(entry, held ? c.held(detail) : c.differs(detail));
        }
    }

    void cannotTell(String entry, String why) {
        ContractCheck c = checks.get(entry);
        if (c != null && !found.containsKey(entry)) {
            found.put(entry, c.cannotTell(why));
        }
    }

    /** Requests the probe's own client sent (not counted in the signed-in client's statistics). */
    long probeClientRequests() {
        return probeClientRequests;
    }

    Map<String, Finding> found() {
        return found;
    }

    static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static boolean isNull(JsonElement e) {
        return e == null || e.isJsonNull();
    }

    static int count(ProbeCalls.Answer a) {
        JsonElement e = a.object().get("entities");
        return e != null && e.isJsonArray() ? e.getAsJsonArray().size() : 0;
    }
}
