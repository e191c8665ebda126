package com.emite.setup.provision;

import com.emite.setup.region.ShortName;

import java.util.ArrayList;
import java.util.List;

/** Step 1 of the guide: the organization, its region, eMite's region code and redirect URL. */
final class OrgStep {
    private OrgStep() {
    }

    static PlanItem item(OrgSnapshot s) {
        OrgApi.OrgInfo org = s.org();
        OrgFacts facts = s.facts();
        String redirectUrl = s.redirectUrl();
        if (redirectUrl == null) {
            return PlanItem.blocked(ItemKind.ORGANIZATION, org.shortName(), org.id(),
                    Blocker.required(Fix.ASK_EMITE_REGION_CODE, s.redirect().text(), "Without it the SSO client and "
                            + "the eMite app cannot be set up; everything else can. eMite support can give the "
                            + "region code."));
        }
        List<String> notes = new ArrayList<>(List.of("short name " + org.shortName(), "region " + facts.regionName()
                + ", eMite code " + facts.emiteCode(), "redirect URL " + redirectUrl));
        String warning = shortNameWarning(org.shortName());
        if (warning != null) {
            notes.add(warning);
        }
        return PlanItem.present(ItemKind.ORGANIZATION, org.shortName(), org.id(), notes.toArray(String[]::new));
    }

    /**
     * The guide says the short name is "lowercase, no special characters"; an org whose short name is not is used as
     * the org has it (the redirect URL must match what Genesys sends), with this warning. Null when it fits.
     */
    static String shortNameWarning(String shortName) {
        if (shortName != null && shortName.matches("[a-z0-9]+")) {
            return null;
        }
        return "note: the guide expects a short name in lowercase letters and digits only; this org's is \""
                + shortName + "\" and is used as it is (tell eMite support if their sign-in page does not open)";
    }
}
