package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Division;
import com.emite.setup.sandbox.OrgRecords.Grant;
import com.emite.setup.sandbox.OrgRecords.Role;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Divisions, the grants in a division, and where the caller holds a permission (reference §7, §9). */
final class DivisionEndpoints {
    private final OrgState s;
    private final Views v;

    DivisionEndpoints(EndpointContext ctx) {
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("GET", "/api/v2/authorization/divisions", this::listDivisions);
        r.api("GET", "/api/v2/authorization/divisions/home",
                req -> HandlerResponse.ok(s.read(() -> v.division(s.home()))));
        r.api("GET", "/api/v2/authorization/divisions/{divisionId}", this::getDivision);
        r.api("GET", "/api/v2/authorization/divisions/{divisionId}/grants", this::divisionGrants);
        r.api("GET", "/api/v2/authorization/divisionspermitted/paged/me", this::divisionsPermitted);
    }

    private Division division(String id) {
        Division d = s.division(id);
        if (d == null) {
            throw ApiException.notFound("division", id);
        }
        return d;
    }

    private HandlerResponse listDivisions(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        List<String> ids = r.qAll("id");
        String name = r.q("name");
        r.qBool("objectCount", false);
        return HandlerResponse.ok(s.read(() -> {
            List<Division> all = new ArrayList<>();
            for (Division d : s.divisions) {
                if ((ids.isEmpty() || ids.contains(d.id())) && (name == null || d.name().equals(name))) {
                    all.add(d);
                }
            }
            all.sort(Comparator.comparing((Division d) -> d.name().toLowerCase(Locale.ROOT)));
            return Listing.of(r, page, all, v::division);
        }));
    }

    private HandlerResponse getDivision(HandlerRequest r) {
        r.qBool("objectCount", false);
        return HandlerResponse.ok(s.read(() -> v.division(division(r.param("divisionId")))));
    }

    private HandlerResponse divisionGrants(HandlerRequest r) {
        HandlerRequest.Page page = r.page(ApiContract.MAX_PAGE_SIZE_DIVISION_GRANTS);
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            Division d = division(r.param("divisionId"));
            long now = s.now();
            List<Grant> all = new ArrayList<>();
            for (List<Grant> list : s.grants.values()) {
                for (Grant g : list) {
                    if (g.divisionId().equals(d.id()) && g.effectiveAt() <= now && s.roles.containsKey(g.roleId())) {
                        all.add(g);
                    }
                }
            }
            return Listing.thin(page, all, v::authzGrant);
        }));
    }

    private HandlerResponse divisionsPermitted(HandlerRequest r) {
        String permission = r.q("permission");
        if (permission == null || permission.split(":").length != 3) {
            throw ApiException.invalidQueryParam("permission", permission == null ? "" : permission);
        }
        HandlerRequest.Page page = r.page();
        return HandlerResponse.ok(s.read(() -> {
            boolean all = false;
            Set<String> ids = new HashSet<>();
            for (Grant g : r.caller.grants(s)) {
                Role role = s.roles.get(g.roleId());
                if (role != null && role.grants(permission)) {
                    if (g.divisionId().equals(ApiContract.ALL_DIVISIONS)) {
                        all = true;
                    } else {
                        ids.add(g.divisionId());
                    }
                }
            }
            List<Division> divs = new ArrayList<>();
            for (Division d : s.divisions) {
                if (all || ids.contains(d.id())) {
                    divs.add(d);
                }
            }
            JsonObject o = Listing.of(r, page, divs, v::division);
            o.addProperty("allDivsPermitted", all);
            return o;
        }));
    }

}
