package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dedicated least-privilege sign-in of the unattended licence upkeep (issue 12): an OAuth client (client
 * credentials) named {@link #CLIENT_NAME}, holding only the role {@link #ROLE_NAME} in all divisions, whose role holds
 * only what {@code keep-licences} reads and writes. It is eMite Setup's own object, not part of eMite's guide, so it is
 * defined here rather than in the blueprint (which is the guide in data); it is planned, applied, verified and removed
 * by the same engine as eMite's objects ({@link UpkeepStep}, {@link Removal}).
 * <p>The role also holds the licence permission itself ({@code integration:emiteApps:view}): a licence role holds only
 * that permission, so the upkeep client holds everything it grants. Whether Genesys lets a client grant a role holding
 * a permission the client lacks is not documented ({@link ApiContract#GRANT_NEEDS_GRANTED_PERMISSIONS}); holding it
 * sidesteps the question by construction.
 */
public final class UpkeepNeed {
    /** The upkeep client's role (roles and clients have separate names in Genesys Cloud). */
    public static final String ROLE_NAME = "eMite Licence Upkeep";
    /** The upkeep OAuth client; the vault keeps its secret under this name. */
    public static final String CLIENT_NAME = "eMite Licence Upkeep";
    public static final String ROLE_DESCRIPTION = "Only what eMite Setup's unattended licence upkeep needs: read roles, "
            + "users and its own grants, grant the eMite licence roles (created by eMite Setup).";
    public static final String CLIENT_DESCRIPTION = "eMite Setup keep-licences: gives new agents their division's "
            + "eMite role, unattended (created by eMite Setup).";
    /** Token lifetime: one run is minutes long; an hour bounds a leaked token without costing extra sign-ins. */
    public static final int TOKEN_SECONDS = 3600;
    /** Only with take-back from leavers. */
    public static final String TAKE_BACK_PERMISSION = "authorization:grant:delete";

    private UpkeepNeed() {
    }

    /**
     * Every permission the upkeep role holds, each with why, in the order the docs list them.
     *
     * @param licencePermission the blueprint's licence permission ({@code integration:emiteApps:view})
     * @param takeBack          with {@code --take-back-from-leavers}: also {@link #TAKE_BACK_PERMISSION}
     */
    public static Map<String, String> permissions(String licencePermission, boolean takeBack) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("authorization:role:view", "find each division's licence role by name (GET /authorization/roles)");
        p.put(ApiContract.PERMISSION_USERS_READ, "list the active users with their division and roles "
                + "(GET /users?state=active&expand=authorization)");
        p.put("authorization:grant:view", "read its own grants to check its rights before it starts "
                + "(GET /authorization/subjects/{its id} when subjects/me refuses a client-credentials token)");
        p.put("authorization:grant:add", "grant the licence role to the agents who lack it "
                + "(POST /authorization/roles/{id}?subjectType=PC_USER)");
        p.put(licencePermission, "the only permission of a licence role: holding it, the client holds everything "
                + "it grants");
        if (takeBack) {
            p.put(TAKE_BACK_PERMISSION, "only with --take-back-from-leavers: take the role back from users who left "
                    + "the division");
        }
        return p;
    }

    /** The permission strings of {@link #permissions(String, boolean)}. */
    public static List<String> permissionList(String licencePermission, boolean takeBack) {
        return new ArrayList<>(permissions(licencePermission, takeBack).keySet());
    }

    /** The client as the engine creates it: client credentials, the upkeep role in all divisions. */
    public static ClientSpec clientSpec() {
        return new ClientSpec(CLIENT_NAME, CLIENT_DESCRIPTION, "CLIENT-CREDENTIALS", TOKEN_SECONDS, List.of(),
                List.of(), ROLE_NAME, false);
    }
}
