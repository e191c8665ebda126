package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Group;
import com.emite.setup.sandbox.OrgRecords.GroupDoc;
import com.emite.setup.sandbox.OrgRecords.User;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Groups and their members (reference §6), with group search (§3.3). */
final class GroupEndpoints {
    private static final Set<String> GROUP_CREATE = Set.of("id", "name", "description", "dateModified",
            "memberCount", "state", "version", "type", "images", "addresses", "rulesVisible", "visibility", "ownerIds",
            "selfUri");
    private static final Set<String> GROUP_UPDATE = Set.of("id", "name", "description", "state", "version", "images",
            "addresses", "rulesVisible", "visibility", "ownerIds", "selfUri");
    private static final Set<String> MEMBERS_UPDATE = Set.of("memberIds", "version");
    static final Set<String> GROUP_FIELDS = new LinkedHashSet<>(List.of("id", "name", "description", "type",
            "visibility", "state"));

    private final EndpointContext ctx;
    private final OrgState s;
    private final Views v;

    GroupEndpoints(EndpointContext ctx) {
        this.ctx = ctx;
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("POST", "/api/v2/groups", this::createGroup);
        r.api("GET", "/api/v2/groups", this::listGroups);
        r.api("POST", "/api/v2/groups/search", req -> searchGroups(req, req.json()));
        r.api("GET", "/api/v2/groups/search", req -> searchGroups(req, Search.fromQ64(req)));
        r.api("GET", "/api/v2/groups/{groupId}", this::getGroup);
        r.api("PUT", "/api/v2/groups/{groupId}", this::updateGroup);
        r.api("DELETE", "/api/v2/groups/{groupId}", this::deleteGroup);
        r.api("POST", "/api/v2/groups/{groupId}/members", this::addMembers);
        r.api("DELETE", "/api/v2/groups/{groupId}/members", this::removeMembers);
        r.api("GET", "/api/v2/groups/{groupId}/members", req -> members(req, false));
        r.api("GET", "/api/v2/groups/{groupId}/individuals", req -> members(req, true));
    }

    private Group liveGroup(String id) {
        Group g = s.groups.get(id);
        if (g == null || g.state.equals("deleted")) {
            throw ApiException.notFound("group", id);
        }
        return g;
    }

    private List<String> ownerIds(Body b) {
        List<String> owners = b.strList("ownerIds");
        if (owners == null) {
            return null;
        }
        for (String o : owners) {
            if (s.liveUser(o) == null) {
                throw ApiException.invalidValue("ownerIds", "Unknown user id " + o).entity(o);
            }
        }
        return owners;
    }

    private HandlerResponse createGroup(HandlerRequest r) {
        Body b = r.json().only(GROUP_CREATE);
        String name = b.reqStr("name");
        String type = b.enumValue("type", List.of("official", "social"));
        Boolean rulesVisible = b.bool("rulesVisible");
        String visibility = b.enumValue("visibility", List.of("public", "owners", "members"));
        if (type == null) {
            throw ApiException.required("type");
        }
        if (rulesVisible == null) {
            throw ApiException.required("rulesVisible");
        }
        if (visibility == null) {
            throw ApiException.required("visibility");
        }
        b.str("description");
        return s.write(() -> {
            r.caller.require(s, "directory:group:add");
            List<String> owners = ownerIds(b);
            if (ApiContract.STATUS_DUPLICATE_GROUP_NAME != 0 && s.groups.values().stream()
                    .anyMatch(g -> !g.state.equals("deleted") && g.name.equals(name))) {
                throw ApiException.of(ApiContract.STATUS_DUPLICATE_GROUP_NAME, "conflict",
                        "A group named " + name + " already exists");
            }
            long now = s.now();
            Group g = new Group(s.newId());
            g.name = name;
            g.description = null; // reference §6: description sent on create is ignored (Genesys API bug)
            g.type = type;
            g.rulesVisible = rulesVisible;
            g.visibility = visibility;
            g.dateModified = now;
            if (owners != null) {
                g.owners.addAll(owners);
            }
            g.reindex(now, s.config.searchLagMs());
            s.groups.put(g.id, g);
            return HandlerResponse.json(ApiContract.STATUS_GROUP_CREATED, v.group(g));
        });
    }

    private HandlerResponse listGroups(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        String sortOrder = r.qEnum("sortOrder", "ascending", List.of("ascending", "descending"));
        Set<String> ids = new HashSet<>(r.qAll("id"));
        return HandlerResponse.ok(s.read(() -> {
            List<Group> all = new ArrayList<>();
            for (Group g : s.groups.values()) {
                if (!g.state.equals("deleted") && (ids.isEmpty() || ids.contains(g.id))) {
                    all.add(g);
                }
            }
            Comparator<Group> c = Comparator.comparing((Group g) -> g.name.toLowerCase(Locale.ROOT))
                    .thenComparing(g -> g.id);
            all.sort(sortOrder.equals("descending") ? c.reversed() : c);
            return Listing.of(r, page, all, v::group);
        }));
    }

    private HandlerResponse getGroup(HandlerRequest r) {
        return HandlerResponse.ok(s.read(() -> v.group(liveGroup(r.param("groupId")))));
    }

    private HandlerResponse updateGroup(HandlerRequest r) {
        Body b = r.json().only(GROUP_UPDATE);
        Integer version = b.integer("version");
        if (version == null) {
            throw ApiException.required("version");
        }
        String name = b.str("name");
        if (name != null && name.isBlank()) {
            throw ApiException.invalidValue("name", "name must not be blank");
        }
        String description = b.str("description");
        String state = b.enumValue("state", List.of("active", "inactive", "deleted"));
        String visibility = b.enumValue("visibility", List.of("public", "ownerIds", "owners", "members"));
        Boolean rulesVisible = b.bool("rulesVisible");
        return s.write(() -> {
            r.caller.require(s, "directory:group:edit");
            Group g = liveGroup(r.param("groupId"));
            if (version != g.version) {
                throw ApiException.conflictVersion("group", version, g.version);
            }
            List<String> owners = ownerIds(b);
            if (name != null) {
                g.name = name;
            }
            if (b.has("description") || ApiContract.GROUP_PUT_CLEARS_OMITTED_FIELDS) {
                g.description = description;
            }
            if (state != null) {
                g.state = state;
            }
            if (visibility != null) {
                g.visibility = visibility.equals("ownerIds") ? "owners" : visibility;
            }
            if (rulesVisible != null) {
                g.rulesVisible = rulesVisible;
            }
            if (owners != null || ApiContract.GROUP_PUT_CLEARS_OMITTED_FIELDS) {
                g.owners.clear();
                if (owners != null) {
                    g.owners.addAll(owners);
                }
            }
            touch(g);
            return HandlerResponse.ok(v.group(g));
        });
    }

    private void touch(Group g) {
        long now = s.now();
        g.version++;
        g.dateModified = now;
        g.reindex(now, s.config.searchLagMs());
    }

    private HandlerResponse deleteGroup(HandlerRequest r) {
        return s.write(() -> {
            r.caller.require(s, "directory:group:delete");
            Group g = liveGroup(r.param("groupId"));
            g.state = "deleted";
            touch(g);
            s.grants.remove(g.id);
            return HandlerResponse.empty(ApiContract.STATUS_DELETED);
        });
    }

    /** Members may be changed by the group's owners or by holders of directory:group:edit (reference §6 [INF]). */
    private void requireMemberEdit(HandlerRequest r, Group g) {
        if (r.caller.isUser() && g.owners.contains(r.caller.subjectId())) {
            return;
        }
        r.caller.require(s, ApiContract.PERMISSION_GROUP_MEMBERS);
    }

    private HandlerResponse addMembers(HandlerRequest r) {
        Body b = r.json().only(MEMBERS_UPDATE);
        List<String> ids = b.strList("memberIds");
        Integer version = b.integer("version");
        if (ids == null) {
            throw ApiException.required("memberIds");
        }
        if (version == null) {
            throw ApiException.required("version");
        }
        if (ids.size() > ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            throw ApiException.invalidValue("memberIds", "At most " + ApiContract.MAX_GROUP_MEMBERS_PER_CALL
                    + " member ids per request");
        }
        return s.write(() -> {
            Group g = liveGroup(r.param("groupId"));
            requireMemberEdit(r, g);
            if (version != g.version) {
                throw ApiException.conflictVersion("group", version, g.version);
            }
            for (String id : ids) {
                if (s.liveUser(id) == null) {
                    throw ApiException.invalidValue("memberIds", "Unknown user id " + id).entity(id);
                }
            }
            g.individuals.addAll(ids);
            touch(g);
            return HandlerResponse.empty(ApiContract.STATUS_GROUP_MEMBERS_ADDED);
        });
    }

    private HandlerResponse removeMembers(HandlerRequest r) {
        List<String> ids = r.qAll("ids");
        if (ids.isEmpty()) {
            throw ApiException.invalidQueryParam("ids", "");
        }
        if (ids.size() > ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            throw ApiException.invalidQueryParam("ids", "(" + ids.size() + " ids)");
        }
        return s.write(() -> {
            Group g = liveGroup(r.param("groupId"));
            requireMemberEdit(r, g);
            ids.forEach(g.individuals::remove);
            touch(g);
            return HandlerResponse.empty(ApiContract.STATUS_GROUP_MEMBERS_ADDED);
        });
    }

    /**
     * GET …/members (paged, sorted, expandable) and GET …/individuals, which takes no query parameters at all
     * [SDK GroupsApi.getGroupIndividuals]: every individual member on one page ({@link
     * ApiContract#UNPAGED_LISTINGS_ON_ONE_PAGE}).
     */
    private HandlerResponse members(HandlerRequest r, boolean individualsOnly) {
        HandlerRequest.Page page = individualsOnly ? null : r.page();
        String sortOrder = individualsOnly ? "ascending"
                : r.qEnum("sortOrder", "ascending", List.of("ascending", "descending"));
        Set<String> expand = individualsOnly ? Set.of() : UserEndpoints.expand(r);
        return HandlerResponse.ok(s.read(() -> {
            Group g = liveGroup(r.param("groupId"));
            List<User> users = new ArrayList<>();
            for (String id : individualsOnly ? g.individuals : g.members()) {
                User u = s.liveUser(id);
                if (u != null) {
                    users.add(u);
                }
            }
            users.sort(sortOrder.equals("descending") ? OrgState.BY_NAME.reversed() : OrgState.BY_NAME);
            return page == null ? Listing.whole(r, users, u -> v.user(u, expand))
                    : Listing.of(r, page, users, u -> v.user(u, expand));
        }));
    }

    private HandlerResponse searchGroups(HandlerRequest r, Body body) {
        Search.Request q = Search.parse(body, false, GROUP_FIELDS);
        return HandlerResponse.ok(s.read(() -> {
            q.types().forEach(t -> ctx.searchLimit(r, t));
            long now = s.now();
            boolean stateAsked = q.fieldsUsed().contains("state");
            List<GroupDoc> hits = new ArrayList<>();
            for (Group g : s.groups.values()) {
                GroupDoc d = g.searchDoc(now);
                if (d == null || (!stateAsked && !d.state().equals("active"))) {
                    continue;
                }
                if (Search.matches(q.query(), f -> groupField(d, f), GROUP_FIELDS)) {
                    hits.add(d);
                }
            }
            hits.sort(Comparator.comparing((GroupDoc d) -> d.name().toLowerCase(Locale.ROOT))
                    .thenComparing(GroupDoc::id));
            Search.sortHits(hits, q, (d, f) -> {
                List<String> x = groupField(d, f);
                return x == null || x.isEmpty() || x.get(0) == null ? "" : x.get(0);
            });
            return Search.response("/api/v2/groups/search", q, hits, "groups", v::group);
        }));
    }

    private static List<String> groupField(GroupDoc d, String f) {
        return switch (f) {
            case "id" -> List.of(d.id());
            case "name" -> List.of(d.name());
            case "description" -> d.description() == null ? List.of() : List.of(d.description());
            case "type" -> List.of(d.type());
            case "visibility" -> List.of(d.visibility());
            case "state" -> List.of(d.state());
            default -> null;
        };
    }
}
