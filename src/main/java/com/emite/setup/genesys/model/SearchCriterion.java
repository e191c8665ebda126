package com.emite.setup.genesys.model;

import java.util.List;

/** One search criterion (reference §3.3). */
public record SearchCriterion(String type, List<String> fields, String value, List<String> values,
                              String startValue, String endValue, String operator, List<SearchCriterion> group,
                              String dateFormat) {
    public static final String EXACT = "EXACT";
    public static final String CONTAINS = "CONTAINS";
    public static final String STARTS_WITH = "STARTS_WITH";

    public static SearchCriterion exact(String field, String value) {
        return new SearchCriterion(EXACT, List.of(field), value, null, null, null, null, null, null);
    }
}
