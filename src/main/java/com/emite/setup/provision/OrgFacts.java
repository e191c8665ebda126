package com.emite.setup.provision;

/**
 * What step 1 finds: the org, its region, and what eMite derives from them.
 *
 * @param orgId       the org's id
 * @param orgName     display name
 * @param shortName   {@code thirdPartyOrgName}
 * @param regionName  e.g. "Asia Pacific (Sydney)", or a description of a custom environment
 * @param regionId    e.g. "ap-southeast-2"; null for a custom environment
 * @param emiteCode   eMite's region code, e.g. "au"; null when eMite has none for this region
 * @param redirectUrl the eMite redirect URL; null when it cannot be built (no eMite code)
 * @param apiBase     the API base URL used
 */
public record OrgFacts(String orgId, String orgName, String shortName, String regionName, String regionId,
                       String emiteCode, String redirectUrl, String apiBase) {
}
