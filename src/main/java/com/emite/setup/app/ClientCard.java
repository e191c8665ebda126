package com.emite.setup.app;

import com.emite.setup.provision.ItemState;

import java.util.List;

/**
 * One OAuth client as a card shows it.
 *
 * @param name          e.g. emite_APIdata
 * @param purpose       what eMite uses it for (the blueprint's description)
 * @param grantType     {@code CODE} or {@code CLIENT-CREDENTIALS}
 * @param wfm           one of the optional WFM clients
 * @param chosen        set up for the admin's choices (a WFM client is only with WFM chosen)
 * @param clientId      its id in the org, or null when it does not exist yet
 * @param state         where it stands (present, missing, different…); null when not chosen
 * @param differences   what differs from what eMite needs, in plain words
 * @param secretInVault the vault holds its secret
 * @param access        what it may do: "role X in all divisions" or "sign-in, redirect …"
 */
public record ClientCard(String name, String purpose, String grantType, boolean wfm, boolean chosen,
                         String clientId, ItemState state, List<String> differences, boolean secretInVault,
                         String access) {
    public ClientCard {
        differences = List.copyOf(differences);
    }
}
