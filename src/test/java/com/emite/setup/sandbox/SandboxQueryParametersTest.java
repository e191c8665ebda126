package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.contract.SdkOracle;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox takes exactly the query parameters of the real operations: its table is the SDK's, route by route, and
 * anything else is a 400 (ApiContract.REJECT_UNKNOWN_QUERY_PARAMETERS).
 */
@ConcurrentClass
class SandboxQueryParametersTest {
    @Test
    void everyApiRouteIsAnSdkOperationWithTheSdksQueryParameters() {
        SdkOracle oracle = SdkOracle.get();
        List<String> problems = new ArrayList<>();
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(3).build())) {
            int checked = 0;
            for (Router.Route r : sb.routes()) {
                if (!r.api()) {
                    continue;
                }
                SdkOracle.Op op = oracle.find(r.method(), r.template());
                if (op == null) {
                    problems.add(r.key() + ": no SDK operation");
                    continue;
                }
                Set<String> ours = QueryParameters.of(r.key());
                if (ours == null) {
                    problems.add(r.key() + ": no query parameter list");
                } else if (!ours.equals(op.queryMulti().keySet())) {
                    problems.add(r.key() + ": sandbox takes " + ours + ", " + op.className() + " has "
                            + op.queryMulti().keySet());
                }
                checked++;
            }
            assertTrue(checked >= 60, "routes checked: " + checked);
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void aParameterTheOperationDoesNotHaveIsRefused() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(3).build())) {
            Http admin = Http.admin(sb);
            Http.Res bad = admin.get("/api/v2/groups?pageSize=5&name=x");
            assertEquals(400, bad.status());
            JsonObject body = bad.json();
            assertEquals("invalid.query.param.value", body.get("code").getAsString());
            assertEquals("name", body.getAsJsonArray("details").get(0).getAsJsonObject().get("fieldName")
                    .getAsString());
            assertEquals(400, admin.get("/api/v2/oauth/clients?pageNumber=2").status());
            assertEquals(400, admin.get("/api/v2/authorization/subjects/me?subjectType=PC_USER").status());
            assertEquals(200, admin.get("/api/v2/groups?pageSize=5&sortOrder=descending").status());
            assertEquals(400, admin.get("/api/v2/groups?sortOrder=DESC").status(), "SDK literals only");
            assertEquals(400, admin.get("/api/v2/users?sortOrder=ASC").status(), "SDK literals only");
        }
    }
}
