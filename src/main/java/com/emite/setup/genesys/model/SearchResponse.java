package com.emite.setup.genesys.model;

import java.util.List;

/** A search result page (reference §3.3). {@code nextPage} is a relative {@code …/search?q64=…} URI to GET. */
public record SearchResponse<T>(Long total, Integer pageCount, Integer pageSize, Integer pageNumber,
                                String previousPage, String currentPage, String nextPage, List<String> types,
                                List<T> results) {
}
