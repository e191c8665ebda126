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
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy streams over paged listings and search results: a page is fetched only when the stream reaches it. */
final class Pages {
    /** Guard against a server that never says "last page". */
    static final int MAX_PAGES = 10_000;

    private Pages() {
    }

    /** Fetches page {@code pageNumber} at {@code pageSize}. */
    @FunctionalInterface
    interface PageFetcher<T> {
        EntityListing<T> fetch(int pageNumber, int pageSize);
    }

    /**
     * Page sizes to fall back to on a 413 {@code response.entity.too.large} (reference §3.4: "lower pageSize or drop
     * expand") or a 400 that names the page size as too large: each divides the ones before it, so the position
     * reached so far is a whole page of the smaller size.
     */
    static final int[] SMALLER_PAGE_SIZES = {50, 25, 5, 1};

    /**
     * Pages of an {@link EntityListing} by {@code pageNumber}. Stops when a page is empty, when a listing with URI
     * fields has no {@code nextUri}, when {@code pageNumber >= pageCount}, or (thin listings with neither) when a
     * page is shorter than {@code pageSize}. A page answered 413 is asked again at a smaller page size (the same
     * position: page {@code n} of size {@code s} starts where page {@code (n-1)·s/s'+1} of size {@code s'} does).
     */
    static <T> Stream<T> listing(int pageSize, PageFetcher<T> fetchPage) {
        return listing(pageSize, fetchPage, smaller -> { });
    }

    /** As above; {@code lowered} is told each smaller page size the org made us use. */
    static <T> Stream<T> listing(int pageSize, PageFetcher<T> fetchPage, IntConsumer lowered) {
        return stream(new AbstractPager<T>() {
            int next = 1;
            int size = pageSize;
            int pages;

            @Override
            List<T> fetch() {
                int n = next;
                EntityListing<T> page;
                while (true) {
                    try {
                        page = fetchPage.fetch(n, size);
                        break;
                    } catch (GenesysApiException e) {
                        int smaller = SizeLimits.refusesSize(e) ? smallerSize(size, (long) (n - 1) * size) : 0;
                        if (smaller == 0) {
                            throw e;
                        }
                        int from = size;
                        n = (int) ((long) (n - 1) * size / smaller) + 1;
                        size = smaller;
                        lowered.accept(smaller);
                        Transport.LOG.info(() -> "pageSize " + from + " refused (HTTP " + e.status() + "); reading "
                                + smaller + " a page");
                    }
                }
                next = n + 1;
                pages++;
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
                    more = !blank(page.nextUri()) || items.size() >= size;
                }
                done = !more || pages >= MAX_PAGES;
                return items;
            }
        });
    }

    /** The next smaller page size that starts a page exactly at {@code offset}, or 0 if there is none. */
    static int smallerSize(int size, long offset) {
        for (int s : SMALLER_PAGE_SIZES) {
            if (s < size && offset % s == 0) {
                return s;
            }
        }
        return 0;
    }

    /**
     * Pages of an {@link EntityListing} whose operation takes no paging parameters (the SDK names none, e.g.
     * {@code GET /groups/{id}/individuals}, {@code GET /oauth/clients}): the first page from {@code first}, then the
     * server's own {@code nextUri} links, as given, until a page has none, is empty, is the last by
     * {@code pageCount}, or links to itself.
     */
    static <T> Stream<T> followingNextUri(java.util.function.Supplier<EntityListing<T>> first,
                                          Function<String, EntityListing<T>> followNext) {
        return stream(new AbstractPager<T>() {
            String nextLink;
            String previousLink;
            int pages;

            @Override
            List<T> fetch() {
                EntityListing<T> page = pages++ == 0 ? first.get() : followNext.apply(nextLink);
                List<T> items = page.entities() == null ? List.of() : page.entities();
                previousLink = nextLink;
                nextLink = page.nextUri();
                boolean more = !items.isEmpty() && !blank(nextLink) && !nextLink.equals(previousLink)
                        && (page.pageCount() == null || page.pageNumber() == null
                        || page.pageNumber() < page.pageCount());
                done = !more || pages >= MAX_PAGES;
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
