package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The search endpoints' request model and matching (reference §3.3): criteria with type, fields, value(s), operator
 * and nested groups; pageSize ≤ 100; at most 10,000 results paged through; q64 page links.
 */
final class Search {
    static final List<String> USER_TYPES = List.of("EXACT", "STARTS_WITH", "CONTAINS", "REGEX", "TERM", "TERMS",
            "REQUIRED_FIELDS", "MATCH_ALL", "QUERY_STRING");
    static final List<String> GROUP_TYPES = USER_TYPES.subList(0, USER_TYPES.size() - 1);
    private static final Set<String> USER_REQUEST = Set.of("sortOrder", "sortBy", "pageSize", "pageNumber", "sort",
            "expand", "query", "integrationPresenceSource", "enforcePermissions");
    private static final Set<String> GROUP_REQUEST = Set.of("sortOrder", "sortBy", "pageSize", "pageNumber", "sort",
            "query");
    private static final Set<String> CRITERION = Set.of("endValue", "values", "startValue", "value", "operator",
            "group", "dateFormat", "fields", "type");
    private static final Set<String> SORT = Set.of("sortOrder", "sortBy");
    static final int MAX_VALUE_LENGTH = 300;
    static final int MAX_VALUES = 50;

    /** Lookup of a document's field values by field name; null when the field is unknown. */
    interface Doc {
        List<String> field(String name);
    }

    record Criterion(String type, List<String> fields, List<String> values, String operator, List<Criterion> group) {
    }

    record Request(JsonObject json, int pageSize, int pageNumber, String sortBy, boolean descending,
                   List<String> expand, List<Criterion> query, Set<String> types, Set<String> fieldsUsed) {
    }

    private Search() {
    }

    static Request parse(Body b, boolean users, Set<String> knownFields) {
        b.only(users ? USER_REQUEST : GROUP_REQUEST);
        int pageSize = orDefault(b.integer("pageSize"), ApiContract.DEFAULT_PAGE_SIZE);
        int pageNumber = orDefault(b.integer("pageNumber"), 1);
        if (pageSize < 1 || pageSize > ApiContract.MAX_SEARCH_PAGE_SIZE) {
            throw ApiException.invalidValue("pageSize", "pageSize must be between 1 and "
                    + ApiContract.MAX_SEARCH_PAGE_SIZE);
        }
        if (pageNumber < 1) {
            throw ApiException.invalidValue("pageNumber", "pageNumber must be at least 1");
        }
        if ((long) pageNumber * pageSize > ApiContract.MAX_SEARCH_RESULTS) {
            throw ApiException.invalidValue("pageNumber", "Only the first " + ApiContract.MAX_SEARCH_RESULTS
                    + " results can be paged through");
        }
        String sortOrder = b.enumValue("sortOrder", List.of("ASC", "DESC", "SCORE"));
        String sortBy = b.str("sortBy");
        List<Body> sort = b.objList("sort");
        if (sort != null && !sort.isEmpty()) {
            Body first = sort.get(0).only(SORT);
            sortBy = first.str("sortBy");
            sortOrder = first.enumValue("sortOrder", List.of("ASC", "DESC", "SCORE"));
        }
        if (sortBy != null && !knownFields.contains(sortBy)) {
            throw ApiException.invalidValue("sortBy", "Unknown sort field " + sortBy);
        }
        List<String> expand = users ? b.strList("expand") : null;
        if (users) {
            // The SDK's literals (UserSearchRequest.IntegrationPresenceSourceEnum).
            b.enumValue("integrationPresenceSource", List.of("MicrosoftTeams", "ZoomPhone", "EightByEight"));
            b.bool("enforcePermissions");
        }
        List<Body> q = b.objList("query");
        if (q == null || q.isEmpty()) {
            throw ApiException.required("query");
        }
        Set<String> types = new LinkedHashSet<>();
        Set<String> fieldsUsed = new LinkedHashSet<>();
        List<Criterion> criteria = criteria(q, users ? USER_TYPES : GROUP_TYPES, knownFields, types, fieldsUsed);
        return new Request(b.json, pageSize, pageNumber, sortBy, "DESC".equals(sortOrder),
                expand == null ? List.of() : expand, criteria, types, fieldsUsed);
    }

    private static List<Criterion> criteria(List<Body> list, List<String> allowedTypes, Set<String> known,
                                            Set<String> types, Set<String> fieldsUsed) {
        List<Criterion> out = new ArrayList<>();
        for (Body c : list) {
            c.only(CRITERION);
            String type = c.enumValue("type", allowedTypes);
            List<Body> group = c.objList("group");
            if (type == null && group == null) {
                throw ApiException.required(c.path("type"));
            }
            List<String> fields = c.strList("fields");
            if (fields != null) {
                for (String f : fields) {
                    if (!known.contains(f)) {
                        throw ApiException.invalidValue(c.path("fields"), "Unknown search field " + f);
                    }
                    fieldsUsed.add(f);
                }
            }
            List<String> values = new ArrayList<>();
            String value = c.str("value");
            if (value != null) {
                if (value.length() > MAX_VALUE_LENGTH) {
                    throw ApiException.invalidValue(c.path("value"), "value must be at most " + MAX_VALUE_LENGTH
                            + " characters");
                }
                values.add(value);
            }
            List<String> vs = c.strList("values");
            if (vs != null) {
                if (vs.size() > MAX_VALUES) {
                    throw ApiException.invalidValue(c.path("values"), "values must have at most " + MAX_VALUES
                            + " entries");
                }
                values.addAll(vs);
            }
            c.str("startValue");
            c.str("endValue");
            c.str("dateFormat");
            String operator = c.enumValue("operator", List.of("AND", "OR", "NOT"));
            if (type != null) {
                types.add(type);
                boolean needsFields = !type.equals("MATCH_ALL") && !type.equals("QUERY_STRING");
                if (needsFields && (fields == null || fields.isEmpty())) {
                    throw ApiException.required(c.path("fields"));
                }
                boolean needsValue = needsFields && !type.equals("REQUIRED_FIELDS") || type.equals("QUERY_STRING");
                if (needsValue && values.isEmpty()) {
                    throw ApiException.required(c.path("value"));
                }
                if (type.equals("REGEX")) {
                    for (String v : values) {
                        try {
                            Pattern.compile(v);
                        } catch (PatternSyntaxException e) {
                            throw ApiException.invalidValue(c.path("value"), "Invalid regular expression");
                        }
                    }
                }
            }
            List<Criterion> sub = group == null ? null : criteria(group, allowedTypes, known, types, fieldsUsed);
            out.add(new Criterion(type, fields == null ? List.of() : fields, values, operator, sub));
        }
        return out;
    }

    static boolean matches(List<Criterion> criteria, Doc doc, Set<String> allFields) {
        boolean anyOr = false;
        boolean orHit = false;
        for (Criterion c : criteria) {
            boolean m = matches(c, doc, allFields);
            if ("OR".equals(c.operator())) {
                anyOr = true;
                orHit |= m;
            } else if ("NOT".equals(c.operator())) {
                if (m) {
                    return false;
                }
            } else if (!m) {
                return false;
            }
        }
        return !anyOr || orHit;
    }

    private static boolean matches(Criterion c, Doc doc, Set<String> allFields) {
        if (c.group() != null && c.type() == null) {
            return matches(c.group(), doc, allFields);
        }
        boolean own = matchType(c, doc, allFields);
        if (c.group() != null) {
            own = own && matches(c.group(), doc, allFields);
        }
        return own;
    }

    private static boolean matchType(Criterion c, Doc doc, Set<String> allFields) {
        List<String> fields = c.fields().isEmpty() ? List.copyOf(allFields) : c.fields();
        switch (c.type()) {
            case "MATCH_ALL":
                return true;
            case "REQUIRED_FIELDS":
                for (String f : fields) {
                    List<String> v = doc.field(f);
                    if (v == null || v.stream().allMatch(x -> x == null || x.isEmpty())) {
                        return false;
                    }
                }
                return true;
            default:
                for (String f : fields) {
                    List<String> values = doc.field(f);
                    if (values == null) {
                        continue;
                    }
                    for (String fv : values) {
                        if (fv == null) {
                            continue;
                        }
                        for (String q : c.values()) {
                            if (test(c.type(), fv, q)) {
                                return true;
                            }
                        }
                    }
                }
                return false;
        }
    }

    private static boolean test(String type, String fieldValue, String query) {
        String f = fieldValue.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "EXACT" -> f.equals(q);
            case "STARTS_WITH" -> f.startsWith(q);
            case "CONTAINS", "QUERY_STRING" -> f.contains(q);
            case "TERM", "TERMS" -> List.of(f.split("[^\\p{L}\\p{N}]+")).contains(q);
            case "REGEX" -> Pattern.compile(query, Pattern.CASE_INSENSITIVE).matcher(fieldValue).matches();
            default -> false;
        };
    }

    /** The search response (UsersSearchResponse / GroupsSearchResponse). */
    static <T> JsonObject response(String path, Request req, List<T> hits, String type,
                                   Function<T, JsonElement> render) {
        int total = hits.size();
        int pageCount = Listing.pageCount(total, req.pageSize());
        JsonObject o = new JsonObject();
        o.addProperty("total", total);
        o.addProperty("pageCount", pageCount);
        o.addProperty("pageSize", req.pageSize());
        o.addProperty("pageNumber", req.pageNumber());
        if (req.pageNumber() > 1) {
            o.addProperty("previousPage", link(path, req, Math.min(req.pageNumber() - 1, Math.max(1, pageCount))));
        }
        o.addProperty("currentPage", link(path, req, req.pageNumber()));
        if (req.pageNumber() < pageCount
                && (long) (req.pageNumber() + 1) * req.pageSize() <= ApiContract.MAX_SEARCH_RESULTS) {
            o.addProperty("nextPage", link(path, req, req.pageNumber() + 1));
        }
        o.add("types", JsonTree.strings(List.of(type)));
        JsonArray results = new JsonArray();
        int from = (int) Math.min(total, (long) (req.pageNumber() - 1) * req.pageSize());
        int to = Math.min(total, from + req.pageSize());
        for (T t : hits.subList(from, to)) {
            results.add(render.apply(t));
        }
        o.add("results", results);
        return o;
    }

    /**
     * A q64 page link: the request at another page. Whether the real links keep {@code expand} is not known
     * ({@link ApiContract#SEARCH_PAGE_LINKS_CARRY_EXPAND}); without it the GET must name {@code expand} itself.
     */
    static String link(String path, Request req, int pageNumber) {
        JsonObject copy = req.json().deepCopy();
        copy.addProperty("pageNumber", pageNumber);
        if (!ApiContract.SEARCH_PAGE_LINKS_CARRY_EXPAND) {
            copy.remove("expand");
        }
        String q64 = Base64.getEncoder().encodeToString(JsonTree.GSON.toJson(copy).getBytes(StandardCharsets.UTF_8));
        return path + "?q64=" + Listing.enc(q64);
    }

    /** The search request carried by a GET's {@code q64} parameter. */
    static Body fromQ64(HandlerRequest r) {
        return Body.parse(decodeQ64(r.q("q64")));
    }

    /** Orders hits by the request's {@code sortBy} field (case-insensitive) and order; unsorted: as given. */
    static <T> void sortHits(List<T> hits, Request q, BiFunction<T, String, String> key) {
        if (q.sortBy() != null) {
            Comparator<T> c = Comparator.comparing(
                    t -> key.apply(t, q.sortBy()).toLowerCase(Locale.ROOT));
            hits.sort(q.descending() ? c.reversed() : c);
        } else if (q.descending()) {
            Collections.reverse(hits);
        }
    }

    /** The body a GET …/search?q64= carries. */
    static byte[] decodeQ64(String q64) {
        if (q64 == null || q64.isBlank()) {
            throw ApiException.invalidQueryParam("q64", "");
        }
        try {
            return Base64.getDecoder().decode(q64.strip());
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(q64.strip());
            } catch (IllegalArgumentException e2) {
                throw ApiException.invalidQueryParam("q64", q64);
            }
        }
    }

    private static int orDefault(Integer v, int d) {
        return v == null ? d : v;
    }
}
