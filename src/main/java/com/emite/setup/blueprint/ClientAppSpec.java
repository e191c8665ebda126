package com.emite.setup.blueprint;

import java.util.List;

/**
 * The custom client application (integration) that shows eMite in the Genesys Cloud Apps menu.
 *
 * @param name                "eMite Advanced Analytics"
 * @param integrationType     {@code embedded-client-app}
 * @param urlTemplate         application URL with {@code {emiteCode}} and {@code {shortName}}
 * @param displayType         {@code standalone} (the guide's "Application Type")
 * @param featureCategory     the guide's "Application Category" (blank)
 * @param sandboxOptionsGuide iframe sandbox options as the guide lists them
 * @param sandboxOptions      the same as the API's {@code sandbox} property: comma-separated, no spaces
 * @param groupFilter         names of blueprint groups whose members see the app
 * @param enabled             whether the app is switched on ("Set Status to Active")
 */
public record ClientAppSpec(String name, String integrationType, String urlTemplate, String displayType,
                            String featureCategory, String sandboxOptionsGuide, String sandboxOptions,
                            List<String> groupFilter, boolean enabled) {
    public ClientAppSpec {
        groupFilter = List.copyOf(groupFilter);
    }

    /** The application URL for an org. */
    public String url(String emiteCode, String shortName) {
        return Blueprint.render(urlTemplate, emiteCode, shortName);
    }
}
