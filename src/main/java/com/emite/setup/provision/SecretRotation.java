package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rotating client secrets on purpose: one secret reset per chosen client (eMite's, and the upkeep sign-in of
 * {@link UpkeepNeed} when the org has it), applied by the {@link Executor} like any other step, so each new secret is
 * saved in the vault the moment Genesys returns it, and a run cut between the reset and the save leaves the client
 * "secret unknown" in the next plan, never silently lost.
 */
public final class SecretRotation {
    private SecretRotation() {
    }

    /** What eMite loses until it has the new secret, in the words the plan and the confirmation use. */
    public static String consequence(String clientName) {
        if (isUpkeep(clientName)) {
            return "nothing to send: the new secret stays in the vault, and keep-licences (also when scheduled) "
                    + "signs in with it from its next run";
        }
        return "emite_SSO".equals(clientName)
                ? "signing in to eMite stops working until eMite has the new secret"
                : "eMite stops reading data until they have the new secret";
    }

    /**
     * True for the upkeep sign-in: its secret is eMite Setup's own (the vault is its only holder), so eMite is not
     * told about its rotation.
     */
    public static boolean isUpkeep(String clientName) {
        return UpkeepNeed.CLIENT_NAME.equals(clientName);
    }

    /** The clients of {@code names} whose new secret eMite needs (every one but the upkeep sign-in). */
    public static List<String> forEmite(Collection<String> names) {
        return names.stream().filter(n -> !isUpkeep(n)).toList();
    }

    /**
     * The rotation plan of {@code clientNames} (empty: every client the org has of eMite's and the upkeep sign-in),
     * made from a fresh plan of the org; reads nothing itself. A name eMite does not use, or a named client not created
     * yet, is a blocked item. A second client with a kept name is never rotated: nothing signs in with it (the plan
     * offers to delete it).
     */
    public static Plan plan(Plan current, Collection<String> clientNames) {
        if (!current.preflightProblems().isEmpty()) {
            // The account could not read the org's clients (e.g. the upkeep sign-in's token): say that, not "no
            // client of this name".
            return only(current, current.preflightProblems());
        }
        Map<String, PlanItem> clients = new LinkedHashMap<>();
        for (PlanItem i : current.items()) {
            if (i.kind() == ItemKind.OAUTH_CLIENT && !isDuplicate(i)) {
                clients.putIfAbsent(i.target(), i);
            }
        }
        Set<String> wanted = new LinkedHashSet<>(clientNames);
        List<PlanItem> items = new ArrayList<>();
        for (String name : wanted) {
            if (!clients.containsKey(name) && isUpkeep(name)) {
                items.add(PlanItem.blocked(ItemKind.CLIENT_SECRET, name, null, Blocker.required(Fix.OTHER,
                        "This org has no upkeep sign-in.", "Make it first (apply, asking for the upkeep sign-in): "
                                + "it is made with a new secret.")));
            } else if (!clients.containsKey(name)) {
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
        List<PlanItem> rights = Preflight.writeProblems(current.identity(), items);
        return only(current, rights.isEmpty() ? items : rights);
    }

    private static Plan only(Plan current, List<PlanItem> items) {
        return new Plan(current.org(), current.identity(), current.choices(), items, List.of(), null,
                current.readCalls(), current.madeAt());
    }

    private static boolean isDuplicate(PlanItem i) {
        return i.blocker() != null && i.blocker().fix() == Fix.REMOVE_DUPLICATE;
    }
}
