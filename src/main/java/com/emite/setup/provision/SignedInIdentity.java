package com.emite.setup.provision;

import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.SignInMethod;
import com.emite.setup.genesys.model.AuthzGrant;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import static com.emite.setup.provision.OrgApiCalls.call;

/**
 * Who is signed in and what they may do: a user (GET /users/me) or an OAuth client (its authorization subject), as
 * the engine's {@link Identity}. Which requests it takes depends on how the session signed in.
 */
final class SignedInIdentity {
    private final GenesysClient client;

    SignedInIdentity(GenesysClient client) {
        this.client = client;
    }

    Identity read() {
        SignInMethod method = client.signInMethod().orElseThrow(() -> new ProvisionException("Not signed in."));
        if (method != SignInMethod.CLIENT_CREDENTIALS) {
            try {
                User me = client.getMe("authorization");
                return userIdentity(me);
            } catch (GenesysApiException e) {
                if (method == SignInMethod.BROWSER_PKCE || e.kind() == GenesysApiException.Kind.NOT_SIGNED_IN) {
                    throw new ProvisionException(e.userMessage(), e);
                }
                // A pasted client-credentials token: no user behind it.
            }
        }
        // Signed in with client credentials, the client's id is known: no token lookup (one request less per run).
        String ownId = method == SignInMethod.CLIENT_CREDENTIALS ? client.clientCredentialsId().orElse(null) : null;
        String ownName = null;
        if (ownId == null) {
            TokenInfo info = call(client::getTokenInfo);
            OAuthClient own = info.oauthClient();
            if (own == null || own.id() == null) {
                throw new ProvisionException("Genesys Cloud did not say which OAuth client this token belongs to, "
                        + "so its permissions cannot be checked. Sign in another way.");
            }
            ownId = own.id();
            ownName = own.name();
        }
        String subjectId = ownId;
        AuthzSubject subject = call(() -> clientSubject(subjectId));
        Set<String> permissions = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        if (subject.grants() != null) {
            for (AuthzGrant g : subject.grants()) {
                if (g.role() == null) {
                    continue;
                }
                roles.add(g.role().id());
                if (g.role().policies() != null) {
                    g.role().policies().forEach(p -> {
                        if (p.actions() != null) {
                            p.actions().forEach(a -> permissions.add(p.domain() + ":" + p.entityName() + ":" + a));
                        }
                    });
                }
            }
        }
        String name = ownName != null ? ownName : subject.name() != null ? subject.name() : ownId;
        return new Identity(Identity.Kind.CLIENT, ownId, name, permissions, roles);
    }

    /** The roles the identity holds now (read again: a grant of this run shows here). */
    Set<String> roleIds(Identity identity) {
        if (identity.kind() == Identity.Kind.USER) {
            return userIdentity(call(() -> client.getMe("authorization"))).roleIds();
        }
        AuthzSubject s = call(() -> clientSubject(identity.id()));
        Set<String> roles = new HashSet<>();
        if (s.grants() != null) {
            s.grants().stream().filter(g -> g.role() != null).forEach(g -> roles.add(g.role().id()));
        }
        return roles;
    }

    /**
     * The grants of the OAuth client signed in with client credentials: GET /authorization/subjects/me, or, when the
     * API refuses that without a user (400, 403 or 404), GET /authorization/subjects/{ownClientId} (reference §9,
     * {@link com.emite.setup.contract.ApiContract#SUBJECTS_ME_FOR_CLIENT_CREDENTIALS}).
     */
    private AuthzSubject clientSubject(String ownClientId) {
        try {
            return client.getMySubject();
        } catch (GenesysApiException e) {
            int st = e.status();
            if (ownClientId == null || (st != 400 && st != 403 && st != 404)) {
                throw e;
            }
            return client.getSubject(ownClientId);
        }
    }

    private static Identity userIdentity(User me) {
        Set<String> permissions = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        if (me.authorization() != null) {
            if (me.authorization().permissions() != null) {
                permissions.addAll(me.authorization().permissions());
            }
            if (me.authorization().permissionPolicies() != null) {
                for (DomainPermissionPolicy p : me.authorization().permissionPolicies()) {
                    if (p.actionSet() != null) {
                        p.actionSet().forEach(a -> permissions.add(p.domain() + ":" + p.entityName() + ":" + a));
                    }
                }
            }
            if (me.authorization().roles() != null) {
                me.authorization().roles().forEach(r -> roles.add(r.id()));
            }
        }
        String name = me.name() != null ? me.name() : me.email() != null ? me.email() : me.id();
        return new Identity(Identity.Kind.USER, me.id(), name, permissions, roles);
    }
}
