package com.emite.setup.genesys.model;

import java.util.List;

/**
 * A paged listing (reference §3.2). Thin listings (scopes, division grants) leave the URI fields out;
 * {@code allDivsPermitted} is only in {@code divisionspermitted} listings.
 */
public record EntityListing<T>(List<T> entities, Integer pageSize, Integer pageNumber, Long total, Integer pageCount,
                               String firstUri, String selfUri, String nextUri, String previousUri, String lastUri,
                               String nextPage, Boolean allDivsPermitted) {
}
