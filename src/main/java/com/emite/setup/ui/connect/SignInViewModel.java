package com.emite.setup.ui.connect;

import com.emite.setup.ui.common.Words;
import com.emite.setup.common.Secret;
import com.emite.setup.genesys.BrowserOpener;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.region.Environment;
import com.emite.setup.app.Problem;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.app.Connection;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SignInService;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The sign-in part of the Connect tab, as properties. For the sandbox, Sign in starts the built-in org and signs in
 * with its admin client; for a real region, by browser (PKCE), client credentials or a pasted token. All network work
 * runs in tasks on the injected executor.
 */
public final class SignInViewModel {
    private final ConnectViewModel connect;
    private final Session session;
    private final SignInService service;
    private final Executor executor;
    private final BrowserOpener browser;
    private final javafx.beans.property.ReadOnlyStringWrapper browserAddress =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "browserAddress", "");

    private final ObjectProperty<SignInChoice> method = new SimpleObjectProperty<>(this, "method",
            SignInChoice.BROWSER);
    private final StringProperty pkceClientId = new SimpleStringProperty(this, "pkceClientId", "");
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    private final BooleanProperty customEnvironment = new SimpleBooleanProperty(this, "customEnvironment", false);
    private final StringProperty customApiBase = new SimpleStringProperty(this, "customApiBase", "");
    private final StringProperty customLoginBase = new SimpleStringProperty(this, "customLoginBase", "");
    private final StringProperty clientSecret = new SimpleStringProperty(this, "clientSecret", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper sandboxChosen = new ReadOnlyBooleanWrapper(this, "sandboxChosen", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper orgName = new ReadOnlyStringWrapper(this, "orgName", "");
    private final ReadOnlyStringWrapper orgShortName = new ReadOnlyStringWrapper(this, "orgShortName", "");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final BooleanProperty signOutBlocked = new SimpleBooleanProperty(this, "signOutBlocked", false);
    private final BooleanBinding canSignIn;

    private volatile SignInService.PendingBrowserSignIn pendingBrowser;

    public SignInViewModel(ConnectViewModel connect, Session session, SignInService service, Executor executor,
                           BrowserOpener browser) {
        this.connect = Objects.requireNonNull(connect);
        this.session = Objects.requireNonNull(session);
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
        this.browser = Objects.requireNonNull(browser);
        sandboxChosen.bind(Bindings.createBooleanBinding(() -> connect.selectedTargetProperty().get() != null
                && connect.selectedTargetProperty().get().isSandbox(), connect.selectedTargetProperty()));
        canSignIn = Bindings.createBooleanBinding(this::inputsComplete, connect.selectedTargetProperty(), method,
                pkceClientId, clientId, clientSecret, token, busy, session.connectionProperty());
        connect.targetLockedProperty().bind(session.signedIn().or(busy));
        session.connectionProperty().addListener((obs, old, c) -> {
            // Nothing of the old org stays: its short name would make a wrong redirect URL for the next region.
            if (c == null && old != null && java.util.Objects.equals(connect.shortNameProperty().get(),
                    old.org().shortName())) {
                connect.shortNameProperty().set("");
            }
            showConnection(c);
        });
        status.set(idleStatus());
        connect.selectedTargetProperty().addListener((obs, old, t) -> {
            if (!busy.get() && session.connection() == null) {
                status.set(idleStatus());
            }
        });
    }

    private boolean inputsComplete() {
        ConnectTarget t = connect.selectedTargetProperty().get();
        if (t == null || busy.get() || session.connection() != null) {
            return false;
        }
        if (t.isSandbox()) {
            return true;
        }
        return switch (method.get()) {
            case BROWSER -> !pkceClientId.get().isBlank();
            case CLIENT_CREDENTIALS -> !clientId.get().isBlank() && !clientSecret.get().isEmpty();
            case TOKEN -> !token.get().isBlank();
        };
    }

    private String idleStatus() {
        ConnectTarget t = connect.selectedTargetProperty().get();
        if (t == null) {
            return Words.get("signIn.chooseRegion");
        }
        return t.isSandbox() ? Words.get("signIn.sandboxIdle") : Words.get("signIn.notSignedIn");
    }

    /** Signs in to the chosen target. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        ConnectTarget target = connect.selectedTargetProperty().get();
        problem.set(null);
        busy.set(true);
        if (target instanceof ConnectTarget.SandboxTarget sb) {
            status.set(Words.get("signIn.startingSandbox"));
            run(p -> service.sandbox(Optional.of(sb.region())));
            return;
        }
        Environment env;
        try {
            env = environment((ConnectTarget.RegionTarget) target);
        } catch (com.emite.setup.region.InvalidEnvironmentException e) {
            busy.set(false);
            status.set(idleStatus());
            problem.set(com.emite.setup.app.Problems.of(com.emite.setup.app.ErrorCode.INPUT_INVALID,
                    e.getMessage()));
            return;
        }
        switch (method.get()) {
            case CLIENT_CREDENTIALS -> {
                status.set(Words.get("signIn.signingIn"));
                String id = clientId.get();
                Secret secret = Secret.of(clientSecret.get());
                run(p -> service.clientCredentials(env, id, secret));
            }
            case TOKEN -> {
                status.set(Words.get("signIn.checkingToken"));
                Secret t = Secret.of(token.get().trim());
                run(p -> service.token(env, t));
            }
            case BROWSER -> {
                status.set(Words.get("signIn.openingBrowser"));
                String id = pkceClientId.get();
                run(p -> {
                    SignInService.PendingBrowserSignIn pending = service.startBrowser(env, id, browser);
                    pendingBrowser = pending;
                    String address = pending.authorizeUri().toString();
                    com.emite.setup.ui.common.FxThread.run(() -> browserAddress.set(address));
                    p.message(Words.get("signIn.waitingForBrowser", pending.authorizeUri().toString()));
                    try {
                        return pending.await();
                    } finally {
                        pendingBrowser = null;
                        com.emite.setup.ui.common.FxThread.run(() -> browserAddress.set(""));
                    }
                });
            }
            default -> throw new IllegalStateException();
        }
    }

    private void run(Tasks.Work<Connection> work) {
        var task = Tasks.create(work)
                .onSuccess(c -> {
                    clientSecret.set("");
                    token.set("");
                    session.connectionProperty().set(c);
                })
                .onError(GenesysApiException.class, e -> {
                    status.set(idleStatus());
                    if (e.kind() == GenesysApiException.Kind.CANCELLED) {
                        status.set(Words.get("signIn.cancelled"));
                    } else {
                        problem.set(com.emite.setup.app.Problems.of(e));
                    }
                })
                .onProblem(p -> {
                    status.set(idleStatus());
                    problem.set(p);
                })
                .andFinally(() -> busy.set(false))
                .build();
        task.messageProperty().addListener((obs, old, m) -> {
            if (m != null && !m.isBlank()) {
                status.set(m);
            }
        });
        executor.execute(task);
    }

    /**
     * The sign-in address while a browser sign-in waits (empty otherwise): shown as selectable text with Copy, for
     * when no browser opened.
     */
    public javafx.beans.property.ReadOnlyStringProperty browserAddressProperty() {
        return browserAddress.getReadOnlyProperty();
    }

    /**
     * The region's own environment, or under "Advanced" a custom one standing for that region, with the same rules as
     * the command line's {@code --api-base}/{@code --login-base}: https, or http on a loopback address only.
     */
    private Environment environment(ConnectTarget.RegionTarget target) {
        if (!customEnvironment.get()) {
            return target.environment();
        }
        return Environment.custom(Words.get("signIn.customName"), customApiBase.get().trim(),
                customLoginBase.get().trim(),
                Optional.of(target.region()));
    }

    public BooleanProperty customEnvironmentProperty() {
        return customEnvironment;
    }

    public StringProperty customApiBaseProperty() {
        return customApiBase;
    }

    public StringProperty customLoginBaseProperty() {
        return customLoginBase;
    }

    /** Stops a browser sign-in that is waiting. */
    public void cancel() {
        SignInService.PendingBrowserSignIn p = pendingBrowser;
        if (p != null) {
            p.cancel();
        }
    }

    /** Signs out, stops the sandbox and closes the vault (it belongs to this org's profile). */
    public void signOut() {
        Connection c = session.connection();
        if (c == null || busy.get() || signOutBlocked.get()) {
            return;
        }
        Vault v = session.vault();
        busy.set(true);
        status.set(Words.get("signIn.signingOut"));
        Tasks.createVoid(p -> {
                    try {
                        if (v != null) {
                            v.close();
                        }
                    } catch (VaultException e) {
                        // Every change was saved when it was made; closing only drops keys and the lock.
                    } finally {
                        c.close();
                    }
                })
                .onProblem(problem::set)
                .andFinally(() -> {
                    session.vaultProperty().set(null);
                    session.connectionProperty().set(null);
                    busy.set(false);
                })
                .runOn(executor);
    }

    private void showConnection(Connection c) {
        if (c == null) {
            orgName.set("");
            orgShortName.set("");
            status.set(idleStatus());
            return;
        }
        orgName.set(c.org().name());
        orgShortName.set(c.org().shortName());
        if (c.org().shortName() != null) {
            connect.shortNameProperty().set(c.org().shortName());
        }
        status.set(Words.get(c.isSandbox() ? "signIn.signedInSandbox" : "signIn.signedIn", c.org().name(),
                c.howSignedIn()));
    }

    /** True while work on the org runs (a check or an apply): Sign out waits for it. */
    public BooleanProperty signOutBlockedProperty() {
        return signOutBlocked;
    }

    public ObjectProperty<SignInChoice> methodProperty() {
        return method;
    }

    public StringProperty pkceClientIdProperty() {
        return pkceClientId;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty clientSecretProperty() {
        return clientSecret;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sandboxChosenProperty() {
        return sandboxChosen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty orgNameProperty() {
        return orgName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty orgShortNameProperty() {
        return orgShortName.getReadOnlyProperty();
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    public BooleanBinding signedInProperty() {
        return session.signedIn();
    }

    /** True while a browser sign-in waits (Cancel is offered). */
    public boolean isWaitingForBrowser() {
        return pendingBrowser != null;
    }
}
