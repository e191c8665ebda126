package com.emite.setup.diagnose;

import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.PermissionCatalog;
import com.emite.setup.genesys.SignInMethod;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The read-only requests a diagnose run makes, each made at most once and shared by every check (a real org's rate
 * limit is per token, so the look stays cheap). Only reads: nothing here can change the org.
 */
final class OrgReads {
    /** OAuth clients read one by one (the listing lacks the grant type): enough to see the org's habits, no more. */
    static final int MAX_CLIENTS_READ = 20;
    /** Users read for the id and search checks: one page. */
    static final int USERS_SAMPLE = 100;

    private final GenesysClient client;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Memo<TokenInfo> tokenInfo;
    private final Memo<List<OAuthClient>> clients;
    private final Memo<List<User>> users;
    private final Memo<List<Group>> groups;
    private final Memo<List<Integration>> integrations;

    OrgReads(GenesysClient client) {
        this.client = Objects.requireNonNull(client);
        this.tokenInfo = new Memo<>(client::getTokenInfo);
        this.clients = new Memo<>(this::readClients);
        this.users = new Memo<>(() -> client.listUsers(User.STATE_ACTIVE, List.of()).limit(USERS_SAMPLE)
                .collect(Collectors.toList()));
        this.groups = new Memo<>(() -> counted("groups", client.listGroups().collect(Collectors.toList())));
        this.integrations = new Memo<>(() -> counted("integrations",
                client.listIntegrations().collect(Collectors.toList())));
    }

    GenesysClient client() {
        return client;
    }

    SignInMethod signInMethod() {
        return client.signInMethod().orElse(null);
    }

    TokenInfo tokenInfo() {
        return tokenInfo.get();
    }

    /** Up to {@link #MAX_CLIENTS_READ} OAuth clients, each read by id so the grant type is there. */
    List<OAuthClient> clients() {
        return clients.get();
    }

    /** One page of active users (ids and e-mail addresses stay in memory; they are never reported). */
    /** How many OAuth clients the listing held (all of them, not only those read one by one). */
    int listedClients() {
        clients();
        return counts.get("oauthClients");
    }

    List<User> users() {
        return users.get();
    }

    List<Group> groups() {
        return groups.get();
    }

    List<Integration> integrations() {
        return integrations.get();
    }

    PermissionCatalog catalog(List<String> domains) {
        return client.getPermissionCatalog(domains);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    private List<OAuthClient> readClients() {
        List<OAuthClient> listed = client.listOAuthClients().collect(Collectors.toList());
        counted("oauthClients", listed);
        return listed.stream().limit(MAX_CLIENTS_READ).map(c -> client.getOAuthClient(c.id()))
                .collect(Collectors.toList());
    }

    private <T> List<T> counted(String what, List<T> list) {
        counts.put(what, list.size());
        return list;
    }

    /** A read made on first use; a refusal is remembered too, so a second check does not ask again. */
    private static final class Memo<T> {
        private final Supplier<T> read;
        private T value;
        private GenesysApiException failure;
        private boolean done;

        Memo(Supplier<T> read) {
            this.read = read;
        }

        T get() {
            if (!done) {
                try {
                    value = read.get();
                } catch (GenesysApiException e) {
                    failure = e;
                }
                done = true;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
