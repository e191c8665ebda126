package com.emite.setup.provision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How old the secret of each eMite client in the vault is (issued when the client was created or its secret last
 * reset), for the window, {@code verify} and {@code verify --max-secret-age DAYS}.
 *
 * @param issuedAt null when the vault holds no date for it (an old vault)
 */
public record SecretAge(String clientName, String clientId, Instant issuedAt, long days) {

    /** One entry per eMite client of the plan whose secret the store holds (for the client the org has now). */
    public static List<SecretAge> of(Plan plan, RunStore store, Clock clock) {
        List<SecretAge> out = new ArrayList<>();
        for (PlanItem i : plan.items()) {
            if (i.kind() != ItemKind.OAUTH_CLIENT || i.existingId() == null) {
                continue;
            }
            RunStore.StoredSecret s = store.client(i.target());
            if (s == null || !s.clientId().equals(i.existingId())) {
                continue;
            }
            long days = s.issuedAt() == null ? 0 : Duration.between(s.issuedAt(), clock.instant()).toDays();
            out.add(new SecretAge(i.target(), s.clientId(), s.issuedAt(), days));
        }
        return out;
    }

    /** Those older than {@code maxDays} days. */
    public static List<SecretAge> olderThan(List<SecretAge> ages, long maxDays) {
        return ages.stream().filter(a -> a.issuedAt() != null && a.days() > maxDays).toList();
    }
}
