package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.sun.net.httpserver.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One API request as the handlers see it. */
final class HandlerRequest {
    final String method;
    final String path;
    /** Query parameters in their order, decoded; a repeated name keeps every value. */
    final Map<String, List<String>> query;
    final Headers headers;
    final byte[] body;
    final String correlationId;
    Map<String, String> params = Map.of();
    Caller caller;

    HandlerRequest(String method, String path, String rawQuery, Headers headers, byte[] body, String correlationId) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.correlationId = correlationId;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    String param(String name) {
        return params.get(name);
    }

    String q(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Every value of a repeatable parameter; comma-separated values are split too. */
    List<String> qAll(String name) {
        List<String> out = new ArrayList<>();
        for (String v : query.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    int qInt(String name, int def) {
        String v = q(name);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidQueryParam(name, v);
        }
    }

    boolean qBool(String name, boolean def) {
        String v = q(name);
        if (v == null || v.isEmpty()) {
            return def;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.invalidQueryParam(name, v);
    }

    /** A query parameter restricted to some literals (exact case). */
    String qEnum(String name, String def, List<String> allowed) {
        String v = q(name);
        if (v == null || v.isEmpty()) {
            return def;
        }
        if (!allowed.contains(v)) {
            throw ApiException.invalidQueryParam(name, v);
        }
        return v;
    }

    Body json() {
        return Body.parse(body);
    }

    /** pageSize/pageNumber with the default and a maximum; out of range is a 400 (reference §3.2). */
    Page page(int max) {
        int size = qInt("pageSize", ApiContract.DEFAULT_PAGE_SIZE);
        int number = qInt("pageNumber", 1);
        if (size < 1 || size > max) {
            throw new ApiException(400, "invalid.query.param.value",
                    "Value [{value}] is not valid for query parameter pageSize: it must be between 1 and {max}",
                    ApiException.params("value", String.valueOf(size), "max", String.valueOf(max)))
                    .detail("invalid.query.param.value", "pageSize");
        }
        if (number < 1) {
            throw ApiException.invalidQueryParam("pageNumber", String.valueOf(number));
        }
        return new Page(size, number);
    }

    /** The sandbox's largest ordinary pageSize now (see Sandbox#limits). */
    int pageLimit = ApiContract.MAX_PAGE_SIZE;

    Page page() {
        return page(Math.min(ApiContract.MAX_PAGE_SIZE, pageLimit));
    }

    record Page(int size, int number) {
        int from() {
            return (int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * size);
        }
    }
}
