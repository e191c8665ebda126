package com.emite.setup.genesys;

/** How the client signed in. */
public enum SignInMethod {
    /** Authorization Code with PKCE in the system browser (a user token). */
    BROWSER_PKCE,
    /** Client credentials of an admin OAuth client (no user context; renewed automatically). */
    CLIENT_CREDENTIALS,
    /** A token the admin pasted. */
    PASTED_TOKEN
}
