package com.emite.setup.diagnose;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.ProbeCalls;
import com.emite.setup.genesys.model.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The probes that only read, yet need requests our client never makes: a page size one too large, an unknown query
 * parameter, a listing's paging, a search's page links, an inactive user's search, as many ids per call as we send.
 * Nothing here changes the org.
 */
final class ProbeReads {
    private static final Pattern SIZE_WORDS = Pattern.compile(ApiContract.SIZE_REFUSAL_WORDS,
            Pattern.CASE_INSENSITIVE);
    private final OrgReads org;
    private final ProbeCalls calls;
    private final ProbeClientSignIn.Observed observed;
    private final BiConsumer<String, String> cannotTell;

    ProbeReads(OrgReads org, ProbeCalls calls, ProbeClientSignIn.Observed observed,
               BiConsumer<String, String> cannotTell) {
        this.org = org;
        this.calls = calls;
        this.observed = observed;
        this.cannotTell = cannotTell;
    }

    void run() {
        ProbeCalls.Answer big = calls.get("groups", Map.of("pageSize", Integer.toString(ApiContract.MAX_PAGE_SIZE
                + 1)));
        if (big.ok()) {
            cannotTell.accept("SIZE_REFUSAL_WORDS", "the org accepted pageSize " + (ApiContract.MAX_PAGE_SIZE + 1)
                    + ", so it refused no size");
        } else {
            boolean named = big.status() == 413 || big.status() == 400 && big.message() != null
                    && SIZE_WORDS.matcher(big.message()).find();
            observed.put("SIZE_REFUSAL_WORDS", named, "pageSize " + (ApiContract.MAX_PAGE_SIZE + 1)
                    + " was refused with "
                    + big.said() + (named ? " naming the size" : " in words we do not look for"));
        }
        ProbeCalls.Answer odd = calls.get("groups", Map.of("pageSize", "1", "emiteProbe", "1"));
        observed.put("REJECT_UNKNOWN_QUERY_PARAMETERS", !odd.ok() == ApiContract.REJECT_UNKNOWN_QUERY_PARAMETERS,
                "an unknown query parameter was " + (odd.ok() ? "ignored" : "refused with " + odd.said()));
        ProbeCalls.Answer clients = calls.get("oauth/clients", Map.of());
        boolean onePage = clients.ok() && ProbeJson.isNull(clients.object().get("nextUri"));
        observed.put("UNPAGED_LISTINGS_ON_ONE_PAGE", onePage == ApiContract.UNPAGED_LISTINGS_ON_ONE_PAGE,
                "GET /oauth/clients answered " + ProbeJson.count(clients) + " clients " + (onePage ? "on one page"
                        : "with a next page"));
        searchLinks();
        loopbackPorts();
        inactiveUsersLeftOut();
        idsPerCall();
    }

    /**
     * Asks the sign-in page, as a browser would and without anyone signing in, for the guide's PKCE client with its
     * registered redirect, with the same redirect on another port, and with a foreign redirect: the other port's
     * answer is "accepted" when it is the registered one's and not the foreign one's.
     */
    private void loopbackPorts() {
        String entry = "LOOPBACK_REDIRECT_ANY_PORT";
        com.emite.setup.genesys.model.OAuthClient pkce = ContractChecks.registeringOurRedirect(org);
        if (pkce == null) {
            cannotTell.accept(entry, "no OAuth client read registers " + ContractChecks.OUR_REDIRECT
                    + ": there is no PKCE client to ask the sign-in page about");
            return;
        }
        String registered = authorize(pkce.id(), ContractChecks.OUR_REDIRECT);
        String foreign = authorize(pkce.id(), "https://example.invalid" + ApiContract.PKCE_REDIRECT_PATH);
        String otherPort = authorize(pkce.id(), "http://127.0.0.1:" + (ApiContract.PKCE_REDIRECT_PORT + 1)
                + ApiContract.PKCE_REDIRECT_PATH);
        if (registered.equals(foreign)) {
            cannotTell.accept(entry, "the sign-in page answers a registered and a foreign redirect alike ("
                    + registered + ")");
        } else if (otherPort.equals(registered)) {
            observed.put(entry, ApiContract.LOOPBACK_REDIRECT_ANY_PORT, "the sign-in page took another port as it"
                    + " takes the registered one (" + registered + "; a foreign one: " + foreign + ")");
        } else if (otherPort.equals(foreign)) {
            observed.put(entry, !ApiContract.LOOPBACK_REDIRECT_ANY_PORT, "the sign-in page refused another port as"
                    + " it refuses a foreign redirect (" + foreign + "; the registered one: " + registered + ")");
        } else {
            cannotTell.accept(entry, "another port answered " + otherPort + ", neither the registered one's ("
                    + registered + ") nor a foreign one's (" + foreign + ")");
        }
    }

    private String authorize(String clientId, String redirect) {
        // A fixed, valid-looking challenge: nothing is exchanged, no code can be issued without a person.
        return calls.authorizeAnswer(Map.of("client_id", clientId, "response_type", "code", "redirect_uri",
                redirect, "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256", "state", "emite-diagnose-probe"));
    }

    private void searchLinks() {
        JsonObject q = new JsonObject();
        q.addProperty("pageSize", 1);
        q.addProperty("pageNumber", 1);
        JsonArray expand = new JsonArray();
        expand.add("groups");
        q.add("expand", expand);
        JsonObject criterion = new JsonObject();
        criterion.addProperty("type", "EXACT");
        JsonArray fields = new JsonArray();
        fields.add("state");
        criterion.add("fields", fields);
        criterion.addProperty("value", "active");
        JsonArray query = new JsonArray();
        query.add(criterion);
        q.add("query", query);
        ProbeCalls.Answer a = calls.search("users/search", q);
        String next = a.field("nextPage");
        if (!a.ok() || next == null) {
            cannotTell.accept("SEARCH_PAGE_LINKS_CARRY_EXPAND", "a search of one user per page gave no next page ("
                    + a.said() + ")");
            return;
        }
        int at = next.indexOf("q64=");
        String q64 = at < 0 ? "" : java.net.URLDecoder.decode(next.substring(at + 4).split("&")[0],
                java.nio.charset.StandardCharsets.UTF_8);
        String decoded;
        try {
            decoded = new String(java.util.Base64.getDecoder().decode(q64), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            cannotTell.accept("SEARCH_PAGE_LINKS_CARRY_EXPAND", "the next page link is not a q64 link");
            return;
        }
        boolean carries = decoded.contains("\"expand\"");
        observed.put("SEARCH_PAGE_LINKS_CARRY_EXPAND", carries == ApiContract.SEARCH_PAGE_LINKS_CARRY_EXPAND,
                "the next page link " + (carries ? "carries" : "leaves out") + " expand");
    }

    private void inactiveUsersLeftOut() {
        User inactive = org.client().listUsers(User.STATE_INACTIVE, List.of()).filter(u -> u.email() != null)
                .findFirst().orElse(null);
        if (inactive == null) {
            cannotTell.accept("USER_SEARCH_DEFAULT_STATE", "the org has no inactive user to search for, and a probe"
                    + " does"
                    + " not make people");
            return;
        }
        boolean found = org.client().findUsersByEmail(inactive.email()).stream()
                .anyMatch(u -> inactive.id().equals(u.id()));
        observed.put("USER_SEARCH_DEFAULT_STATE", !found, "a search without a state " + (found ? "found" : "left out")
                + " an inactive user");
    }

    /** Asking for as many ids as we send at once, repeating the ids the org has when it has fewer users. */
    private void idsPerCall() {
        List<String> ids = org.users().stream().map(User::id).collect(Collectors.toList());
        if (ids.isEmpty()) {
            return;
        }
        List<String> asked = new ArrayList<>();
        for (int i = 0; asked.size() < ApiContract.MAX_IDS_PER_USERS_CALL; i++) {
            asked.add(ids.get(i % ids.size()));
        }
        long distinct = asked.stream().distinct().count();
        ProbeCalls.Answer a = calls.get("users", Map.of("pageSize", Integer.toString(asked.size())), "id", asked);
        int answered = ProbeJson.count(a);
        observed.put("MAX_IDS_PER_USERS_CALL", a.ok() && answered == distinct, asked.size() + " ids (" + distinct
                + " different) in one call " + (a.ok() ? "answered " + answered + " users" : "were refused with "
                + a.said()));
    }
}
