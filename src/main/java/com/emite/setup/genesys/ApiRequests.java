package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.EntityListing;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SearchResponse;
import com.google.gson.reflect.TypeToken;
import okhttp3.HttpUrl;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What every endpoint class shares: API addresses, one GET/write, pages, search pages, {@code nextUri} listings and
 * the version-conflict retry, all sent through the {@link Transport}.
 */
final class ApiRequests {
    final HttpUrl apiBase;
    final Transport transport;
    /** Page size and grant batch this org accepts (lowered when it refuses a larger one). */
    final SizeLimits limits = new SizeLimits();

    ApiRequests(HttpUrl apiBase, Transport transport) {
        this.apiBase = apiBase;
        this.transport = transport;
    }

    /** {@code <apiBase>/api/v2/<segments…>}; an empty segment (an empty id) is refused. */
    HttpUrl.Builder api(String... segments) {
        HttpUrl.Builder b = apiBase.newBuilder().addPathSegments("api/v2");
        for (String s : segments) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("empty id in path");
            }
            b.addPathSegment(s);
        }
        return b;
    }

    static HttpUrl.Builder addAll(HttpUrl.Builder u, String name, Collection<String> values) {
        if (values != null) {
            for (String v : values) {
                u.addQueryParameter(name, v);
            }
        }
        return u;
    }

    <T> T get(HttpUrl.Builder url, Type type, String operation) {
        return transport.call(Transport.Req.api("GET", url.build(), null, true, Transport.Repeat.SAFE, operation),
                type);
    }

    <T> T write(String method, HttpUrl.Builder url, Object body, Transport.Repeat repeat, Type type,
                String operation) {
        return transport.call(Transport.Req.api(method, url.build(), body, false, repeat, operation), type);
    }

    /** A call whose answer has no body worth reading (HEAD, DELETE of the token). */
    void send(String method, HttpUrl.Builder url, boolean read, String operation) {
        transport.send(Transport.Req.api(method, url.build(), null, read, Transport.Repeat.SAFE, operation));
    }

    <T> EntityListing<T> getPage(HttpUrl.Builder url, int pageNumber, int pageSize, Class<T> item,
                                 String operation) {
        url.setQueryParameter("pageSize", Integer.toString(pageSize))
                .setQueryParameter("pageNumber", Integer.toString(pageNumber));
        return get(url, listingOf(item), operation);
    }

    /**
     * Every page of a paged listing ({@code pageSize}/{@code pageNumber}), lazily, at the largest page size the org
     * accepts (100 unless it refused that; a refusal lowers it for the rest of the session).
     */
    <T> Stream<T> pages(Supplier<HttpUrl.Builder> url, Class<T> item, String operation) {
        return Pages.listing(limits.pageSize(), (n, size) -> getPage(url.get(), n, size, item, operation),
                limits::lowerPageSize);
    }

    static Type listingOf(Class<?> item) {
        return TypeToken.getParameterized(EntityListing.class, item).getType();
    }

    /** {@code POST …/<resource>/search}, then GET of each {@code nextPage} link, lazily. */
    <T> Stream<T> search(String resource, SearchRequest request, Class<T> item, String operation) {
        Type type = TypeToken.getParameterized(SearchResponse.class, item).getType();
        SearchRequest first = request.withPage(ApiContract.MAX_SEARCH_PAGE_SIZE, 1);
        return Pages.<T>search(
                () -> transport.call(Transport.Req.api("POST", api(resource, "search").build(), first, true,
                        Transport.Repeat.SAFE, operation), type),
                next -> transport.call(Transport.Req.api("GET", withExpand(link(next, operation),
                        request.expand()), null, true, Transport.Repeat.SAFE, operation), type));
    }

    /**
     * A search page link with the request's {@code expand} as query parameters when the link does not carry them:
     * GET …/search takes {@code expand} beside {@code q64} [SDK]; whether q64 keeps it is not known (§3.3 [INF]).
     */
    private static HttpUrl withExpand(HttpUrl link, List<String> expand) {
        if (expand == null || expand.isEmpty() || !link.queryParameterValues("expand").isEmpty()) {
            return link;
        }
        HttpUrl.Builder b = link.newBuilder();
        expand.forEach(e -> b.addQueryParameter("expand", e));
        return b.build();
    }

    /** A listing without paging parameters: the first page, then each {@code nextUri} the API gives. */
    <T> Stream<T> followingNextUri(HttpUrl.Builder first, Class<T> item, String operation) {
        Type type = listingOf(item);
        return Pages.followingNextUri(() -> get(first, type, operation),
                next -> transport.call(Transport.Req.api("GET", link(next, operation), null, true,
                        Transport.Repeat.SAFE, operation), type));
    }

    /** A relative (or absolute) page link of an answer, on the API host only. */
    private HttpUrl link(String next, String operation) {
        HttpUrl u = apiBase.resolve(next);
        if (u == null || !u.host().equals(apiBase.host()) || u.port() != apiBase.port()) {
            throw transport.errors.malformed(200, "", "application/json", null, operation, null);
        }
        return u;
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }
}
