package com.emite.setup.genesys.model;

import java.util.Map;

/** {@code GET /api/v2/organizations/me} (reference §4). {@code thirdPartyOrgName} is the org short name. */
public record Organization(String id, String name, String thirdPartyOrgName, String thirdPartyURI, String domain,
                           Integer version, String state, String defaultSiteId, String defaultLanguage,
                           String defaultCountryCode, String supportURI, Boolean voicemailEnabled,
                           String productPlatform, Map<String, Boolean> features, String selfUri) {
}
