package com.emite.setup.genesys;

/**
 * Kind {@link GenesysApiException.Kind#OUTCOME_UNKNOWN}: a call that creates something was sent, and then the
 * connection dropped or the server answered 5xx, so it may or may not have happened. Such a call is never repeated
 * blindly: look first whether it landed (the {@code find…ByName} calls), then create only if it did not.
 * {@link #getCause()} is the underlying network or server error.
 */
public class OutcomeUnknownException extends GenesysApiException {
    private final String operation;

    public OutcomeUnknownException(String operation, GenesysApiException cause) {
        super(Kind.OUTCOME_UNKNOWN, cause.status(), cause.code(), cause.contextId(),
                "Outcome unknown: " + operation + " (" + cause.getMessage() + ")",
                "The connection to Genesys Cloud failed while trying to " + operation
                        + ", so it is not known whether it happened. Run again: the tool looks first and creates "
                        + "only what is missing.", cause.errorBody(), cause);
        this.operation = operation;
    }

    /** What was being done, e.g. "create the OAuth client 'emite_APIdata'". */
    public String operation() {
        return operation;
    }
}
