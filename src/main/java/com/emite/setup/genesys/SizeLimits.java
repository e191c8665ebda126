package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The page size and bulk-grant batch this client uses with its org. They start at what {@link ApiContract} infers;
 * when the org refuses one as too large (413, or a 400 whose message names a size), the client asks again with a
 * smaller one and keeps using that for the rest of the session. Only ever lowered.
 */
public final class SizeLimits {
    private static final Pattern NAMES_A_SIZE = Pattern.compile(ApiContract.SIZE_REFUSAL_WORDS,
            Pattern.CASE_INSENSITIVE);
    private final AtomicInteger pageSize = new AtomicInteger(ApiContract.MAX_PAGE_SIZE);
    private final AtomicInteger grantBatch = new AtomicInteger(ApiContract.MAX_SUBJECTS_PER_GRANT_CALL);

    public int pageSize() {
        return pageSize.get();
    }

    public int grantBatch() {
        return grantBatch.get();
    }

    void lowerPageSize(int size) {
        pageSize.accumulateAndGet(size, Math::min);
    }

    void lowerGrantBatch(int size) {
        grantBatch.accumulateAndGet(Math.max(1, size), Math::min);
    }

    /** True when the org refused a request as too large: a 413, or a 400 whose message names a size or limit. */
    static boolean refusesSize(GenesysApiException e) {
        if (e.status() == 413) {
            return true;
        }
        return e.status() == 400 && e.getMessage() != null && NAMES_A_SIZE.matcher(e.getMessage()).find();
    }
}
