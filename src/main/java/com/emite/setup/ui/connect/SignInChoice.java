package com.emite.setup.ui.connect;

import com.emite.setup.ui.common.Words;

/** The sign-in choices the window offers for a real org (the sandbox signs in by itself); the engine-side kind of
 * sign-in is {@link com.emite.setup.genesys.SignInMethod}. */
public enum SignInChoice {
    BROWSER(Words.get("signIn.choice.BROWSER"), Words.get("signIn.choice.BROWSER.explained")),
    CLIENT_CREDENTIALS(Words.get("signIn.choice.CLIENT_CREDENTIALS"),
            Words.get("signIn.choice.CLIENT_CREDENTIALS.explained")),
    TOKEN(Words.get("signIn.choice.TOKEN"), Words.get("signIn.choice.TOKEN.explained"));

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
