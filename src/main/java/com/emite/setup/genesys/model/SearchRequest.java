package com.emite.setup.genesys.model;

import java.util.List;

/** Body of {@code POST /api/v2/users/search} and {@code /groups/search} (reference §3.3). */
public record SearchRequest(Integer pageSize, Integer pageNumber, String sortOrder, String sortBy,
                            List<SearchCriterion> query, List<String> expand) {
    public static SearchRequest of(SearchCriterion... criteria) {
        return new SearchRequest(null, null, null, null, List.of(criteria), null);
    }

    public SearchRequest withPage(int size, int number) {
        return new SearchRequest(size, number, sortOrder, sortBy, query, expand);
    }

    public SearchRequest withExpand(List<String> newExpand) {
        return new SearchRequest(pageSize, pageNumber, sortOrder, sortBy, query, newExpand);
    }
}
