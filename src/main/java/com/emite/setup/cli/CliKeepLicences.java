package com.emite.setup.cli;

import com.emite.setup.app.LicenceUpkeepService;
import com.emite.setup.app.SetupService;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Choices;
import com.google.gson.JsonObject;

/**
 * {@code keep-licences}: the licence step alone, for a scheduler. One line on standard output (what was done, or why
 * not), one report file per run in the data folder, and an exit code monitoring can read: 0 nothing to do or done,
 * 2 blocked, 1 error.
 */
final class CliKeepLicences {
    private final CliOptions o;
    private final CliIO io;
    private final SetupService setup;
    private final Choices choices;
    private final CancellationToken token;
    private final boolean json;
    private final JsonObject out;

    CliKeepLicences(CliOptions o, CliIO io, SetupService setup, Choices choices, CancellationToken token,
                    boolean json, JsonObject out) {
        this.o = o;
        this.io = io;
        this.setup = setup;
        this.choices = choices;
        this.token = token;
        this.json = json;
        this.out = out;
    }

    int run(CliSession s) {
        if (o.has("--remember-sign-in") && s.rememberSignIn()) {
            io.err().println("The sign-in client is kept in the vault: the next run needs no --client-id.");
        }
        ProgressLine pl = new ProgressLine(io.err(), io.interactive());
        LicenceUpkeepService.Outcome r;
        try {
            r = new LicenceUpkeepService(setup).run(s.connection, s.store, choices,
                    o.has("--take-back-from-leavers"), pl, token);
        } finally {
            pl.finish();
        }
        if (json) {
            out.addProperty("verdict", r.verdict().name());
            out.addProperty("granted", r.granted());
            out.addProperty("summary", r.summary());
            out.addProperty("report", r.report() == null ? null : r.report().toString());
        } else {
            io.out().println(r.summary());
            if (r.report() != null) {
                io.err().println("Report: " + r.report());
            }
        }
        return switch (r.verdict()) {
            case DONE -> CliMain.OK;
            case BLOCKED -> CliMain.BLOCKED;
            case FAILED -> CliMain.ERROR;
        };
    }
}
