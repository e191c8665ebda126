package com.emite.setup.sandbox;

import com.emite.setup.testing.ManualClock;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared set-up steps over the API. */
final class Fixtures {
    /** No lags and no rate limit: what most tests use. */
    static SandboxConfig.Builder fast() {
        return SandboxConfig.builder().agents(120).divisions(3).searchLagMs(0).grantLagMs(0).unlimitedRate();
    }

    /** Lag of {@link #lagged()} orgs, in their virtual time. */
    static final Duration LAG = Duration.ofMillis(250);

    /** As {@link #fast()} with search and grant lags: for orgs on a {@link ManualClock}, where lags cost no time. */
    static SandboxConfig.Builder lagged() {
        return fast().searchLagMs((int) LAG.toMillis()).grantLagMs((int) LAG.toMillis());
    }

    /**
     * Checks the condition, moving the org's clock on by 10 virtual ms between checks, for at most a virtual
     * minute; returns whether it held. Each check is a real call, so the loop ends quickly when it holds.
     */
    static boolean eventually(ManualClock clock, BooleanSupplier condition) {
        for (int step = 0; step < 6000; step++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            clock.advance(Duration.ofMillis(10));
        }
        return condition.getAsBoolean();
    }

    private Fixtures() {
    }

    static JsonObject policy(String permission) {
        String[] p = permission.split(":");
        JsonObject o = new JsonObject();
        o.addProperty("domain", p[0]);
        o.addProperty("entityName", p[1]);
        JsonArray a = new JsonArray();
        a.add(p[2]);
        o.add("actionSet", a);
        o.addProperty("allowConditions", false);
        return o;
    }

    /** Creates a role with these permissions and returns its id. */
    static String role(Http admin, String name, List<String> permissions) {
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        JsonArray pols = new JsonArray();
        permissions.forEach(p -> pols.add(policy(p)));
        body.add("permissionPolicies", pols);
        Http.Res r = admin.post("/api/v2/authorization/roles", body);
        assertEquals(200, r.status(), r.toString());
        return r.json().get("id").getAsString();
    }

    /** Grants a role to the admin client itself in all divisions and waits until it is in force. */
    static void grantToSelf(Sandbox sb, ManualClock clock, Http admin, String roleId) {
        Http.Res r = admin.post("/api/v2/authorization/subjects/" + sb.adminClientId()
                + "/bulkadd?subjectType=PC_OAUTH_CLIENT", "{\"grants\":[{\"roleId\":\"" + roleId
                + "\",\"divisionId\":\"*\"}]}");
        assertEquals(204, r.status(), r.toString());
        assertTrue(eventually(clock, () -> sb.inspect().grantsOf(sb.adminClientId()).stream()
                .anyMatch(g -> g.roleId().equals(roleId) && g.inForce())));
    }

    /** A client-credentials client holding only these permissions (all divisions); returns {id, secret}. */
    static String[] limitedClient(Sandbox sb, ManualClock clock, Http admin, String name, List<String> permissions) {
        String roleId = role(admin, name + " role", permissions);
        grantToSelf(sb, clock, admin, roleId);
        Http.Res c = admin.post("/api/v2/oauth/clients", "{\"name\":\"" + name
                + "\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\",\"roleDivisions\":[{\"roleId\":\"" + roleId
                + "\",\"divisionId\":\"*\"}]}");
        assertEquals(200, c.status(), c.toString());
        String id = c.json().get("id").getAsString();
        String secret = c.json().get("secret").getAsString();
        assertTrue(eventually(clock, () -> sb.inspect().grantsOf(id).stream().allMatch(
                SandboxInspector.GrantInfo::inForce)));
        return new String[]{id, secret};
    }

    static String firstActiveUser(Sandbox sb) {
        return sb.inspect().activeUserIds().stream().filter(id -> !id.equals(sb.adminUserId())).findFirst()
                .orElseThrow();
    }
}
