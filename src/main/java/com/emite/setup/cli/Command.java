package com.emite.setup.cli;

import java.util.Arrays;

/** The commands of the command line. */
public enum Command {
    PLAN("plan", "Show what the org has and what apply would change. Reads only."),
    APPLY("apply", "Make the changes the plan lists (asks first unless --yes). Safe to run again."),
    VERIFY("verify", "Check that everything eMite needs is still in place (exit code 3 on drift). Reads only."),
    EXPORT_FORM("export-form", "Write the Integration Details Form (HTML and JSON) for eMite."),
    ROTATE_SECRETS("rotate-secrets", "Issue new secrets for eMite's OAuth clients and the upkeep sign-in (asks "
            + "first), then write the form eMite needs."),
    DIAGNOSE("diagnose", "Check read-only how this org answers each API behaviour the tool had to infer."),
    KEEP_LICENCES("keep-licences", "Give the division's eMite role to active agents who lack it, nothing else; "
            + "runs with no person present (for a scheduler)."),
    REMOVE("remove", "Take eMite out of the org: what this app created (asks you to type the org's short name "
            + "first unless --yes)."),
    ORGS("orgs", "List the orgs the vault holds: name, region, last run, state, licence upkeep. Signs in to "
            + "nothing."),
    SCHEDULE("schedule", "install | status | remove: this computer's daily entry that runs keep-licences for an "
            + "org.");

    private final String word;
    private final String summary;

    Command(String word, String summary) {
        this.word = word;
        this.summary = summary;
    }

    public String word() {
        return word;
    }

    public String summary() {
        return summary;
    }

    public static Command of(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst().orElse(null);
    }
}
