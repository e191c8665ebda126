package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.EntityListing;
import com.emite.setup.genesys.model.SearchResponse;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy streams over paged listings and search results: a page is fetched only when the stream reaches it. */
final class Pages {
    /** Guard against a server that never says "last page". */
    static final int MAX_PAGES = 10_000;

    private Pages() {
    }

    /**
     * Pages of an {@link EntityListing} by {@code pageNumber}. Stops when a page is empty, when a listing with URI
     * fields has no {@code nextUri}, when {@code pageNumber >= pageCount}, or (thin listings with neither) when a
     * page is shorter than {@code pageSize}.
     */
    static <T> Stream<T> listing(int pageSize, IntFunction<EntityListing<T>> fetchPage) {
        return stream(new AbstractPager<T>() {
            int next = 1;

            @Override
            List<T> fetch() {
                int n = next++;
                EntityListing<T> page = fetchPage.apply(n);
                List<T> items = page.entities() == null ? List.of() : page.entities();
                boolean uriListing = page.selfUri() != null || page.firstUri() != null || page.lastUri() != null
                        || page.nextUri() != null;
                int number = page.pageNumber() != null ? page.pageNumber() : n;
                boolean more;
                if (items.isEmpty()) {
                    more = false;
                } else if (uriListing && blank(page.nextUri())) {
                    more = false;
                } else if (page.pageCount() != null) {
                    more = number < page.pageCount();
                } else {
                    more = !blank(page.nextUri()) || items.size() >= pageSize;
                }
                done = !more || n >= MAX_PAGES;
                return items;
            }
        });
    }

    /**
     * Search results: the first page from {@code first}, later pages by GETting the {@code nextPage} link, at most
     * {@link ApiContract#MAX_SEARCH_RESULTS} results.
     */
    static <T> Stream<T> search(java.util.function.Supplier<SearchResponse<T>> first,
                                Function<String, SearchResponse<T>> followNext) {
        return stream(new AbstractPager<T>() {
            String nextLink;
            int fetched;
            int pages;

            @Override
            List<T> fetch() {
                SearchResponse<T> page = pages++ == 0 ? first.get() : followNext.apply(nextLink);
                List<T> items = page.results() == null ? List.of() : page.results();
                fetched += items.size();
                nextLink = page.nextPage();
                boolean more = !items.isEmpty() && !blank(nextLink) && fetched < ApiContract.MAX_SEARCH_RESULTS
                        && (page.pageCount() == null || page.pageNumber() == null
                        || page.pageNumber() < page.pageCount());
                done = !more || pages >= MAX_PAGES;
                return items;
            }
        });
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> Stream<T> stream(Iterator<T> it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    private abstract static class AbstractPager<T> implements Iterator<T> {
        boolean done;
        private Iterator<T> current = java.util.Collections.emptyIterator();

        abstract List<T> fetch();

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (done) {
                    return false;
                }
                current = fetch().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
