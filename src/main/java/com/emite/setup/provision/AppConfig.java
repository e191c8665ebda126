package com.emite.setup.provision;

import java.util.List;

/**
 * The configuration of the eMite custom client app ({@code embedded-client-app} properties).
 *
 * @param name            display name
 * @param url             application URL (the eMite redirect URL)
 * @param displayType     {@code standalone}
 * @param featureCategory menu category ("")
 * @param sandbox         iframe sandbox options, comma-separated without spaces
 * @param groupNames      names of the groups whose members see the app (resolved to ids when applied)
 */
public record AppConfig(String name, String url, String displayType, String featureCategory, String sandbox,
                        List<String> groupNames) {
    public AppConfig {
        groupNames = List.copyOf(groupNames);
    }
}
