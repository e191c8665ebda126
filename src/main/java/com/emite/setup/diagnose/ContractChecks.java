package com.emite.setup.diagnose;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.SignInMethod;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.emite.setup.diagnose.ContractCheck.writeOnly;

/**
 * A read-only look for every inferred choice in {@code ApiContract}, in the order they stand there. Each look uses
 * only reads; where only a write (or another way of signing in) could show the answer, the finding says so. A test
 * holds this list and {@link #DOCUMENTED} together equal to the fields of {@code ApiContract}, so a new inferred
 * choice cannot be added without a look.
 */
final class ContractChecks {
    private ContractChecks() {
    }

    /** {@code ApiContract} fields that are documented facts, not guesses: nothing to diagnose. */
    static final Set<String> DOCUMENTED = Set.of("DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE_DIVISION_GRANTS",
            "MAX_SEARCH_PAGE_SIZE", "MAX_SEARCH_RESULTS", "RATE_LIMIT_PER_MINUTE", "DEFAULT_RETRY_AFTER_SECONDS",
            "VERSION_MISMATCH_TEXT", "STATUS_VERSION_CONFLICT", "CODE_VERSION_CONFLICT");

    static List<ContractCheck> all() {
        return List.of(
                new ContractCheck("MAX_PAGE_SIZE", "listings accept pageSize " + ApiContract.MAX_PAGE_SIZE,
                        ContractChecks::pageSize),
                new ContractCheck("UNPAGED_LISTINGS_ON_ONE_PAGE", "GET /oauth/clients answers on one page",
                        (org, self) -> self.cannotTell("our client follows nextUri either way; the listing held "
                                + org.listedClients() + " OAuth clients")),
                writeOnly("GROUP_PUT_CLEARS_OMITTED_FIELDS", "PUT /groups clears fields it leaves out",
                        "a group update"),
                new ContractCheck("MAX_IDS_PER_USERS_CALL", ApiContract.MAX_IDS_PER_USERS_CALL
                        + " ids per GET /users?id=", ContractChecks::idsPerUsersCall),
                writeOnly("MAX_RESPONSE_BYTES", "413 above " + ApiContract.MAX_RESPONSE_BYTES + " bytes",
                        "an answer that large (a probe does not make 10 MB of objects to see it)"),
                writeOnly("SIZE_REFUSAL_WORDS", "a too-large size is refused with a 400 naming it",
                        "a refused size (our client halves and asks again either way)"),
                writeOnly("MAX_GROUP_MEMBERS_PER_CALL", ApiContract.MAX_GROUP_MEMBERS_PER_CALL
                        + " members per add", "adding members"),
                writeOnly("MAX_SUBJECTS_PER_GRANT_CALL", ApiContract.MAX_SUBJECTS_PER_GRANT_CALL
                        + " subjects per bulk grant", "a bulk grant"),
                new ContractCheck("ALL_DIVISIONS", "divisionId \"" + ApiContract.ALL_DIVISIONS
                        + "\" means every division", ContractChecks::allDivisions),
                writeOnly("STATUS_GROUP_CREATED", "group create answers " + ApiContract.STATUS_GROUP_CREATED,
                        "creating a group"),
                writeOnly("STATUS_CREATED", "creates answer " + ApiContract.STATUS_CREATED, "a create"),
                writeOnly("STATUS_GROUP_MEMBERS_ADDED", "member add answers "
                        + ApiContract.STATUS_GROUP_MEMBERS_ADDED, "adding members"),
                writeOnly("STATUS_GRANT_ADDED", "grants answer " + ApiContract.STATUS_GRANT_ADDED, "a grant"),
                writeOnly("STATUS_DUPLICATE_ROLE_NAME", "a duplicate role name answers "
                        + ApiContract.STATUS_DUPLICATE_ROLE_NAME, "creating a duplicate role"),
                writeOnly("CODE_DUPLICATE_ROLE_NAME", "with code " + ApiContract.CODE_DUPLICATE_ROLE_NAME,
                        "creating a duplicate role"),
                new ContractCheck("STATUS_DUPLICATE_GROUP_NAME", "group names may repeat",
                        ContractChecks::duplicateGroupNames),
                writeOnly("STATUS_ROLE_NOT_HELD", "giving a client a role the caller lacks answers "
                        + ApiContract.STATUS_ROLE_NOT_HELD, "such a client write"),
                writeOnly("CODE_ROLE_NOT_HELD", "with code " + ApiContract.CODE_ROLE_NOT_HELD,
                        "such a client write"),
                writeOnly("GRANT_NEEDS_GRANTED_PERMISSIONS", "granting a role needs the caller to hold its "
                        + "permissions: " + ApiContract.GRANT_NEEDS_GRANTED_PERMISSIONS + " (the upkeep sign-in "
                        + "holds what it grants either way)", "granting a role with permissions the caller lacks"),
                new ContractCheck("SUBJECTS_ME_FOR_CLIENT_CREDENTIALS",
                        "subjects/me answers a client-credentials token", ContractChecks::subjectsMe),
                new ContractCheck("STATUS_USERS_ME_WITHOUT_USER", "/users/me refuses a client token with "
                        + ApiContract.STATUS_USERS_ME_WITHOUT_USER, (org, self) -> usersMe(org, self, false)),
                new ContractCheck("CODE_USERS_ME_WITHOUT_USER", "with code "
                        + ApiContract.CODE_USERS_ME_WITHOUT_USER, (org, self) -> usersMe(org, self, true)),
                new ContractCheck("PKCE_GRANT_TYPE", "a PKCE client reports authorizedGrantType "
                        + ApiContract.PKCE_GRANT_TYPE, ContractChecks::pkceGrantType),
                writeOnly("LOOPBACK_REDIRECT_ANY_PORT", "a loopback redirect on any port is accepted",
                        "a person signing in with the browser on another port (a probe cannot sign a person in)"),
                new ContractCheck("PKCE_REDIRECT_PORT", "the PKCE client registers port "
                        + ApiContract.PKCE_REDIRECT_PORT, ContractChecks::pkceRedirect),
                new ContractCheck("PKCE_REDIRECT_PATH", "the PKCE client registers path "
                        + ApiContract.PKCE_REDIRECT_PATH, ContractChecks::pkceRedirect),
                new ContractCheck("TOKEN_TYPE", "token_type is \"" + ApiContract.TOKEN_TYPE + "\"",
                        (org, self) -> self.cannotTell("our client does not depend on token_type")),
                new ContractCheck("CLIENT_APP_TYPE_ID", "the client app type is " + ApiContract.CLIENT_APP_TYPE_ID,
                        ContractChecks::clientAppType),
                new ContractCheck("CLIENT_APP_GROUPS_PROPERTY", "the group filter property is \""
                        + ApiContract.CLIENT_APP_GROUPS_PROPERTY + "\"", ContractChecks::groupsProperty),
                writeOnly("NEW_INTEGRATION_STATE", "a new integration is " + ApiContract.NEW_INTEGRATION_STATE,
                        "creating an integration"),
                new ContractCheck("USER_SEARCH_EMAIL_FIELD", "user search field \""
                        + ApiContract.USER_SEARCH_EMAIL_FIELD + "\"", ContractChecks::emailSearch),
                writeOnly("PERMISSION_USERS_READ", ApiContract.PERMISSION_USERS_READ + " reads users",
                        "an identity without it"),
                writeOnly("PERMISSION_GROUP_MEMBERS", ApiContract.PERMISSION_GROUP_MEMBERS
                        + " adds members", "an identity without it"),
                writeOnly("CODE_UNKNOWN_PERMISSION", "an unknown permission answers code "
                        + ApiContract.CODE_UNKNOWN_PERMISSION, "a role write"),
                writeOnly("STATUS_DELETED", "deletes answer " + ApiContract.STATUS_DELETED, "a delete"),
                writeOnly("REJECT_UNKNOWN_PROPERTIES", "an unknown body property is refused", "a write"),
                new ContractCheck("REJECT_UNKNOWN_QUERY_PARAMETERS", "an unknown query parameter is refused",
                        (org, self) -> self.cannotTell("our client sends only the SDK's parameters")),
                new ContractCheck("SEARCH_PAGE_LINKS_CARRY_EXPAND", "search page links leave out expand",
                        (org, self) -> self.cannotTell("our client repeats expand on every page either way")),
                new ContractCheck("ROLE_NAME_FILTER_EXACT", "?name= matches role names exactly",
                        (org, self) -> self.cannotTell("our client compares the names again either way")),
                new ContractCheck("USER_SEARCH_DEFAULT_STATE", "user search without a state finds "
                        + ApiContract.USER_SEARCH_DEFAULT_STATE + " users", ContractChecks::searchDefaultState),
                new ContractCheck("USER_SEARCH_DIVISION_FIELD", "user search field \""
                        + ApiContract.USER_SEARCH_DIVISION_FIELD + "\"", ContractChecks::divisionSearch),
                writeOnly("LATE_WRITE_WINDOW_SECONDS", "a write whose answer was lost lands within "
                        + ApiContract.LATE_WRITE_WINDOW_SECONDS + " s", "a create the server finishes after the client "
                        + "gave up"),
                writeOnly("OTHER_RUN_RECENT_MINUTES", "objects another run made in the last "
                        + ApiContract.OTHER_RUN_RECENT_MINUTES + " minutes carry their dates in the listings",
                        "an object made minutes ago"),
                writeOnly("AUTH_CODE_TTL_SECONDS", "an authorization code lives "
                        + ApiContract.AUTH_CODE_TTL_SECONDS + " s",
                        "a person's browser sign-in left waiting that long (a probe cannot sign a person in)"),
                new ContractCheck("REDIRECT_URI_REQUIRED_FOR_CODE", "code clients register a redirect URI",
                        ContractChecks::redirectRequired));
    }

    private static Finding pageSize(OrgReads org, ContractCheck self) {
        int groups = org.groups().size();
        return self.held("the group listing was read at pageSize " + ApiContract.MAX_PAGE_SIZE + " (" + groups
                + " groups)");
    }

    private static Finding idsPerUsersCall(OrgReads org, ContractCheck self) {
        List<String> ids = org.users().stream().map(User::id).collect(Collectors.toList());
        if (ids.size() < ApiContract.MAX_IDS_PER_USERS_CALL) {
            return self.cannotTell("the org has fewer than " + ApiContract.MAX_IDS_PER_USERS_CALL
                    + " active users to ask for at once (" + ids.size() + ")");
        }
        long found = org.client().getUsersByIds(ids, List.of()).count();
        return found == ids.size()
                ? self.held(ids.size() + " ids in one call answered " + found + " users")
                : self.differs(ids.size() + " ids in one call answered " + found + " users");
    }

    private static Finding allDivisions(OrgReads org, ContractCheck self) {
        long star = org.clients().stream().filter(c -> c.roleDivisions() != null)
                .filter(c -> c.roleDivisions().stream().map(RoleDivision::divisionId)
                        .anyMatch(ApiContract.ALL_DIVISIONS::equals)).count();
        return star > 0 ? self.held("OAuth clients holding a role in division \"*\": " + star)
                : self.cannotTell("no OAuth client read holds a role in every division");
    }

    private static Finding duplicateGroupNames(OrgReads org, ContractCheck self) {
        Map<String, Long> byName = org.groups().stream().map(Group::name).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
        long repeated = byName.values().stream().filter(n -> n > 1).count();
        return repeated > 0 ? self.held(repeated + " group names stand more than once")
                : self.cannotTell("no group name stands twice, which neither shows nor rules out a refusal");
    }

    private static Finding subjectsMe(OrgReads org, ContractCheck self) {
        if (org.signInMethod() != SignInMethod.CLIENT_CREDENTIALS) {
            return self.cannotTell("signed in without client credentials");
        }
        try {
            int grants = org.client().getMySubject().grants() == null ? 0
                    : org.client().getMySubject().grants().size();
            return ApiContract.SUBJECTS_ME_FOR_CLIENT_CREDENTIALS
                    ? self.held("subjects/me answered with " + grants + " grants")
                    : self.differs("subjects/me answered with " + grants + " grants");
        } catch (GenesysApiException e) {
            if (e.status() == 0) {
                throw e;
            }
            return ApiContract.SUBJECTS_ME_FOR_CLIENT_CREDENTIALS ? self.differs("subjects/me answered " + status(e))
                    : self.held("subjects/me answered " + status(e));
        }
    }

    private static Finding usersMe(OrgReads org, ContractCheck self, boolean code) {
        if (org.signInMethod() != SignInMethod.CLIENT_CREDENTIALS) {
            return self.cannotTell("signed in without client credentials");
        }
        try {
            org.client().getMe();
            return self.differs("/users/me answered a client token with a user");
        } catch (GenesysApiException e) {
            if (e.status() == 0) {
                throw e;
            }
            boolean same = code ? ApiContract.CODE_USERS_ME_WITHOUT_USER.equals(e.code())
                    : e.status() == ApiContract.STATUS_USERS_ME_WITHOUT_USER;
            return same ? self.held("/users/me answered " + status(e)) : self.differs("/users/me answered "
                    + status(e));
        }
    }

    /** The own client of a browser sign-in is the PKCE client: its grant type and redirect URIs are facts. */
    private static OAuthClient ownPkceClient(OrgReads org) {
        if (org.signInMethod() != SignInMethod.BROWSER_PKCE) {
            return null;
        }
        TokenInfo info = org.tokenInfo();
        if (info == null || info.oauthClient() == null || info.oauthClient().id() == null) {
            return null;
        }
        return org.client().getOAuthClient(info.oauthClient().id());
    }

    static final String OUR_REDIRECT = "http://127.0.0.1:" + ApiContract.PKCE_REDIRECT_PORT
            + ApiContract.PKCE_REDIRECT_PATH;

    /** Without a browser sign-in: the client registering the redirect our guide gives is the admin's PKCE client. */
    static OAuthClient registeringOurRedirect(OrgReads org) {
        return org.clients().stream().filter(c -> c.registeredRedirectUri() != null
                && c.registeredRedirectUri().contains(OUR_REDIRECT)).findFirst().orElse(null);
    }

    private static Finding pkceGrantType(OrgReads org, ContractCheck self) {
        OAuthClient pkce = ownPkceClient(org);
        if (pkce == null && registeringOurRedirect(org) != null) {
            OAuthClient guided = registeringOurRedirect(org);
            return ApiContract.PKCE_GRANT_TYPE.equals(guided.authorizedGrantType())
                    ? self.held("the client registering " + OUR_REDIRECT + " reports " + guided.authorizedGrantType())
                    : self.differs("the client registering " + OUR_REDIRECT + " reports "
                    + guided.authorizedGrantType());
        }
        if (pkce == null) {
            Map<String, Long> seen = org.clients().stream().map(OAuthClient::authorizedGrantType)
                    .filter(Objects::nonNull)
                    .collect(Collectors.groupingBy(g -> g, TreeMap::new, Collectors.counting()));
            return self.cannotTell("sign in with the browser to read the PKCE client; grant types seen: " + seen);
        }
        return ApiContract.PKCE_GRANT_TYPE.equals(pkce.authorizedGrantType())
                ? self.held("the PKCE client reports " + pkce.authorizedGrantType())
                : self.differs("the PKCE client reports " + pkce.authorizedGrantType());
    }

    private static Finding pkceRedirect(OrgReads org, ContractCheck self) {
        OAuthClient pkce = ownPkceClient(org);
        if (pkce == null) {
            return registeringOurRedirect(org) != null ? self.held("an OAuth client registers " + OUR_REDIRECT)
                    : self.cannotTell("sign in with the browser to read the PKCE client (no client read registers "
                    + OUR_REDIRECT + ")");
        }
        String ours = "http://127.0.0.1:" + ApiContract.PKCE_REDIRECT_PORT + ApiContract.PKCE_REDIRECT_PATH;
        List<String> uris = pkce.registeredRedirectUri() == null ? List.of() : pkce.registeredRedirectUri();
        return uris.contains(ours) ? self.held("the PKCE client registers " + ours)
                : self.differs("the PKCE client registers " + uris.size() + " other redirect URIs");
    }

    private static Finding clientAppType(OrgReads org, ContractCheck self) {
        String id = org.client().getIntegrationType(ApiContract.CLIENT_APP_TYPE_ID).id();
        return ApiContract.CLIENT_APP_TYPE_ID.equals(id) ? self.held("the integration type exists")
                : self.differs("the org answered type " + id);
    }

    private static Finding groupsProperty(OrgReads org, ContractCheck self) {
        List<Integration> apps = org.integrations().stream()
                .filter(i -> ApiContract.CLIENT_APP_TYPE_ID.equals(i.typeId())).collect(Collectors.toList());
        for (Integration app : apps) {
            var config = org.client().getIntegrationConfig(app.id());
            if (config.properties() != null && config.properties().size() > 0) {
                return config.properties().has(ApiContract.CLIENT_APP_GROUPS_PROPERTY)
                        ? self.held("a client app's configuration has it")
                        : self.differs("a client app's configuration has " + config.properties().keySet());
            }
        }
        return self.cannotTell("no client app with a configuration to read (" + apps.size() + " client apps)");
    }

    private static Finding emailSearch(OrgReads org, ContractCheck self) {
        User sample = org.users().stream().filter(u -> u.email() != null).findFirst().orElse(null);
        if (sample == null) {
            return self.cannotTell("no active user with an e-mail address to search for");
        }
        boolean found = org.client().findUsersByEmail(sample.email()).stream()
                .anyMatch(u -> sample.id().equals(u.id()));
        return found ? self.held("an exact e-mail search found its user")
                : self.differs("an exact e-mail search did not find its user (search may lag; run again)");
    }

    private static Finding searchDefaultState(OrgReads org, ContractCheck self) {
        User sample = org.users().stream().filter(u -> u.email() != null).findFirst().orElse(null);
        if (sample == null) {
            return self.cannotTell("no active user to search for");
        }
        List<User> found = org.client().searchUsers(SearchRequest.of(SearchCriterion.exact(
                ApiContract.USER_SEARCH_EMAIL_FIELD, sample.email()))).limit(5).collect(Collectors.toList());
        boolean allActive = found.stream().allMatch(u -> u.state() == null
                || ApiContract.USER_SEARCH_DEFAULT_STATE.equals(u.state()));
        return allActive ? self.cannotTell("the users found are active, but an inactive one would have to exist"
                + " to show it") : self.differs("a search without a state found users that are not active");
    }

    private static Finding divisionSearch(OrgReads org, ContractCheck self) {
        User sample = org.users().stream().filter(u -> u.division() != null && u.division().id() != null)
                .findFirst().orElse(null);
        if (sample == null) {
            return self.cannotTell("no active user with a division to search by");
        }
        String division = sample.division().id();
        try {
            List<User> found = org.client().searchUsers(SearchRequest.of(SearchCriterion.exact(
                    ApiContract.USER_SEARCH_DIVISION_FIELD, division))).limit(25).collect(Collectors.toList());
            boolean right = !found.isEmpty() && found.stream()
                    .allMatch(u -> u.division() == null || division.equals(u.division().id()));
            return right ? self.held("a search by division found " + found.size() + " users of that division")
                    : self.differs("a search by division found " + found.size()
                    + " users, not all of that division");
        } catch (GenesysApiException e) {
            if (e.status() == 0) {
                throw e;
            }
            return self.differs("a search by division answered " + status(e));
        }
    }

    private static Finding redirectRequired(OrgReads org, ContractCheck self) {
        List<OAuthClient> code = org.clients().stream()
                .filter(c -> OAuthClient.GRANT_CODE.equals(c.authorizedGrantType())).collect(Collectors.toList());
        long without = code.stream().filter(c -> c.registeredRedirectUri() == null
                || c.registeredRedirectUri().isEmpty()).count();
        if (without > 0) {
            return self.differs(without + " of " + code.size() + " code clients register no redirect URI");
        }
        return self.cannotTell(code.size() + " code clients read all register one; only a create would show it is"
                + " required");
    }

    static String status(GenesysApiException e) {
        return "HTTP " + e.status() + (e.code() == null ? "" : " " + e.code());
    }
}
