package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rotating client secrets on purpose: one secret reset per chosen eMite client, applied by the {@link Executor} like
 * any other step, so each new secret is saved in the vault the moment Genesys returns it, and a run cut between the
 * reset and the save leaves the client "secret unknown" in the next plan, never silently lost.
 */
public final class SecretRotation {
    private SecretRotation() {
    }

    /** What eMite loses until it has the new secret, in the words the plan and the confirmation use. */
    public static String consequence(String clientName) {
        return "emite_SSO".equals(clientName)
                ? "signing in to eMite stops working until eMite has the new secret"
                : "eMite stops reading data until they have the new secret";
    }

    /**
     * The rotation plan of {@code clientNames} (empty: every eMite client the org has), made from a fresh plan of the
     * org; reads nothing itself. A name eMite does not use, or a named client not created yet, is a blocked item.
     */
    public static Plan plan(Plan current, Collection<String> clientNames) {
        Map<String, PlanItem> clients = new LinkedHashMap<>();
        for (PlanItem i : current.items()) {
            if (i.kind() == ItemKind.OAUTH_CLIENT) {
                clients.putIfAbsent(i.target(), i);
            }
        }
        Set<String> wanted = new LinkedHashSet<>(clientNames);
        List<PlanItem> items = new ArrayList<>();
        for (String name : wanted) {
            if (!clients.containsKey(name)) {
                items.add(PlanItem.blocked(ItemKind.CLIENT_SECRET, name, null, Blocker.required(Fix.OTHER,
                        "eMite has no OAuth client of this name.", "Choose one of: "
                                + String.join(", ", clients.keySet()) + ".")));
            }
        }
        for (PlanItem client : clients.values()) {
            if (!wanted.isEmpty() && !wanted.contains(client.target())) {
                continue;
            }
            String id = client.existingId();
            if (id == null && wanted.isEmpty()) {
                continue; // "every client" means every client there is; apply makes the others
            }
            if (id == null) {
                items.add(PlanItem.blocked(ItemKind.CLIENT_SECRET, client.target(), null, Blocker.required(Fix.OTHER,
                        "This client does not exist yet.", "Run apply first: it creates the client with a new "
                                + "secret.")));
                continue;
            }
            items.add(new PlanItem(ItemKind.CLIENT_SECRET, client.target(), ItemState.DIFFERENT,
                    List.of("new secret; " + consequence(client.target())), null, id,
                    new Action.ResetSecret(id, client.target())));
        }
        return new Plan(current.org(), current.identity(), current.choices(), items, List.of(), null,
                current.readCalls(), current.madeAt());
    }
}
