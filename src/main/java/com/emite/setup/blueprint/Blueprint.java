package com.emite.setup.blueprint;

import java.util.List;
import java.util.Optional;

/**
 * Everything eMite needs in a Genesys Cloud org, read from {@code blueprint.json} by {@link BlueprintLoader}. Changing
 * eMite's requirements means editing that file, not code.
 *
 * @param blueprintVersion    format version of the file ({@link #SUPPORTED_VERSION})
 * @param source              where the content comes from
 * @param redirectUrlTemplate the eMite redirect URL with {@code {emiteCode}} and {@code {shortName}}
 * @param groups              groups to create, in order
 * @param role                the data role "eMite Data Integration"
 * @param oauthClients        OAuth clients, required ones first as in the guide
 * @param clientApp           the custom client application
 * @param licenceRole         the per-division licence role
 */
public record Blueprint(int blueprintVersion, String source, String redirectUrlTemplate, List<GroupSpec> groups,
                        RoleSpec role, List<OAuthClientSpec> oauthClients, ClientAppSpec clientApp,
                        LicenceRoleSpec licenceRole) {
    /** The only file version this app reads. */
    public static final int SUPPORTED_VERSION = 1;
    public static final String EMITE_CODE_PLACEHOLDER = "{emiteCode}";
    public static final String SHORT_NAME_PLACEHOLDER = "{shortName}";

    public Blueprint {
        groups = List.copyOf(groups);
        oauthClients = List.copyOf(oauthClients);
    }

    /** The app's own blueprint (loaded once from the resource). */
    public static Blueprint standard() {
        return BlueprintLoader.standard();
    }

    public Optional<GroupSpec> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<OAuthClientSpec> oauthClient(String name) {
        return oauthClients.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The eMite redirect URL for an org (region's eMite code and org short name, both already validated). */
    public String redirectUrl(String emiteCode, String shortName) {
        return render(redirectUrlTemplate, emiteCode, shortName);
    }

    static String render(String template, String emiteCode, String shortName) {
        return template.replace(EMITE_CODE_PLACEHOLDER, emiteCode).replace(SHORT_NAME_PLACEHOLDER, shortName);
    }
}
