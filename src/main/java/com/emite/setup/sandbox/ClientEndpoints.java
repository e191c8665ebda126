package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Client;
import com.emite.setup.sandbox.OrgRecords.Grant;
import com.emite.setup.sandbox.OrgRecords.SubjectType;
import com.emite.setup.sandbox.OrgRecords.Token;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OAuth clients, scopes and token info (reference §2.5, §9 "an OAuth client can only get what the caller holds", §10).
 */
final class ClientEndpoints {
    private static final Set<String> CLIENT_BODY = Set.of("name", "accessTokenValiditySeconds", "description",
            "registeredRedirectUri", "roleIds", "authorizedGrantType", "scope", "roleDivisions", "state",
            "dateToDelete");
    private static final Set<String> ROLE_DIVISION_BODY = Set.of("roleId", "divisionId");
    /** The SDK's literals (§10), SAML2BEARER accepted as an alias [GC], and the PKCE literal if it is another. */
    private static final List<String> GRANT_TYPES = List.copyOf(new LinkedHashSet<>(List.of("CODE", "TOKEN",
            "SAML2-BEARER", "SAML2BEARER", "PASSWORD", "CLIENT-CREDENTIALS", ApiContract.PKCE_GRANT_TYPE)));

    private final OrgState s;
    private final Views v;

    private final EndpointContext ctx;

    ClientEndpoints(EndpointContext ctx) {
        this.ctx = ctx;
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("GET", "/api/v2/oauth/clients", this::list);
        r.api("POST", "/api/v2/oauth/clients", this::create);
        r.api("GET", "/api/v2/oauth/clients/{clientId}", this::get);
        r.api("PUT", "/api/v2/oauth/clients/{clientId}", this::update);
        r.api("DELETE", "/api/v2/oauth/clients/{clientId}", this::delete);
        r.api("POST", "/api/v2/oauth/clients/{clientId}/secret", this::resetSecret);
        r.api("GET", "/api/v2/oauth/scopes", this::scopes);
        r.api("GET", "/api/v2/oauth/scopes/{scopeId}", this::scope);
        r.api("GET", "/api/v2/tokens/me", this::tokenInfo);
        r.api("HEAD", "/api/v2/tokens/me", req -> HandlerResponse.empty(200));
        r.api("DELETE", "/api/v2/tokens/me", this::revoke);
    }

    private Client client(String id) {
        Client c = s.clients.get(id);
        if (c == null) {
            throw ApiException.notFound("OAuth client", id);
        }
        return c;
    }

    private HandlerResponse list(HandlerRequest r) {
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "oauth:client:view");
            List<Client> all = new ArrayList<>(s.clients.values());
            // No query parameters [SDK]: every client on one page (reference §10, ApiContract).
            return Listing.whole(r, all, c -> v.client(c, true, false));
        }));
    }

    private HandlerResponse get(HandlerRequest r) {
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "oauth:client:view");
            return v.client(client(r.param("clientId")), false, false);
        }));
    }

    /** A validated OAuthClientRequest. */
    private record Input(String name, String description, String grantType, long validity, List<String> redirectUris,
                         List<String> scope, List<String[]> roleDivisions, String state) {
    }

    private Input input(Body b) {
        b.only(CLIENT_BODY);
        String name = b.reqStr("name");
        String grantType = b.enumValue("authorizedGrantType", GRANT_TYPES);
        if (grantType == null) {
            throw ApiException.required("authorizedGrantType");
        }
        if (grantType.equals("SAML2BEARER")) {
            grantType = "SAML2-BEARER";
        }
        Long validity = b.longValue("accessTokenValiditySeconds");
        if (validity == null) {
            validity = 86400L;
        }
        if (validity < 300 || validity > 172800) {
            throw ApiException.invalidValue("accessTokenValiditySeconds",
                    "accessTokenValiditySeconds must be between 300 and 172800");
        }
        List<String> redirect = b.strList("registeredRedirectUri");
        redirect = redirect == null ? List.of() : List.copyOf(redirect);
        for (String u : redirect) {
            try {
                java.net.URI uri = new java.net.URI(u);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (Exception e) {
                throw ApiException.invalidValue("registeredRedirectUri", "Invalid redirect URI " + u);
            }
        }
        if (ApiContract.REDIRECT_URI_REQUIRED_FOR_CODE && (grantType.equals("CODE") || grantType.equals("TOKEN"))
                && redirect.isEmpty()) {
            throw ApiException.required("registeredRedirectUri");
        }
        List<String> scope = b.strList("scope");
        scope = scope == null ? List.of() : List.copyOf(new LinkedHashSet<>(scope));
        for (String sc : scope) {
            if (!s.scopes.containsKey(sc)) {
                throw ApiException.invalidValue("scope", "Unknown scope " + sc);
            }
        }
        List<String[]> rds = new ArrayList<>();
        List<Body> roleDivisions = b.objList("roleDivisions");
        if (roleDivisions != null) {
            for (Body rd : roleDivisions) {
                rd.only(ROLE_DIVISION_BODY);
                rds.add(new String[]{rd.reqStr("roleId"), rd.reqStr("divisionId")});
            }
        }
        List<String> roleIds = b.strList("roleIds");
        if (roleIds != null && roleDivisions == null) {
            // Deprecated form: the roles in the home division.
            for (String id : roleIds) {
                rds.add(new String[]{id, null});
            }
        }
        String state = b.enumValue("state", List.of("active", "disabled", "inactive"));
        b.str("dateToDelete");
        return new Input(name, b.str("description"), grantType, validity, redirect, scope, rds,
                state == null ? "active" : state);
    }

    /** Checks roles, divisions, and that the caller holds every role/division it gives (reference §9). */
    private List<String[]> checkRoleDivisions(HandlerRequest r, Input in, String editedClientId) {
        List<String[]> out = new ArrayList<>();
        List<Grant> mine = r.caller.grants(s);
        // An org that refuses grants to OAuth clients through the subjects API (Sandbox#refuseClientGrants) lets a
        // client that may grant roles add one to itself here, as an admin does by hand [INF].
        boolean selfEdit = ctx.refuseClientGrants && editedClientId != null
                && editedClientId.equals(r.caller.subjectId()) && r.caller.holds(s, "authorization:grant:add");
        List<String> notHeld = new ArrayList<>();
        for (String[] rd : in.roleDivisions) {
            String roleId = rd[0];
            String divisionId = rd[1] == null ? s.home().id() : rd[1];
            if (!s.roles.containsKey(roleId)) {
                throw ApiException.invalidValue("roleDivisions.roleId", "Unknown role id " + roleId).entity(roleId);
            }
            if (!s.divisionExists(divisionId)) {
                throw ApiException.invalidValue("roleDivisions.divisionId", "Unknown division id " + divisionId)
                        .entity(divisionId);
            }
            boolean held = selfEdit || mine.stream().anyMatch(g -> g.roleId().equals(roleId)
                    && (g.divisionId().equals(ApiContract.ALL_DIVISIONS) || g.divisionId().equals(divisionId)));
            if (!held) {
                notHeld.add(s.roles.get(roleId).name + " in " + (divisionId.equals(ApiContract.ALL_DIVISIONS)
                        ? "all divisions" : s.division(divisionId).name()));
            }
            if (out.stream().noneMatch(x -> x[0].equals(roleId) && x[1].equals(divisionId))) {
                out.add(new String[]{roleId, divisionId});
            }
        }
        if (!notHeld.isEmpty()) {
            throw new ApiException(ApiContract.STATUS_ROLE_NOT_HELD, ApiContract.CODE_ROLE_NOT_HELD,
                    "You cannot give an OAuth client roles you do not hold: {roles}",
                    java.util.Map.of("roles", notHeld.toString())).detail(ApiContract.CODE_ROLE_NOT_HELD,
                            "roleDivisions");
        }
        return out;
    }

    private void apply(Client c, Input in, List<String[]> roleDivisions, long now) {
        c.name = in.name;
        c.description = in.description;
        c.grantType = in.grantType;
        c.validitySeconds = in.validity;
        c.redirectUris = in.redirectUris;
        c.scope = in.scope;
        c.state = in.state;
        if (in.grantType.equals("CLIENT-CREDENTIALS")) {
            c.inertRoleDivisions = List.of();
            // Keep grants that stay (and their timing), drop removed ones, add new ones with the grant lag.
            List<Grant> current = new ArrayList<>(s.allGrantsOf(c.id));
            for (Grant g : current) {
                if (roleDivisions.stream().noneMatch(x -> x[0].equals(g.roleId()) && x[1].equals(g.divisionId()))) {
                    s.removeGrant(c.id, g.roleId(), g.divisionId());
                }
            }
            for (String[] rd : roleDivisions) {
                s.addGrant(c.id, SubjectType.PC_OAUTH_CLIENT, rd[0], rd[1], now);
            }
        } else {
            s.grants.remove(c.id);
            c.inertRoleDivisions = roleDivisions;
        }
    }

    private HandlerResponse create(HandlerRequest r) {
        Input in = input(r.json());
        return s.write(() -> {
            r.caller.require(s, "oauth:client:add");
            List<String[]> rds = checkRoleDivisions(r, in, null);
            long now = s.now();
            Client c = new Client(s.newId(), false, now, creator(r));
            apply(c, in, rds, now);
            c.secret = s.newSecret(32);
            s.clients.put(c.id, c);
            return HandlerResponse.json(ApiContract.STATUS_CREATED, v.client(c, false, true));
        });
    }

    private String creator(HandlerRequest r) {
        return r.caller.isUser() ? r.caller.subjectId() : s.adminUserId;
    }

    private HandlerResponse update(HandlerRequest r) {
        Input in = input(r.json());
        return s.write(() -> {
            r.caller.require(s, "oauth:client:edit");
            Client c = client(r.param("clientId"));
            if (c.pkce && !in.grantType.equals(c.grantType)) {
                throw ApiException.badRequest("The grant type of this client cannot change");
            }
            List<String[]> rds = checkRoleDivisions(r, in, c.id);
            long now = s.now();
            apply(c, in, rds, now);
            c.dateModified = now;
            c.modifiedBy = creator(r);
            if (!c.state.equals("active")) {
                revokeTokensOf(c.id);
            }
            return HandlerResponse.ok(v.client(c, false, false));
        });
    }

    private HandlerResponse delete(HandlerRequest r) {
        return s.write(() -> {
            r.caller.require(s, "oauth:client:delete");
            Client c = client(r.param("clientId"));
            if (!c.state.equals("inactive")) {
                throw ApiException.of(400, "cannot.delete.client",
                        "The OAuth client must be inactive before it can be deleted.").entity(c.id);
            }
            s.clients.remove(c.id);
            s.grants.remove(c.id);
            revokeTokensOf(c.id);
            return HandlerResponse.empty(ApiContract.STATUS_DELETED);
        });
    }

    private void revokeTokensOf(String clientId) {
        s.tokens.values().removeIf(t -> t.clientId().equals(clientId));
        s.refreshTokens.values().removeIf(t -> t.clientId().equals(clientId));
    }

    private HandlerResponse resetSecret(HandlerRequest r) {
        return s.write(() -> {
            r.caller.require(s, "oauth:client:edit");
            Client c = client(r.param("clientId"));
            if (c.pkce) {
                throw ApiException.badRequest("A public (PKCE) client has no secret");
            }
            c.secret = s.newSecret(32);
            c.dateModified = s.now();
            return HandlerResponse.ok(v.client(c, false, true));
        });
    }

    private HandlerResponse scopes(HandlerRequest r) {
        return HandlerResponse.ok(s.read(() -> {
            JsonArray a = new JsonArray();
            s.scopes.forEach((id, d) -> a.add(scopeJson(id, d)));
            return JsonTree.obj().put("total", a.size()).put("entities", a).put("selfUri",
                    "/api/v2/oauth/scopes").build();
        }));
    }

    private static JsonObject scopeJson(String id, String description) {
        return JsonTree.obj().put("id", id).put("description", description)
                .put("selfUri", "/api/v2/oauth/scopes/" + Listing.enc(id)).build();
    }

    private HandlerResponse scope(HandlerRequest r) {
        String id = r.param("scopeId");
        return HandlerResponse.ok(s.read(() -> {
            String d = s.scopes.get(id);
            if (d == null) {
                throw ApiException.notFound("scope", id);
            }
            return scopeJson(id, d);
        }));
    }

    private HandlerResponse tokenInfo(HandlerRequest r) {
        r.qBool("preserveIdleTTL", false);
        Token t = r.caller.token();
        return HandlerResponse.ok(s.read(() -> {
            Client c = client(t.clientId());
            return JsonTree.obj().put("organization", v.namedOrg()).put("homeOrganization", v.namedOrg())
                    .put("authorizedScope", JsonTree.strings(t.scopes())).put("OAuthClient", v.orgClient(c)).build();
        }));
    }

    private HandlerResponse revoke(HandlerRequest r) {
        s.tokens.remove(r.caller.token().value());
        return HandlerResponse.empty(ApiContract.STATUS_DELETED);
    }
}
