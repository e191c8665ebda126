package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.testing.ManualClock;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.mypurecloud.sdk.v2.model.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract test: walks the reference's example bodies through the sandbox, then reads every body the sandbox
 * returned with the official SDK's models, strictly (unknown properties and unknown enum literals fail), and checks
 * that every field name it returned is a name the reference uses.
 */
// About 540 lines, over the ~400 guide on purpose: one scenario that calls every sandbox endpoint once (the examples of
// the reference, then each route, then the error cases) and checks every answer against the SDK models. The rules
// table and the scenario must stay side by side so a new route cannot be added without its check.
@ConcurrentClass
class SandboxContractTest {
    /** Objects whose keys are data (ids, names), not field names. */
    private static final Set<String> MAP_FIELDS = Set.of("permissionMap", "features", "messageParams", "objectCounts");
    /** Free-form objects: configuration documents, not API fields. */
    private static final Set<String> FREE_FIELDS = Set.of("properties", "advanced", "credentials", "attributes");

    static final ManualClock clock = new ManualClock();
    static Sandbox sb;
    static ObjectMapper strict;
    static final List<Http.Exchange> seen = Collections.synchronizedList(new ArrayList<>());
    static final List<String> exampleResults = new ArrayList<>();
    static final Map<String, JsonElement> exampleBodies = new LinkedHashMap<>();
    static final Map<String, String> exampleModels = new LinkedHashMap<>();

    record Rule(String method, Pattern path, Class<?> model) {
        boolean matches(Http.Exchange x) {
            String p = x.path().contains("?") ? x.path().substring(0, x.path().indexOf('?')) : x.path();
            return method.equals(x.method()) && path.matcher(p).matches();
        }
    }

    static final List<Rule> RULES = new ArrayList<>();
    static final Set<Rule> used = Collections.synchronizedSet(new LinkedHashSet<>());

    static void rule(String methods, String regex, Class<?> model) {
        for (String m : methods.split("\\|")) {
            RULES.add(new Rule(m, Pattern.compile(regex), model));
        }
    }

    static {
        String id = "[^/]+";
        rule("POST", "/oauth/token", AuthResponse.class);
        rule("GET", "/api/v2/organizations/me", Organization.class);
        rule("GET", "/api/v2/users", UserEntityListing.class);
        rule("GET", "/api/v2/users/me", UserMe.class);
        rule("GET|POST", "/api/v2/users/search", UsersSearchResponse.class);
        rule("GET", "/api/v2/users/" + id + "/roles", UserAuthorization.class);
        rule("GET", "/api/v2/users/" + id, User.class);
        rule("GET", "/api/v2/groups", GroupEntityListing.class);
        rule("GET|POST", "/api/v2/groups/search", GroupsSearchResponse.class);
        rule("POST", "/api/v2/groups", Group.class);
        rule("GET", "/api/v2/groups/" + id + "/(members|individuals)", UserEntityListing.class);
        rule("GET|PUT", "/api/v2/groups/" + id, Group.class);
        rule("GET", "/api/v2/authorization/roles", OrganizationRoleEntityListing.class);
        rule("POST", "/api/v2/authorization/roles", DomainOrganizationRole.class);
        rule("GET", "/api/v2/authorization/roles/" + id + "/users", UserEntityListing.class);
        rule("GET", "/api/v2/authorization/roles/" + id + "/subjectgrants", SubjectDivisionGrantsEntityListing.class);
        rule("PUT", "/api/v2/authorization/roles/" + id + "/users/(add|remove)", String[].class);
        rule("GET|PUT", "/api/v2/authorization/roles/" + id, DomainOrganizationRole.class);
        rule("GET", "/api/v2/authorization/permissions", PermissionCollectionEntityListing.class);
        rule("GET", "/api/v2/authorization/divisions", AuthzDivisionEntityListing.class);
        rule("GET", "/api/v2/authorization/divisions/" + id + "/grants", AuthzDivisionGrantEntityListing.class);
        rule("GET", "/api/v2/authorization/divisions/" + id, AuthzDivision.class);
        rule("GET", "/api/v2/authorization/divisionspermitted/paged/me", DivsPermittedEntityListing.class);
        rule("GET", "/api/v2/authorization/subjects/" + id, AuthzSubject.class);
        rule("GET", "/api/v2/tokens/me", TokenInfo.class);
        rule("GET", "/api/v2/oauth/clients", OAuthClientEntityListing.class);
        rule("POST", "/api/v2/oauth/clients", OAuthClient.class);
        rule("POST", "/api/v2/oauth/clients/" + id + "/secret", OAuthClient.class);
        rule("GET|PUT", "/api/v2/oauth/clients/" + id, OAuthClient.class);
        rule("GET", "/api/v2/oauth/scopes", OAuthScopeListing.class);
        rule("GET", "/api/v2/oauth/scopes/" + id, OAuthScope.class);
        rule("GET", "/api/v2/integrations/types", IntegrationTypeEntityListing.class);
        rule("GET", "/api/v2/integrations/types/" + id, IntegrationType.class);
        rule("GET", "/api/v2/integrations", IntegrationEntityListing.class);
        rule("POST", "/api/v2/integrations", Integration.class);
        rule("GET|PUT", "/api/v2/integrations/" + id + "/config/current", IntegrationConfiguration.class);
        rule("GET|PATCH|DELETE", "/api/v2/integrations/" + id, Integration.class);
    }

    @BeforeAll
    static void exercise() throws Exception {
        strict = ApiClient.buildObjectMapper(new ApiDateFormat());
        strict.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        sb = Sandbox.start(Fixtures.fast().build(), clock);
        Http admin = Http.admin(sb);
        admin.listener = seen::add;
        runExamples(admin);
        exerciseEveryEndpoint(admin);
        exerciseErrors(admin);
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    // ---- the scenario ----

    static void runExamples(Http admin) throws IOException {
        JsonObject file;
        try (InputStream in = SandboxContractTest.class.getResourceAsStream("contract/reference-examples.json")) {
            file = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        List<String> users = sb.inspect().activeUserIds();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("user1", users.get(1));
        vars.put("user2", users.get(2));
        vars.put("divisionId", sb.homeDivisionId());
        for (JsonElement e : file.getAsJsonArray("examples")) {
            JsonObject ex = e.getAsJsonObject();
            String section = ex.get("section").getAsString();
            if (section.startsWith("§10") && !vars.containsKey("roleHeld")) {
                // §9: the caller must hold the role it gives the client; grant it and wait out the grant lag.
                Fixtures.grantToSelf(sb, clock, admin, vars.get("roleId"));
                vars.put("roleHeld", "yes");
            }
            if (section.startsWith("§6 POST /api/v2/groups/{groupId}/members")) {
                vars.put("groupVersion", admin.get("/api/v2/groups/" + vars.get("groupId")).json().get("version")
                        .getAsString());
            }
            JsonElement body = ex.get("body");
            if (ex.has("wrap")) {
                JsonObject q = new JsonObject();
                JsonArray a = new JsonArray();
                a.add(body);
                q.add("query", a);
                body = q;
            }
            String text = body.toString();
            if (ex.has("replace")) {
                for (Map.Entry<String, JsonElement> r : ex.getAsJsonObject("replace").entrySet()) {
                    text = text.replace(r.getKey(), r.getValue().getAsString());
                }
            }
            text = fill(text, vars);
            String path = fill(ex.get("path").getAsString(), vars);
            Http.Res res = admin.call(ex.get("method").getAsString(), path, text);
            exampleResults.add(section + " → " + res.status() + (res.status() >= 300 ? " " + res.body() : ""));
            exampleBodies.put(section, JsonParser.parseString(text));
            if (ex.has("model")) {
                exampleModels.put(section, ex.get("model").getAsString());
            }
            if (ex.has("save") && res.status() < 300) {
                for (Map.Entry<String, JsonElement> s : ex.getAsJsonObject("save").entrySet()) {
                    vars.put(s.getKey(), res.json().get(s.getValue().getAsString()).getAsString());
                }
            }
        }
    }

    static String fill(String text, Map<String, String> vars) {
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        return text;
    }

    static void exerciseEveryEndpoint(Http admin) throws Exception {
        String user = sb.inspect().activeUserIds().get(3);
        String group = sb.inspect().groupIdsNamed("eMite Users").get(0);
        String role = sb.inspect().roleIdsNamed("eMite Data Access").get(0);
        String client = sb.inspect().clientIdsNamed("eMite Data Integration").get(0);
        String integration = sb.inspect().integrationIdsNamed("eMite").get(0);
        String div = sb.divisionIds().get(1);

        admin.get("/api/v2/organizations/me");
        admin.get("/api/v2/users?pageSize=5&expand=authorization&expand=groups");
        admin.get("/api/v2/users/" + user + "?expand=authorization&expand=groups");
        admin.get("/api/v2/users/" + user + "/roles");
        Http.Res search = admin.post("/api/v2/users/search", "{\"pageSize\":2,\"query\":[{\"type\":\"MATCH_ALL\"}],"
                + "\"expand\":[\"authorization\"]}");
        admin.get(search.json().get("nextPage").getAsString());
        admin.get("/api/v2/groups?pageSize=2");
        admin.get("/api/v2/groups/" + group);
        admin.get("/api/v2/groups/" + group + "/members");
        admin.get("/api/v2/groups/" + group + "/individuals");
        Http.Res gs = admin.post("/api/v2/groups/search", "{\"query\":[{\"type\":\"STARTS_WITH\",\"fields\":"
                + "[\"name\"],\"value\":\"S\"}]}");
        admin.get(gs.json().get("currentPage").getAsString());
        admin.get("/api/v2/authorization/roles?pageSize=3");
        admin.get("/api/v2/authorization/roles/" + role + "?expand=unusedPermissions");
        admin.get("/api/v2/authorization/roles/" + role + "/users");
        admin.get("/api/v2/authorization/roles/" + role + "/subjectgrants");
        admin.get("/api/v2/authorization/permissions?pageSize=5");
        admin.get("/api/v2/authorization/permissions?queryType=domain&query=wfm,integration");
        admin.get("/api/v2/authorization/divisions");
        admin.get("/api/v2/authorization/divisions/home");
        admin.get("/api/v2/authorization/divisions/" + div);
        admin.get("/api/v2/authorization/divisions/" + sb.homeDivisionId() + "/grants?pageSize=500");
        admin.get("/api/v2/authorization/divisionspermitted/paged/me?permission=directory:group:add");
        admin.get("/api/v2/authorization/subjects/me");
        admin.get("/api/v2/authorization/subjects/" + sb.adminUserId());
        admin.get("/api/v2/authorization/subjects/" + client);
        admin.get("/api/v2/tokens/me");
        admin.head("/api/v2/tokens/me");
        admin.get("/api/v2/oauth/clients");
        admin.get("/api/v2/oauth/clients/" + client);
        admin.get("/api/v2/oauth/clients/" + sb.pkceClientId());
        admin.post("/api/v2/oauth/clients/" + client + "/secret", null);
        String sso = sb.inspect().clientIdsNamed("eMite SSO").get(0);
        admin.put("/api/v2/oauth/clients/" + sso, "{\"name\":\"eMite SSO\",\"authorizedGrantType\":\"CODE\","
                + "\"accessTokenValiditySeconds\":3600,\"registeredRedirectUri\":[\"https://emite.example.com/cb\"],"
                + "\"scope\":[\"users:readonly\"],\"state\":\"active\"}");
        admin.get("/api/v2/oauth/scopes");
        admin.get("/api/v2/oauth/scopes/users:readonly");
        admin.get("/api/v2/integrations/types");
        admin.get("/api/v2/integrations/types/embedded-client-app");
        admin.get("/api/v2/integrations");
        admin.get("/api/v2/integrations/" + integration);
        admin.get("/api/v2/integrations/" + integration + "/config/current");
        String spare = admin.post("/api/v2/integrations", "{\"name\":\"Spare\",\"integrationType\":{\"id\":"
                + "\"embedded-client-app\"}}").json().get("id").getAsString();
        admin.delete("/api/v2/integrations/" + spare);
        admin.delete("/api/v2/groups/" + admin.post("/api/v2/groups", "{\"name\":\"Spare\",\"type\":\"social\","
                + "\"visibility\":\"members\",\"rulesVisible\":false}").json().get("id").getAsString());
        List<Http.Res> writes = new ArrayList<>();
        writes.add(admin.delete("/api/v2/groups/" + group + "/members?ids=" + user));
        String home = sb.homeDivisionId();
        String grant = "/api/v2/authorization/subjects/" + user + "/divisions/" + home + "/roles/" + role;
        writes.add(admin.post(grant + "?subjectType=PC_USER", null));
        writes.add(admin.delete(grant));
        writes.add(admin.put("/api/v2/authorization/roles/" + role + "/users/add", "[\"" + user + "\"]"));
        writes.add(admin.put("/api/v2/authorization/roles/" + role + "/users/remove", "[\"" + user + "\"]"));
        writes.add(admin.post("/api/v2/authorization/subjects/" + user + "/bulkremove", "{\"grants\":[{\"roleId\":\""
                + role + "\",\"divisionId\":\"" + home + "\"}]}"));
        writes.add(admin.delete("/api/v2/authorization/roles/" + admin.post("/api/v2/authorization/roles",
                "{\"name\":\"Spare role\"}").json().get("id").getAsString()));
        for (Http.Res w : writes) {
            assertTrue(w.status() >= 200 && w.status() < 300, w.toString());
        }

        // A user token (PKCE) for the user-context endpoints.
        String verifier = SandboxAuthTest.verifier();
        String redirect = "http://127.0.0.1:8765/cb";
        String code = SandboxAuthTest.signIn(sb, sb.pkceClientId(), redirect, SandboxAuthTest.challenge(verifier), "s")
                .get("code");
        Http.Res tok = new Http(sb.baseUrl()).tokenRequest(Http.map("grant_type", "authorization_code", "code", code,
                "code_verifier", verifier, "client_id", sb.pkceClientId(), "redirect_uri", redirect), null, null);
        seen.add(new Http.Exchange("POST", "/oauth/token", tok));
        Http me = new Http(sb.baseUrl(), tok.json().get("access_token").getAsString());
        me.listener = seen::add;
        me.get("/api/v2/users/me?expand=authorization&expand=organization&expand=groups");
        me.get("/api/v2/tokens/me");
        me.get("/api/v2/authorization/subjects/me");
        me.delete("/api/v2/tokens/me");
    }

    static void exerciseErrors(Http admin) {
        Http anon = new Http(sb.baseUrl());
        anon.listener = seen::add;
        anon.get("/api/v2/organizations/me");
        Http bogus = new Http(sb.baseUrl(), "bogus");
        bogus.listener = seen::add;
        bogus.get("/api/v2/users");
        admin.get("/api/v2/users/nope");
        admin.post("/api/v2/groups", "{\"name\":1}");
        admin.post("/api/v2/groups", "{\"name\":\"x\",\"type\":\"official\",\"visibility\":\"public\","
                + "\"rulesVisible\":true,\"extra\":1}");
        admin.call("POST", "/api/v2/groups", "{}", "text/plain");
        String group = sb.inspect().groupIdsNamed("eMite Users").get(0);
        admin.put("/api/v2/groups/" + group, "{\"version\":0}");
        admin.post("/api/v2/authorization/roles", "{\"name\":\"eMite Data Access\"}");
        admin.post("/api/v2/authorization/roles", "{\"name\":\"r\",\"permissionPolicies\":[{\"domain\":\"x\","
                + "\"entityName\":\"y\",\"actionSet\":[\"z\"]}]}");
        admin.get("/api/v2/users?pageSize=500");
        admin.delete("/api/v2/oauth/clients/" + sb.adminClientId());
        admin.get("/api/v2/users/me");
        String[] limited = Fixtures.limitedClient(sb, clock, admin, "Contract limited", List.of("directory:user:view"));
        Http weak = new Http(sb.baseUrl(), Http.clientToken(sb.baseUrl(), limited[0], limited[1]));
        weak.listener = seen::add;
        weak.get("/api/v2/oauth/clients");
        Http.Res bad = new Http(sb.baseUrl()).tokenRequest(Map.of("grant_type", "client_credentials"), "x", "y");
        seen.add(new Http.Exchange("POST", "/oauth/token", bad));
        try (Sandbox tight = Sandbox.start(Fixtures.fast().agents(3).rateLimitPerMinute(1).build())) {
            Http t = Http.admin(tight);
            t.listener = seen::add;
            t.get("/api/v2/organizations/me");
            t.get("/api/v2/organizations/me");
        }
    }

    // ---- the checks ----

    @Test
    void everyDocumentedWriteExampleIsAccepted() {
        assertEquals(19, exampleResults.size());
        for (String r : exampleResults) {
            Matcher m = Pattern.compile("→ (\\d+)").matcher(r);
            assertTrue(m.find(), r);
            int status = Integer.parseInt(m.group(1));
            assertTrue(status >= 200 && status < 300, r);
        }
    }

    @Test
    void exampleBodiesSatisfyTheSdkRequestModels() throws Exception {
        for (Map.Entry<String, String> e : exampleModels.entrySet()) {
            Class<?> model = Class.forName("com.mypurecloud.sdk.v2.model." + e.getValue());
            Object o = strict.readValue(exampleBodies.get(e.getKey()).toString(), model);
            assertNoUnknownEnums(o, e.getKey());
        }
    }

    @Test
    void everyResponseBodyReadsStrictlyWithTheSdkModels() throws Exception {
        int checked = 0;
        for (Http.Exchange x : List.copyOf(seen)) {
            String body = x.res().body();
            int status = x.res().status();
            String where = x.method() + " " + x.path() + " → " + status;
            if (body == null || body.isEmpty()) {
                assertTrue(status == 202 || status == 204 || x.method().equals("HEAD") || status == 302, where);
                continue;
            }
            if (x.path().startsWith("/oauth/") && status >= 400) {
                JsonObject o = JsonParser.parseString(body).getAsJsonObject();
                assertEquals(Set.of("error", "description"), o.keySet(), where);
                continue;
            }
            Class<?> model = status >= 400 ? ErrorBody.class : modelFor(x, where);
            try {
                Object o = strict.readValue(body, model);
                assertNoUnknownEnums(o, where);
            } catch (IOException ex) {
                fail(where + " does not read as " + model.getSimpleName() + ": " + ex.getMessage());
            }
            checked++;
        }
        assertTrue(checked > 70, "bodies checked: " + checked);
        Set<Rule> unused = new LinkedHashSet<>(RULES);
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), "endpoints never exercised: " + unused);
    }

    /** Every API route of the sandbox is exercised by this test (so every response shape above is checked). */
    @Test
    void everyApiRouteIsExercised() {
        SandboxStats stats = sb.stats();
        List<String> never = new ArrayList<>();
        for (Router.Route r : sb.routes()) {
            if (r.api() && stats.count(r.key()) == 0) {
                never.add(r.key());
            }
        }
        assertTrue(never.isEmpty(), "routes never exercised: " + never);
    }

    @Test
    void theOracleReallyIsStrict() {
        assertThrows(IOException.class, () -> strict.readValue("{\"id\":\"g\",\"colour\":\"red\"}", Group.class));
        assertThrows(AssertionError.class, () -> assertNoUnknownEnums(strict.readValue("{\"state\":\"dormant\"}",
                Group.class), "enum"));
        assertThrows(IOException.class, () -> strict.readValue("{\"permissionPolicies\":[{\"domian\":\"x\"}]}",
                DomainOrganizationRole.class));
        Set<String> unknown = new java.util.TreeSet<>();
        collectUnknown(JsonParser.parseString("{\"entities\":[{\"id\":\"x\",\"colour\":1}]}"), null,
                Set.of("entities", "id"), unknown, "probe");
        assertEquals(Set.of("colour (probe)"), unknown);
    }

    @Test
    void errorBodiesCarryTheCorrelationId() {
        int errors = 0;
        for (Http.Exchange x : List.copyOf(seen)) {
            if (x.path().startsWith("/api/v2/") && x.res().status() >= 400) {
                JsonObject o = x.res().json();
                assertEquals(x.res().header("ININ-Correlation-Id"), o.get("contextId").getAsString());
                assertEquals(x.res().status(), o.get("status").getAsInt());
                assertTrue(o.has("messageWithParams") && o.has("messageParams") && o.has("details"));
                errors++;
            }
        }
        Set<Integer> statuses = new java.util.TreeSet<>();
        seen.forEach(x -> statuses.add(x.res().status()));
        assertTrue(statuses.containsAll(List.of(400, 401, 403, 404, 409, 415, 429)), statuses.toString());
        assertTrue(errors >= 12);
    }

    @Test
    void everyReturnedFieldIsNamedInTheReference() throws IOException {
        Set<String> words = referenceWords();
        Set<String> unknown = new java.util.TreeSet<>();
        for (Http.Exchange x : List.copyOf(seen)) {
            String body = x.res().body();
            if (body == null || body.isEmpty()) {
                continue;
            }
            collectUnknown(JsonParser.parseString(body), null, words, unknown, x.method() + " " + x.path());
        }
        assertTrue(unknown.isEmpty(), "fields the reference never names: " + unknown);
    }

    // ---- helpers ----

    static Class<?> modelFor(Http.Exchange x, String where) {
        for (Rule r : RULES) {
            if (r.matches(x)) {
                used.add(r);
                return r.model();
            }
        }
        throw new AssertionError("no SDK model mapped for " + where);
    }

    static void collectUnknown(JsonElement e, String parent, Set<String> words, Set<String> unknown, String where) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collectUnknown(x, parent, words, unknown, where));
        } else if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (FREE_FIELDS.contains(m.getKey())) {
                    continue;
                }
                boolean dataKey = parent != null && MAP_FIELDS.contains(parent);
                if (!dataKey && !words.contains(m.getKey())) {
                    unknown.add(m.getKey() + " (" + where + ")");
                }
                collectUnknown(m.getValue(), dataKey ? null : m.getKey(), words, unknown, where);
            }
        }
    }

    /** Every identifier-like word of the reference: the live shared copy when it can be found, else ours. */
    static Set<String> referenceWords() throws IOException {
        String text = null;
        String dir = System.getProperty("emite.project.dir", ".");
        for (Path p : List.of(Path.of(dir, "..", "shared", "reference", "genesys-cloud-api.md"),
                Path.of(dir, "..", "..", "shared", "reference", "genesys-cloud-api.md"))) {
            if (Files.isRegularFile(p)) {
                text = Files.readString(p);
                break;
            }
        }
        try (InputStream in = SandboxContractTest.class.getResourceAsStream("contract/genesys-cloud-api.md")) {
            String copy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text == null) {
                text = copy;
            } else if (!text.equals(copy)) {
                System.out.println("NOTE: the shared reference changed; refresh src/test/resources/.../contract/"
                        + "genesys-cloud-api.md");
            }
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Fails on any SDK enum that fell back to OUTDATEDSDKVERSION (the SDK's way of accepting unknown literals). */
    static void assertNoUnknownEnums(Object root, String where) throws IllegalAccessException {
        walk(root, where, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object o, String where, Set<Object> visited) throws IllegalAccessException {
        if (o == null || !visited.add(o)) {
            return;
        }
        if (o instanceof Enum<?> e) {
            if (e.name().equals("OUTDATEDSDKVERSION")) {
                fail(where + ": unknown enum literal for " + e.getDeclaringClass().getName());
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object x : c) {
                walk(x, where, visited);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Object x : m.values()) {
                walk(x, where, visited);
            }
            return;
        }
        if (o.getClass().isArray() && !o.getClass().getComponentType().isPrimitive()) {
            for (Object x : (Object[]) o) {
                walk(x, where, visited);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("com.mypurecloud.sdk.v2.")) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                walk(f.get(o), where, visited);
            }
        }
    }
}
