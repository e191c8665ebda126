package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The page size and bulk-grant batch this client uses with its org. They start at what {@link ApiContract} infers;
 * when the org refuses one as too large (413, or a 400 whose message names a size), the client asks again with a
 * smaller one and keeps using that for the rest of the session. Only ever lowered. A session may start from what an
 * earlier session learnt about the same org ({@link #startFrom}, kept by {@link SizeLimitsStore}).
 */
public final class SizeLimits {
    private static final Pattern NAMES_A_SIZE = Pattern.compile(ApiContract.SIZE_REFUSAL_WORDS,
            Pattern.CASE_INSENSITIVE);
    private final AtomicInteger pageSize = new AtomicInteger(ApiContract.MAX_PAGE_SIZE);
    private final AtomicInteger grantBatch = new AtomicInteger(ApiContract.MAX_SUBJECTS_PER_GRANT_CALL);

    private volatile Runnable onLowered = () -> {
    };

    /**
     * Starts from sizes learnt earlier for this org: each only lowers (a size above {@link ApiContract}'s or below 1
     * is ignored, so a damaged record cannot make the client ask for more than we assume).
     */
    public SizeLimits startFrom(int learntPageSize, int learntGrantBatch) {
        if (learntPageSize >= 1) {
            pageSize.accumulateAndGet(learntPageSize, Math::min);
        }
        if (learntGrantBatch >= 1) {
            grantBatch.accumulateAndGet(learntGrantBatch, Math::min);
        }
        return this;
    }

    /** Called (on the requesting thread) each time the org makes a size smaller: time to keep it. */
    public void onLowered(Runnable listener) {
        this.onLowered = listener == null ? () -> {
        } : listener;
    }

    public int pageSize() {
        return pageSize.get();
    }

    public int grantBatch() {
        return grantBatch.get();
    }

    void lowerPageSize(int size) {
        if (pageSize.getAndAccumulate(size, Math::min) > size) {
            onLowered.run();
        }
    }

    void lowerGrantBatch(int size) {
        int s = Math.max(1, size);
        if (grantBatch.getAndAccumulate(s, Math::min) > s) {
            onLowered.run();
        }
    }

    /** True when the org refused a request as too large: a 413, or a 400 whose message names a size or limit. */
    static boolean refusesSize(GenesysApiException e) {
        if (e.status() == 413) {
            return true;
        }
        return e.status() == 400 && e.getMessage() != null && NAMES_A_SIZE.matcher(e.getMessage()).find();
    }
}
