package com.emite.setup.genesys.model;

import java.util.List;

/**
 * A paged listing (reference §3.2). Thin listings (scopes, division grants) leave the URI fields out;
 * {@code allDivsPermitted} is only in {@code divisionspermitted} listings. Listings have no {@code nextPage} field
 * (that is the search response's link, {@link SearchResponse}); the SDK's listing models name none.
 */
public record EntityListing<T>(List<T> entities, Integer pageSize, Integer pageNumber, Long total, Integer pageCount,
                               String firstUri, String selfUri, String nextUri, String previousUri, String lastUri,
                               Boolean allDivsPermitted) {
}
