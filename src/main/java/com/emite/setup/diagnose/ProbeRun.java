package com.emite.setup.diagnose;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.ProbeCalls;
import com.emite.setup.genesys.model.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static com.emite.setup.diagnose.ProbeJson.array;
import static com.emite.setup.diagnose.ProbeJson.isNull;

/**
 * The probes that write (diagnose {@code --probe}): each makes throw-away objects whose names carry the run's tag,
 * observes exactly the answer an inferred choice is about, and leaves the removal to {@link ProbeCleanup} (every
 * object is journalled before it is made). The observations are kept per {@code ApiContract} entry as findings;
 * an entry no probe reached keeps its read-only finding. Never reports a name, an e-mail address or a secret.
 */
// One method per group of probes, in the order the objects they need are made; split further, the shared state (the
// probe group, role and client) would have to travel between classes. The probes that only read are in ProbeReads,
// those signed in as the probe client in ProbeClientSignIn; the findings are kept by ProbeFindings.
final class ProbeRun {
    /** Users granted the (permission-less) probe role and added to the probe group: the batch sizes in question. */
    static final int BATCH = Math.min(ApiContract.MAX_GROUP_MEMBERS_PER_CALL, ApiContract.MAX_SUBJECTS_PER_GRANT_CALL);

    private final OrgReads org;
    private final ProbeCalls calls;
    private final ProbeJournal journal;
    private final ProbeFindings findings;
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
        this.findings = new ProbeFindings(checks);
    }

    /** Between probes, asks whether to stop (Ctrl-C): then no more objects are made; the cleanup still runs. */
    ProbeRun stoppingWhen(java.util.function.BooleanSupplier stopRequested) {
        this.stop = stopRequested;
        return this;
    }

    /** Findings by entry, for every entry a probe settled. Objects made stay in the journal for the cleanup. */
    Map<String, Finding> run() {
        home = homeDivision();
        List<Runnable> probes = List.of(new ProbeReads(org, calls, findings::put, findings::cannotTell)::run,
                this::group, this::role, this::clients, this::integration);
        for (Runnable probe : probes) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            probe.run();
        }
        return findings.found();
    }

    /** True when a stop request ended the probes early. */
    boolean stopped() {
        return stopped;
    }

    /** After the cleanup: the delete statuses and, with them, every create's status. */
    void afterCleanup(List<Integer> deleteStatuses) {
        findings.statuses("STATUS_DELETED", ApiContract.STATUS_DELETED, deleteStatuses, "deletes of the probe objects");
        findings.statuses("STATUS_CREATED", ApiContract.STATUS_CREATED, createStatuses,
                "creates of a role, OAuth clients and an integration");
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
        findings.put("STATUS_GROUP_CREATED", made.status() == ApiContract.STATUS_GROUP_CREATED,
                "creating a group answered " + made.said());
        if (!made.ok()) {
            return;
        }
        groupId = made.field("id");
        groupVersion = made.object().has("version") ? made.object().get("version").getAsInt() : 1;

        ProbeCalls.Answer twin = create(ProbeJournal.Kind.GROUP, "groups", body);
        boolean accepted = twin.ok();
        findings.put("STATUS_DUPLICATE_GROUP_NAME", accepted == (ApiContract.STATUS_DUPLICATE_GROUP_NAME == 0)
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
            findings.put("GROUP_PUT_CLEARS_OMITTED_FIELDS", cleared == ApiContract.GROUP_PUT_CLEARS_OMITTED_FIELDS,
                    "an update without the description " + (cleared ? "cleared" : "kept") + " it");
        } else {
            findings.cannotTell("GROUP_PUT_CLEARS_OMITTED_FIELDS", "the group update was refused with " + put.said());
        }
        recentDate();
        members();
    }

    /**
     * The "another run seems in progress" notice reads an object's date from the listing; the probe's group was
     * changed seconds ago, so its listed dateModified must be there and fall inside the notice's window.
     */
    private void recentDate() {
        ProbeCalls.Answer read = calls.get("groups/" + groupId, Map.of());
        String date = read.ok() ? read.field("dateModified") : null;
        if (date == null) {
            findings.cannotTell("OTHER_RUN_RECENT_MINUTES", read.ok() ? "the group carries no dateModified"
                    : "reading the group back answered " + read.said());
            return;
        }
        try {
            java.time.Duration age = java.time.Duration.between(java.time.Instant.parse(date), java.time.Instant.now());
            boolean recent = age.abs().toMinutes() < ApiContract.OTHER_RUN_RECENT_MINUTES;
            findings.put("OTHER_RUN_RECENT_MINUTES", recent, "a group changed just now lists dateModified "
                    + age.abs().toSeconds() + " s from this computer's clock");
        } catch (java.time.format.DateTimeParseException e) {
            findings.put("OTHER_RUN_RECENT_MINUTES", false, "the group's dateModified is not an ISO-8601 instant");
        }
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
        findings.put("STATUS_GROUP_MEMBERS_ADDED", a.status() == ApiContract.STATUS_GROUP_MEMBERS_ADDED,
                "adding members answered " + a.said());
        if (ids.size() < ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            findings.cannotTell("MAX_GROUP_MEMBERS_PER_CALL", "the org has " + ids.size() + " active users, fewer than "
                    + ApiContract.MAX_GROUP_MEMBERS_PER_CALL + " to add at once");
        } else {
            findings.put("MAX_GROUP_MEMBERS_PER_CALL", a.ok(), ids.size() + " members in one add "
                    + (a.ok() ? "were taken" : "were refused with " + a.said()));
        }
        ProbeCalls.Answer individuals = calls.get("groups/" + groupId + "/individuals", Map.of());
        if (individuals.ok() && !isNull(individuals.object().get("nextUri"))) {
            findings.put("UNPAGED_LISTINGS_ON_ONE_PAGE", !ApiContract.UNPAGED_LISTINGS_ON_ONE_PAGE,
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
            findings.cannotTell("STATUS_DUPLICATE_ROLE_NAME", "the probe role was refused with " + made.said());
            return;
        }
        roleId = made.field("id");
        ProbeCalls.Answer twin = create(ProbeJournal.Kind.ROLE, "authorization/roles", body);
        findings.put("STATUS_DUPLICATE_ROLE_NAME", twin.status() == ApiContract.STATUS_DUPLICATE_ROLE_NAME,
                "a second role of the same name answered " + twin.said());
        findings.put("CODE_DUPLICATE_ROLE_NAME", ApiContract.CODE_DUPLICATE_ROLE_NAME.equals(twin.code()),
                "a second role of the same name answered " + twin.said());

        String exact = name("role");
        boolean exactFinds = roleNamed(exact);
        boolean otherCase = roleNamed(exact.toUpperCase(Locale.ROOT));
        boolean prefix = roleNamed(tag);
        findings.put("ROLE_NAME_FILTER_EXACT",
                exactFinds && !otherCase && !prefix == ApiContract.ROLE_NAME_FILTER_EXACT,
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
        findings.put("CODE_UNKNOWN_PERMISSION", ApiContract.CODE_UNKNOWN_PERMISSION.equals(bad.code()),
                "a role naming a permission the catalog lacks answered " + bad.said());

        JsonObject extra = body.deepCopy();
        extra.addProperty("emiteProbe", true);
        ProbeCalls.Answer odd = calls.write("PUT", "authorization/roles/" + roleId, Map.of(), extra);
        findings.put("REJECT_UNKNOWN_PROPERTIES", !odd.ok() == ApiContract.REJECT_UNKNOWN_PROPERTIES,
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
            findings.cannotTell("STATUS_GRANT_ADDED", "no active user or home division to grant the probe role in");
            return;
        }
        journal.made(ProbeJournal.Kind.GRANT, roleId + " " + String.join(",", ids));
        JsonObject body = new JsonObject();
        body.add("subjectIds", array(ids));
        body.add("divisionIds", array(List.of(home)));
        ProbeCalls.Answer a = calls.write("POST", "authorization/roles/" + roleId, Map.of("subjectType",
                "PC_USER"), body);
        findings.put("STATUS_GRANT_ADDED", a.status() == ApiContract.STATUS_GRANT_ADDED, "a bulk grant answered "
                + a.said());
        if (ids.size() < ApiContract.MAX_SUBJECTS_PER_GRANT_CALL) {
            findings.cannotTell("MAX_SUBJECTS_PER_GRANT_CALL", "the org has " + ids.size()
                    + " active users, fewer than " + ApiContract.MAX_SUBJECTS_PER_GRANT_CALL + " to grant at once");
        } else {
            findings.put("MAX_SUBJECTS_PER_GRANT_CALL", a.ok(), ids.size() + " subjects in one bulk grant " + (a.ok()
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
            findings.put("STATUS_ROLE_NOT_HELD", a.status() == ApiContract.STATUS_ROLE_NOT_HELD,
                    "a client given a role the caller lacks answered " + a.said());
            findings.put("CODE_ROLE_NOT_HELD", ApiContract.CODE_ROLE_NOT_HELD.equals(a.code()),
                    "a client given a role the caller lacks answered " + a.said());
        }
        ProbeCalls.Answer noUri = create(ProbeJournal.Kind.OAUTH_CLIENT, "oauth/clients",
                clientBody("code client", "CODE"));
        findings.put("REDIRECT_URI_REQUIRED_FOR_CODE", !noUri.ok() == ApiContract.REDIRECT_URI_REQUIRED_FOR_CODE,
                "a code client without a redirect URI was " + (noUri.ok() ? "taken" : "refused with "
                        + noUri.said()));
        ProbeCalls.Answer made = create(ProbeJournal.Kind.OAUTH_CLIENT, "oauth/clients",
                clientBody("client", "CLIENT-CREDENTIALS"));
        if (!made.ok() || made.field("secret") == null) {
            return;
        }
        clientGrant(made.field("id"));
        ProbeClientSignIn signIn = new ProbeClientSignIn(org.client(), groupId, groupVersion, memberId,
                findings::put, findings::cannotTell);
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
        findings.clientGrant(a.ok(), detail);
    }

    /** Observations that belong to no {@code ApiContract} field. */
    List<Finding> extra() {
        return findings.extra();
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
            findings.cannotTell("NEW_INTEGRATION_STATE", "creating a client app was refused with " + made.said());
            return;
        }
        String id = made.field("id");
        String state = made.field("intendedState");
        findings.put("NEW_INTEGRATION_STATE", ApiContract.NEW_INTEGRATION_STATE.equals(state),
                "a new client app is " + state);
        if (groupId == null) {
            return;
        }
        ProbeCalls.Answer config = calls.get("integrations/" + id + "/config/current", Map.of());
        if (!config.ok()) {
            return;
        }
        JsonObject put = ProbeJson.configWithGroupFilter(config.object(), groupId);
        ProbeCalls.Answer a = calls.write("PUT", "integrations/" + id + "/config/current", Map.of(), put);
        findings.put("CLIENT_APP_GROUPS_PROPERTY", a.ok(), "a group filter in \""
                + ApiContract.CLIENT_APP_GROUPS_PROPERTY + "\" was " + (a.ok() ? "taken" : "refused with " + a.said()));
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


    /** Requests the probe's own client sent (not counted in the signed-in client's statistics). */
    long probeClientRequests() {
        return probeClientRequests;
    }

    Map<String, Finding> found() {
        return findings.found();
    }
}
