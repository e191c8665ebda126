package com.emite.setup.ui.connect;

/** The sign-in choices the window offers for a real org (the sandbox signs in by itself); the engine-side kind of
 * sign-in is {@link com.emite.setup.genesys.SignInMethod}. */
public enum SignInChoice {
    BROWSER("Browser sign-in", "Opens your browser at the Genesys Cloud sign-in page."),
    CLIENT_CREDENTIALS("Client credentials", "The id and secret of an admin OAuth client of your org."),
    TOKEN("Paste a token", "An access token you already have (for example from the Genesys Cloud developer "
            + "tools).");

    private final String label;
    private final String explanation;

    SignInChoice(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return label;
    }
}
