package com.emite.setup.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the paged "EntityListing" shapes of reference §3.2. */
final class Listing {
    private Listing() {
    }

    static int pageCount(long total, int pageSize) {
        return (int) ((total + pageSize - 1) / pageSize);
    }

    /** The page's slice of {@code all}. */
    static <T> List<T> slice(List<T> all, HandlerRequest.Page page) {
        int from = Math.min(all.size(), page.from());
        int to = (int) Math.min(all.size(), (long) from + page.size());
        return all.subList(from, to);
    }

    /** Full listing with first/self/next/previous/last URIs; next is absent on the last page, previous on the first. */
    static <T> JsonObject of(HandlerRequest r, HandlerRequest.Page page, List<T> all, Function<T, JsonElement> render) {
        List<T> items = slice(all, page);
        JsonObject o = entities(items, render);
        int count = pageCount(all.size(), page.size());
        o.addProperty("pageSize", page.size());
        o.addProperty("pageNumber", page.number());
        o.addProperty("total", all.size());
        o.addProperty("firstUri", uri(r, page.size(), 1));
        o.addProperty("selfUri", uri(r, page.size(), page.number()));
        if (page.number() < count) {
            o.addProperty("nextUri", uri(r, page.size(), page.number() + 1));
        }
        if (page.number() > 1) {
            o.addProperty("previousUri", uri(r, page.size(), Math.min(page.number() - 1, Math.max(1, count))));
        }
        o.addProperty("lastUri", uri(r, page.size(), Math.max(1, count)));
        o.addProperty("pageCount", count);
        return o;
    }

    /**
     * A listing of an operation without paging parameters (GET …/individuals, GET /oauth/clients): every entity on
     * one page, its URIs without paging parameters, no {@code nextUri}.
     */
    static <T> JsonObject whole(HandlerRequest r, List<T> all, Function<T, JsonElement> render) {
        JsonObject o = entities(all, render);
        o.addProperty("pageSize", Math.max(com.emite.setup.contract.ApiContract.DEFAULT_PAGE_SIZE, all.size()));
        o.addProperty("pageNumber", 1);
        o.addProperty("total", all.size());
        o.addProperty("firstUri", r.path);
        o.addProperty("selfUri", r.path);
        o.addProperty("lastUri", r.path);
        o.addProperty("pageCount", 1);
        return o;
    }

    /** The thin listing of AuthzDivisionGrantEntityListing: no URIs. */
    static <T> JsonObject thin(HandlerRequest.Page page, List<T> all, Function<T, JsonElement> render) {
        JsonObject o = entities(slice(all, page), render);
        o.addProperty("pageSize", page.size());
        o.addProperty("pageNumber", page.number());
        o.addProperty("total", all.size());
        o.addProperty("pageCount", pageCount(all.size(), page.size()));
        return o;
    }

    private static <T> JsonObject entities(List<T> items, Function<T, JsonElement> render) {
        JsonObject o = new JsonObject();
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        for (T t : items) {
            a.add(render.apply(t));
        }
        o.add("entities", a);
        return o;
    }

    static String uri(HandlerRequest r, int pageSize, int pageNumber) {
        StringBuilder b = new StringBuilder(r.path).append("?pageSize=").append(pageSize)
                .append("&pageNumber=").append(pageNumber);
        for (Map.Entry<String, List<String>> e : r.query.entrySet()) {
            if (e.getKey().equals("pageSize") || e.getKey().equals("pageNumber")) {
                continue;
            }
            for (String v : e.getValue()) {
                b.append('&').append(enc(e.getKey())).append('=').append(enc(v));
            }
        }
        return b.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
