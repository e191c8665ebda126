package com.emite.setup.provision;

import com.emite.setup.genesys.ConflictException;
import com.emite.setup.genesys.GenesysApiException;

import java.util.function.Supplier;

/**
 * How a failure of the API client reaches the engine: one place that turns a {@link GenesysApiException} into the
 * engine's own exceptions (cancelled, outcome unknown, version conflict, or a plain {@link ProvisionException}).
 */
final class OrgApiCalls {
    private OrgApiCalls() {
    }

    /** Runs a client call, turning its exceptions into plain {@link ProvisionException}s. */
    static <T> T call(Supplier<T> s) {
        try {
            return s.get();
        } catch (GenesysApiException e) {
            if (e.kind() == GenesysApiException.Kind.CANCELLED) {
                throw new RunCancelledException();
            }
            String message = e.userMessage() == null ? e.getMessage() : e.userMessage();
            if (e.kind() == GenesysApiException.Kind.OUTCOME_UNKNOWN) {
                throw new OrgApi.OutcomeUnknown(message, e);
            }
            throw new ProvisionException(message, e);
        }
    }

    /** {@link #call} for a call that answers nothing the engine needs. */
    static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /**
     * A write guarded by a version number: a conflict (409, someone else changed the object) becomes a
     * {@link OrgApi.VersionConflict} the engine retries after reading the version again.
     */
    static <T> T versioned(Supplier<T> s) {
        try {
            return s.get();
        } catch (ConflictException e) {
            throw new OrgApi.VersionConflict(e.userMessage());
        } catch (GenesysApiException e) {
            throw new ProvisionException(e.userMessage(), e);
        }
    }
}
