package com.emite.setup.provision;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * How licence roles are granted to a division's agents.
 * <ul>
 *   <li>{@link #BULK} (the default): {@code POST /api/v2/authorization/roles/{roleId}?subjectType=PC_USER} with up to
 *   {@code batchSize} users and the one division per call: ⌈users/batchSize⌉ calls.</li>
 *   <li>{@link #PER_USER}: what the manual method and common tools do, one
 *   {@code POST /api/v2/authorization/subjects/{userId}/divisions/{divisionId}/roles/{roleId}?subjectType=PC_USER}
 *   per agent: one call per user. Kept for comparison (the benchmark measures both); never faster.</li>
 * </ul>
 */
public enum GrantStrategy {
    BULK("bulk"),
    PER_USER("per-user");

    private final String word;

    GrantStrategy(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** {@code bulk} or {@code per-user} (null or blank: bulk). */
    public static GrantStrategy parse(String text) {
        if (text == null || text.isBlank()) {
            return BULK;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (GrantStrategy s : values()) {
            if (s.word.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown grant strategy \"" + text + "\": use bulk or per-user.");
    }

    /** The write requests that granting to {@code users} users takes. */
    WriteCall writeCall(int users, int batchSize) {
        return this == BULK
                ? new WriteCall("POST", "/api/v2/authorization/roles/{roleId}?subjectType=PC_USER",
                Action.batches(users, batchSize))
                : new WriteCall("POST", "/api/v2/authorization/subjects/{userId}/divisions/{divisionId}/roles/{roleId}"
                + "?subjectType=PC_USER", Math.max(1, users));
    }

    /**
     * Grants {@code roleId} in {@code divisionId} to every user, checking {@code token} before each request and
     * telling {@code granted} how many users one request covered.
     */
    void grant(OrgApi api, String roleId, String divisionId, List<String> userIds, int batchSize,
               CancellationToken token, IntConsumer granted) {
        if (this == BULK) {
            for (int from = 0; from < userIds.size(); from += batchSize) {
                token.throwIfCancelled();
                List<String> batch = userIds.subList(from, Math.min(userIds.size(), from + batchSize));
                api.grantRole(roleId, "PC_USER", batch, List.of(divisionId));
                granted.accept(batch.size());
            }
        } else {
            for (String userId : userIds) {
                token.throwIfCancelled();
                api.grantRoleToUser(userId, divisionId, roleId);
                granted.accept(1);
            }
        }
    }
}
