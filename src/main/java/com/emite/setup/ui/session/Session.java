package com.emite.setup.ui.session;

import com.emite.setup.app.Connection;

import com.emite.setup.vault.Vault;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What every tab shares, as JavaFX properties: the signed-in org and the open vault. Set on the FX thread only (by the
 * sign-in, vault and lock code); tabs listen to reset themselves when either changes.
 */
public final class Session {
    /** The vault of the offline demo: separate, so that demo runs never mix with real orgs. */
    public static final String SANDBOX_VAULT = "sandbox-demo" + Vault.EXTENSION;
    /** The vault of real orgs (the command line's default too). */
    public static final String DEFAULT_VAULT = "default" + Vault.EXTENSION;

    private final Path dataDir;
    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(this, "connection");
    private final ObjectProperty<Vault> vault = new SimpleObjectProperty<>(this, "vault");

    public Session(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir);
    }

    public ObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    public Connection connection() {
        return connection.get();
    }

    /** The open (unlocked) vault, or null. */
    public ObjectProperty<Vault> vaultProperty() {
        return vault;
    }

    public Vault vault() {
        return vault.get();
    }

    public BooleanBinding signedIn() {
        return connection.isNotNull();
    }

    public BooleanBinding vaultOpen() {
        return vault.isNotNull();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The vault file for the current org: the demo's own for the sandbox, the default one otherwise. */
    public Path vaultFile() {
        Connection c = connection.get();
        return dataDir.resolve(c != null && c.isSandbox() ? SANDBOX_VAULT : DEFAULT_VAULT);
    }
}
