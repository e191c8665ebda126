package com.emite.setup.sandbox;

import com.emite.setup.sandbox.OrgRecords.Grant;
import com.emite.setup.sandbox.OrgRecords.SubjectType;

import java.util.List;

/**
 * Who is calling: the holder of a valid access token. A client-credentials token acts with the client's grants, a user
 * token (code or PKCE) with the user's grants.
 */
record Caller(OrgRecords.Token token) {
    boolean isUser() {
        return token.userId() != null;
    }

    String subjectId() {
        return isUser() ? token.userId() : token.clientId();
    }

    SubjectType subjectType() {
        return isUser() ? SubjectType.PC_USER : SubjectType.PC_OAUTH_CLIENT;
    }

    /** Grants in force now; call under the state's lock. */
    List<Grant> grants(OrgState s) {
        return s.effectiveGrants(subjectId(), subjectType(), s.now());
    }

    /** Throws 403 missing.permissions unless the caller holds every permission. */
    void require(OrgState s, String... permissions) {
        List<Grant> grants = grants(s);
        List<String> missing = new java.util.ArrayList<>();
        for (String p : permissions) {
            if (!s.holds(grants, p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.missingPermissions(missing);
        }
    }

    boolean holds(OrgState s, String permission) {
        return s.holds(grants(s), permission);
    }
}
