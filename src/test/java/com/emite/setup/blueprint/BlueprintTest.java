package com.emite.setup.blueprint;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.region.EmiteRedirectUrl;
import com.emite.setup.region.Region;
import com.emite.setup.region.RegionCatalog;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class BlueprintTest {
    private final Blueprint bp = Blueprint.standard();

    /** The shared reference when the project sits beside {@code shared/}, else the copy in the test resources. */
    static JsonObject referencePermissions() throws IOException {
        Path shared = Path.of(System.getProperty("emite.project.dir", "."))
                .resolve("../shared/reference/emite-permissions.json").normalize();
        if (Files.exists(shared)) {
            return JsonParser.parseString(Files.readString(shared)).getAsJsonObject();
        }
        try (InputStream in = BlueprintTest.class.getResourceAsStream("emite-permissions.json")) {
            assertNotNull(in, "test copy of emite-permissions.json");
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    @Test
    void versionOne() {
        assertEquals(1, bp.blueprintVersion());
    }

    @Test
    void permissionsEqualTheReferenceRowForRow() throws IOException {
        JsonArray rows = referencePermissions().getAsJsonArray("rolePermissions");
        List<PermissionSpec> perms = bp.role().permissions();
        assertEquals(41, rows.size());
        assertEquals(rows.size(), perms.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject r = rows.get(i).getAsJsonObject();
            PermissionSpec p = perms.get(i);
            String at = "row " + (i + 1);
            assertEquals(r.get("row").getAsInt(), p.row(), at);
            assertEquals(r.get("type").getAsString(), p.type(), at);
            assertEquals(r.get("name").getAsString(), p.name(), at);
            assertEquals(r.get("level").getAsString(), p.level(), at);
            assertEquals(r.get("permission").getAsString(), p.permission(), at);
            assertEquals(r.get("confirmed").getAsBoolean(), p.confirmed(), at);
            JsonObject policy = r.getAsJsonObject("policy");
            assertEquals(policy.get("domain").getAsString(), p.policy().domain(), at);
            assertEquals(policy.get("entityName").getAsString(), p.policy().entityName(), at);
            List<String> actions = new ArrayList<>();
            policy.getAsJsonArray("actionSet").forEach(a -> actions.add(a.getAsString()));
            assertEquals(actions, p.policy().actionSet(), at);
            assertEquals(!p.confirmed(), p.resolveHint().isPresent(), at);
        }
    }

    @Test
    void licencePermissionEqualsTheReference() throws IOException {
        JsonObject ref = referencePermissions();
        LicenceRoleSpec l = bp.licenceRole();
        assertEquals(ref.get("licensePermission").getAsString(), l.permission());
        assertEquals("integration:emiteApps:view", l.permission());
        assertEquals(new PermissionPolicy("integration", "emiteApps", List.of("view")), l.policy());
        assertEquals("eMite_Home", l.namePattern().replace(LicenceRoleSpec.DIVISION_PLACEHOLDER, "Home"));
        assertFalse(l.confirmed());
    }

    @Test
    void twoUnconfirmedWfmRowsCarryHints() {
        List<PermissionSpec> unconfirmed = bp.role().unconfirmedPermissions();
        assertEquals(List.of(34, 37), unconfirmed.stream().map(PermissionSpec::row).toList());
        ResolveHint forecast = unconfirmed.get(0).resolveHint().orElseThrow();
        assertEquals("wfm", forecast.domain());
        assertTrue(forecast.matches("wfm:adhocForecast:view"));
        assertTrue(forecast.matches("wfm", "shortTermForecast", "view"));
        assertTrue(forecast.matches("wfm", "forecast", "*"));
        assertFalse(forecast.matches("wfm:agentSchedule:view"));
        assertFalse(forecast.matches("analytics:forecast:view"));
        assertFalse(forecast.matches("wfm:adhocForecast:edit"));
        ResolveHint notification = unconfirmed.get(1).resolveHint().orElseThrow();
        assertTrue(notification.matches("wfm:agentScheduleNotification:view"));
        assertTrue(notification.matches("wfm:notification:view"));
        assertEquals(39, bp.role().permissions().stream().filter(PermissionSpec::confirmed).count());
    }

    @Test
    void groups() {
        assertEquals(List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator"),
                bp.groups().stream().map(GroupSpec::name).toList());
        for (GroupSpec g : bp.groups()) {
            assertEquals("official", g.type());
            assertEquals("public", g.visibility());
            assertTrue(g.rulesVisible());
            assertFalse(g.purpose().isBlank());
        }
        assertTrue(bp.group("emite_DashboardViewer").orElseThrow().purpose().contains("only view dashboard"));
    }

    @Test
    void role() {
        assertEquals("eMite Data Integration", bp.role().name());
        List<PermissionPolicy> merged = mergedPolicies(bp.role().permissions());
        PermissionPolicy queue = merged.stream()
                .filter(p -> p.domain().equals("routing") && p.entityName().equals("queue"))
                .findFirst().orElseThrow();
        assertEquals(List.of("view", "join", "search"), queue.actionSet());
        assertEquals(List.of("routing:queue:view", "routing:queue:join", "routing:queue:search"), queue.permissions());
        assertEquals(37, merged.size());
        assertEquals("Analytics > Conversation properties > All Permissions",
                label(bp.role().permissions().get(2)));
    }

    @Test
    void ssoClient() {
        OAuthClientSpec sso = bp.oauthClient("emite_SSO").orElseThrow();
        assertEquals(GrantType.CODE, sso.grantType());
        assertEquals("CODE", sso.grantType().wire());
        assertEquals("Code Authorization", sso.grantTypeGuide());
        assertEquals(86400, sso.accessTokenValiditySeconds());
        assertFalse(sso.optional());
        assertEquals(List.of("authorization:readonly", "groups:readonly", "integrations:readonly", "oauth:readonly",
                "organization:readonly", "users:readonly"), sso.apiScopes());
        ScopeSpec user = sso.scopes().get(5);
        assertEquals("user:readonly", user.guide());
        assertTrue(user.guideDiffers());
        assertEquals(1, sso.scopes().stream().filter(ScopeSpec::guideDiffers).count());
        assertEquals(List.of("https://uk-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme"),
                sso.redirectUris("uk", "acme"));
        assertTrue(sso.roleDivisions().isEmpty());
    }

    @Test
    void dataClients() {
        assertEquals(List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData"),
                bp.oauthClients().stream().filter(c -> !c.optional()).map(OAuthClientSpec::name).toList());
        assertEquals(List.of("emite_WFMLookback", "emite_WFMActivity"),
                bp.oauthClients().stream().filter(OAuthClientSpec::optional).map(OAuthClientSpec::name).toList());
        for (String name : List.of("emite_APIdata", "emite_RealtimeData", "emite_WFMLookback", "emite_WFMActivity")) {
            OAuthClientSpec c = bp.oauthClient(name).orElseThrow();
            assertEquals(GrantType.CLIENT_CREDENTIALS, c.grantType(), name);
            assertEquals("CLIENT-CREDENTIALS", c.grantType().wire());
            assertEquals(86400, c.accessTokenValiditySeconds(), name);
            assertEquals(List.of(new RoleDivisionSpec("eMite Data Integration", "*")), c.roleDivisions(), name);
            assertTrue(c.roleDivisions().get(0).allDivisions());
            assertTrue(c.scopes().isEmpty(), name);
            assertEquals("", c.description());
        }
        assertEquals(Optional.of("wfm"), bp.oauthClient("emite_WFMActivity").orElseThrow().feature());
    }

    @Test
    void clientApp() {
        ClientAppSpec app = bp.clientApp();
        assertEquals("eMite Advanced Analytics", app.name());
        assertEquals("embedded-client-app", app.integrationType());
        assertEquals(com.emite.setup.contract.ApiContract.CLIENT_APP_TYPE_ID, app.integrationType());
        assertEquals("standalone", app.displayType());
        assertEquals("", app.featureCategory());
        assertEquals("allow-scripts,allow-same-origin,allow-forms,allow-modals,allow-popups,allow-downloads",
                app.sandboxOptions());
        assertEquals("allow-scripts, allow-same-origin, allow-forms, allow-modals, allow-popups, allow-downloads",
                app.sandboxOptionsGuide());
        assertEquals(6, app.sandboxOptions().split(",").length);
        assertEquals(List.of("emite_Access"), app.groupFilter());
        assertTrue(app.enabled());
        assertEquals("https://au-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme", app.url("au", "acme"));
    }

    @Test
    void templatesAgreeWithTheRegionPackage() {
        assertEquals(EmiteRedirectUrl.TEMPLATE, bp.redirectUrlTemplate());
        for (Region r : RegionCatalog.standard().withEmiteCode()) {
            String code = r.emiteCode().orElseThrow();
            String expected = EmiteRedirectUrl.build(r, "acme").url().orElseThrow();
            assertEquals(expected, bp.redirectUrl(code, "acme"));
            assertEquals(expected, bp.clientApp().url(code, "acme"));
            assertEquals(List.of(expected), bp.oauthClient("emite_SSO").orElseThrow().redirectUris(code, "acme"));
        }
    }

    @Test
    void resourceIsStrictJsonWithVersionField() throws IOException {
        try (InputStream in = BlueprintLoader.class.getResourceAsStream(BlueprintLoader.RESOURCE)) {
            JsonElement root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(1, root.getAsJsonObject().get("blueprintVersion").getAsInt());
        }
    }

    /** The checklist's words for a row, as the guide writes them (type > name > level). */
    private static String label(PermissionSpec p) {
        return p.type() + " > " + p.name() + " > " + p.level();
    }

    /**
     * The policies of the given rows, merged by domain and entity (e.g. routing/queue with view, join, search), in
     * the order the rows come: what the role's rows come to (the engine merges the same way, provision.Policies).
     */
    private static List<PermissionPolicy> mergedPolicies(List<PermissionSpec> rows) {
        Map<String, Set<String>> actions = new LinkedHashMap<>();
        Map<String, PermissionPolicy> first = new LinkedHashMap<>();
        for (PermissionSpec p : rows) {
            String key = p.domain() + ":" + p.entityName();
            first.putIfAbsent(key, p.policy());
            actions.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(p.policy().actionSet());
        }
        List<PermissionPolicy> result = new ArrayList<>();
        first.forEach((key, p) -> {
            Set<String> set = actions.get(key);
            result.add(new PermissionPolicy(p.domain(), p.entityName(),
                    set.contains("*") ? List.of("*") : List.copyOf(set)));
        });
        return result;
    }
}
