package com.emite.setup.provision;

import com.emite.setup.common.Secret;

import java.time.Instant;
import java.util.List;

/**
 * eMite's Integration Details Form: what the admin sends to eMite when the setup is done.
 *
 * @param orgName        the org's display name
 * @param orgId          the org's id
 * @param shortName      the org short name
 * @param regionName     the Genesys Cloud region
 * @param regionId       its AWS id (null for a custom environment)
 * @param emiteCode      eMite's region code (null if eMite has none)
 * @param redirectUrl    the eMite redirect URL
 * @param clientAppName  the custom client app's name
 * @param groups         the eMite groups and their ids
 * @param clients        every eMite OAuth client
 * @param includeSecrets true when the secrets are written out in clear
 * @param generatedAt    ISO-8601 time
 * @param notes          setup facts eMite should know, in plain words: the licence roles and their divisions, whether
 *                       WFM is set up, where the setup differs from the guide's text
 */
public record IntegrationForm(String orgName, String orgId, String shortName, String regionName, String regionId,
                              String emiteCode, String redirectUrl, String clientAppName, List<GroupEntry> groups,
                              List<ClientEntry> clients, boolean includeSecrets, String generatedAt,
                              List<String> notes) {

    public IntegrationForm {
        groups = List.copyOf(groups);
        clients = List.copyOf(clients);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public IntegrationForm(String orgName, String orgId, String shortName, String regionName, String regionId,
                           String emiteCode, String redirectUrl, String clientAppName, List<GroupEntry> groups,
                           List<ClientEntry> clients, boolean includeSecrets, String generatedAt) {
        this(orgName, orgId, shortName, regionName, regionId, emiteCode, redirectUrl, clientAppName, groups, clients,
                includeSecrets, generatedAt, List.of());
    }

    /** This form with other clients and secrets shown or not (the notes kept). */
    public IntegrationForm with(List<ClientEntry> newClients, boolean include, String at) {
        return new IntegrationForm(orgName, orgId, shortName, regionName, regionId, emiteCode, redirectUrl,
                clientAppName, groups, newClients, include, at, notes);
    }

    /** A group eMite uses. */
    public record GroupEntry(String name, String id) {
    }

    /**
     * One OAuth client on the form.
     *
     * @param name     client name
     * @param purpose  what eMite uses it for
     * @param clientId its id (null if it does not exist yet)
     * @param secret   its secret from the vault (null if unknown)
     * @param issuedAt when Genesys issued that secret (null if not known)
     * @param newSecret true when this run issued it (created the client or rotated its secret): eMite needs it now
     */
    public record ClientEntry(String name, String purpose, String clientId, Secret secret, Instant issuedAt,
                              boolean newSecret) {
        public ClientEntry(String name, String purpose, String clientId, Secret secret) {
            this(name, purpose, clientId, secret, null, false);
        }

        /** The secret as the form shows it: in clear only if asked, else masked; or why it is not there. */
        public String secretText(boolean include) {
            if (clientId == null) {
                return "(client not created yet)";
            }
            if (secret == null) {
                return "(unknown: not in the vault; reset this client's secret to issue a new one)";
            }
            return include ? secret.reveal() : secret.masked();
        }
    }

    /** Clients whose secret this run issued: the form must reach eMite now, or eMite stops working. */
    public List<ClientEntry> newSecrets() {
        return clients.stream().filter(ClientEntry::newSecret).toList();
    }

    public static final String SEND_NOW = "New secrets were issued: Genesys keeps one secret per client, so eMite "
            + "stops working until they have these. Send this form to eMite now.";

    public static final String SECRETS_WARNING = "THIS FILE CONTAINS CLIENT SECRETS. Send it to eMite only over a "
            + "secure channel, and delete it once eMite has them.";
}
