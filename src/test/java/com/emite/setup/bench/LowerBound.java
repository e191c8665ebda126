package com.emite.setup.bench;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.provision.ClientSpec;
import com.emite.setup.provision.Needs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fewest API requests that can do a workload on a given org: the yardstick our call counts are divided by.
 * Computed from the org's numbers ({@link MeasuredOrg}) and the API's page sizes and batch limits
 * ({@link ApiContract}, i.e. the reference), never from our engine's own counts.
 *
 * <h2>The model</h2>
 * A request is counted when the job cannot be done without it. The token request is not counted (it goes to the
 * login host and is not under the per-token API limit); the benchmark's {@code calls} leave it out too.
 * <p><b>Reads: what must be known, each read once, in the largest pages the API allows.</b>
 * <ul>
 *   <li>{@code GET /organizations/me}: 1. The short name makes the eMite redirect URL (SSO client, app URL).</li>
 *   <li>{@code GET /authorization/subjects/{ownClientId}}: 1. The caller's own permissions (the preflight that
 *   issue 6 requires before any change) and whether it already holds the eMite role (or the second apply could
 *   not be write-free). The client id is known from sign-in, so no token lookup is needed.</li>
 *   <li>{@code GET /authorization/permissions?queryType=domain&query=<eMite's domains>}:
 *   ⌈domain entities / 100⌉. Which of the 41 permissions and the licence permission the org offers.</li>
 *   <li>{@code GET /authorization/roles}: ⌈roles / 100⌉; {@code GET /groups}: ⌈groups / 100⌉ (a search per name
 *   would be 3 requests and lags); {@code GET /authorization/divisions}: ⌈divisions / 100⌉;
 *   {@code GET /integrations}: ⌈integrations / 100⌉; {@code GET /oauth/clients}: 1 (the listing has no paging).
 *   Each is needed to know whether eMite's objects exist (create only what is missing, never a duplicate).</li>
 *   <li>{@code GET /oauth/clients/{id}}: 1 per eMite client that exists (5 with WFM). The listing lacks the grant
 *   type (SDK OAuthClientListing), so a client whose grant type was changed by hand can only be seen this way
 *   (issue #11: check what we own, fully).</li>
 *   <li>{@code GET /integrations/{id}/config/current}: 1 when the app exists (its settings must be compared);
 *   0 when the app is created in this run (the reference says the first config version is 1).</li>
 *   <li>{@code GET /users?state=active&expand=authorization}: ⌈active users / 100⌉ when the licence is offered.
 *   The only listing that gives each user's division; with the expand it also says who already holds a licence
 *   role, so one pass answers both. Division search is unconfirmed and capped at 10,000 results.</li>
 * </ul>
 * <p><b>Writes: only what is missing, in the largest batches the API allows.</b>
 * <ul>
 *   <li>each missing group: 1 ({@code POST /groups}); the role if missing: 1; the role grant to the caller if it
 *   does not hold it: 1 ({@code POST /authorization/roles/{roleId}} with division {@code *}).</li>
 *   <li>each missing OAuth client: 1 (the create carries role/divisions, scopes and redirect URI).</li>
 *   <li>the client app if missing: 3 (create; {@code PUT config/current}, since the create takes no
 *   configuration; {@code PATCH} to enable); if it exists but is disabled: 1.</li>
 *   <li>each missing licence role: 1.</li>
 *   <li>licence grants: Σ over divisions of ⌈unlicensed active users of the division / 50⌉. A bulk grant names ONE
 *   role (each division has its own) and a set of divisions applied to every subject, so a call covers at most 50
 *   users of one division (granting in several divisions at once would grant outside the user's division).</li>
 * </ul>
 * <p><b>Not counted</b> (so the bound stays a true minimum): polling until the caller's new grant is in force (an
 * optimistic client create could prove it; our engine polls, 1 request when the grant is already in force); field
 * differences of objects that exist (these workloads have none: objects are either missing or as eMite needs).
 */
final class LowerBound {
    private LowerBound() {
    }

    /** One term of the bound: what, how many requests, and the formula in words. */
    record Term(String what, long calls, String formula) {
    }

    record Result(List<Term> terms) {
        long total() {
            return terms.stream().mapToLong(Term::calls).sum();
        }

        long reads() {
            return terms.stream().filter(t -> t.what().startsWith("GET")).mapToLong(Term::calls).sum();
        }

        long writes() {
            return total() - reads();
        }

        String describe() {
            return terms.stream().filter(t -> t.calls() > 0).map(t -> t.what() + "=" + t.calls())
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * The fewest requests for an apply ({@code writes} true) or a verify (false: reads only) on {@code org}.
     *
     * @param withWfm the two WFM clients are part of the job
     */
    static Result of(MeasuredOrg org, Needs needs, boolean withWfm, boolean writes) {
        List<Term> t = new ArrayList<>();
        int page = ApiContract.MAX_PAGE_SIZE;
        t.add(new Term("GET organizations/me", 1, "1"));
        t.add(new Term("GET authorization/subjects/{own}", 1, "1"));
        t.add(new Term("GET authorization/permissions", pages(org.catalogEntities(), page),
                "ceil(" + org.catalogEntities() + "/" + page + ")"));
        t.add(new Term("GET authorization/roles", pages(org.roles(), page), "ceil(" + org.roles() + "/" + page + ")"));
        t.add(new Term("GET groups", pages(org.groups(), page), "ceil(" + org.groups() + "/" + page + ")"));
        t.add(new Term("GET authorization/divisions", pages(org.divisions().size(), page),
                "ceil(" + org.divisions().size() + "/" + page + ")"));
        t.add(new Term("GET oauth/clients", 1, "1 (no paging)"));
        long existing = needs.clients().stream().filter(c -> withWfm || !c.wfm()).map(ClientSpec::name)
                .filter(n -> org.clientNames().contains(n)).count();
        t.add(new Term("GET oauth/clients/{id}", existing, "1 per existing eMite client"));
        t.add(new Term("GET integrations", pages(org.integrations(), page),
                "ceil(" + org.integrations() + "/" + page + ")"));
        t.add(new Term("GET integrations/{id}/config/current", org.appExists() ? 1 : 0, "1 if the app exists"));
        boolean licences = org.licenceOffered() && !org.divisions().isEmpty();
        t.add(new Term("GET users", licences ? pages(org.activeUsers(), page) : 0,
                "ceil(" + org.activeUsers() + "/" + page + ")"));
        if (!writes) {
            return new Result(t);
        }
        long groups = needs.groups().stream().filter(g -> !org.groupNames().contains(g.name())).count();
        t.add(new Term("POST groups", groups, "missing groups"));
        boolean role = !org.roleNames().contains(needs.role().name());
        t.add(new Term("POST authorization/roles (eMite role)", role ? 1 : 0, "1 if missing"));
        t.add(new Term("POST authorization/roles/{id} (grant to caller)", org.identityHoldsRole() ? 0 : 1,
                "1 unless held"));
        long clients = needs.clients().stream().filter(c -> withWfm || !c.wfm()).map(ClientSpec::name)
                .filter(n -> !org.clientNames().contains(n)).count();
        t.add(new Term("POST oauth/clients", clients, "missing clients"));
        t.add(new Term("app create+config+enable", org.appExists() ? (org.appEnabled() ? 0 : 1) : 3,
                "3 if missing, 1 if disabled"));
        if (licences) {
            long roles = org.divisions().stream().filter(d -> !d.licenceRoleExists()).count();
            t.add(new Term("POST authorization/roles (licence roles)", roles, "missing licence roles"));
            int batch = ApiContract.MAX_SUBJECTS_PER_GRANT_CALL;
            long grants = org.divisions().stream().mapToLong(d -> ceil(d.unlicensed(), batch)).sum();
            t.add(new Term("POST authorization/roles/{id} (licence grants)", grants,
                    "sum over divisions of ceil(unlicensed/" + batch + ")"));
        }
        return new Result(t);
    }

    /** ⌈n / size⌉ requests to page through n items, at least 1 (an empty listing is still one request). */
    static long pages(long n, int size) {
        return Math.max(1, ceil(n, size));
    }

    /** ⌈n / size⌉ batches of writes; 0 for nothing to write. */
    static long ceil(long n, int size) {
        return (n + size - 1) / size;
    }
}
