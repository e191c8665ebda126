package com.emite.setup.ui;

import com.emite.setup.app.OrgSummaries;
import com.emite.setup.ui.common.DesktopPreferences;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.SignInChoice;
import com.emite.setup.ui.connect.SignInViewModel;
import com.emite.setup.ui.orgs.OrgsModel;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.vault.VaultGate;
import com.emite.setup.vault.OrgRecord;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Coming back to an org: a relaunch starts where the admin last signed in, and "Continue with this org" (the
 * Organization tab's list of the vault's orgs) signs in to one again.
 */
final class ReturningOrg {
    private final Session session;
    private final ConnectViewModel connect;
    private final SignInViewModel signIn;
    private final DesktopPreferences prefs;

    ReturningOrg(Session session, ConnectViewModel connect, SignInViewModel signIn, DesktopPreferences prefs) {
        this.session = session;
        this.connect = connect;
        this.signIn = signIn;
        this.prefs = prefs;
    }

    /**
     * The region or custom address and the short name of the last sign-in (from {@code desktop.properties}: no
     * secret) go into the Organization tab; each sign-in remembers them again.
     */
    void remembered() {
        prefs.lastTarget().filter(t -> !t.equals(DesktopPreferences.SANDBOX)).ifPresent(connect::selectRegion);
        prefs.lastCustomEnvironment().ifPresent(e -> {
            signIn.customApiBaseProperty().set(e[0]);
            signIn.customLoginBaseProperty().set(e[1]);
            signIn.customEnvironmentProperty().set(true);
        });
        prefs.lastShortName().ifPresent(connect.shortNameProperty()::set);
        session.connectionProperty().addListener((obs, old, c) -> {
            if (c == null) {
                return;
            }
            var target = connect.selectedTargetProperty().get();
            boolean custom = !c.isSandbox() && signIn.customEnvironmentProperty().get();
            String shortName = connect.shortNameProperty().get().isBlank() ? c.org().shortName()
                    : connect.shortNameProperty().get();
            prefs.lastEnvironment(c.isSandbox() || target == null ? DesktopPreferences.SANDBOX
                            : target.region().genesysRegionId(), custom ? signIn.customApiBaseProperty().get() : null,
                    custom ? signIn.customLoginBaseProperty().get() : null, shortName);
        });
    }

    /**
     * "Continue with this org": its region and short name go into the Organization tab; when the vault keeps a
     * sign-in client for it, the window signs in with that (the vault opens first if it is closed).
     */
    void continueWith(OrgSummaries.Summary org, OrgsModel orgs, VaultGate gate, Supplier<Window> window) {
        if (org == null || session.connection() != null) {
            return;
        }
        if (org.region() != null && !connect.selectRegion(org.region())) {
            orgs.messageProperty().set(Words.get("orgs.unknownRegion", org.region()));
            return;
        }
        connect.shortNameProperty().set(org.shortName() == null ? "" : org.shortName());
        if (!org.signsInAlone()) {
            orgs.messageProperty().set(Words.get("orgs.signInToContinue", org.label()));
            return;
        }
        gate.whenOpen(window.get(), () -> session.vault().contents().findOrg(org.orgId())
                .flatMap(OrgRecord::adminClient).ifPresent(a -> {
                    signIn.methodProperty().set(SignInChoice.CLIENT_CREDENTIALS);
                    signIn.clientIdProperty().set(a.clientId());
                    signIn.clientSecretProperty().set(a.secret().reveal()); // cleared by the sign-in
                    orgs.messageProperty().set(Words.get("orgs.signingIn", org.label()));
                    signIn.signIn();
                }));
    }
}
