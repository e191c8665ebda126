package com.emite.setup.ui.form;

import com.emite.setup.ui.common.Words;
import java.time.Instant;
import com.emite.setup.common.Secret;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One OAuth client on the form: name, purpose, client id, and its secret (masked until revealed; dropped when the
 * vault locks).
 */
public final class ClientRow {
    private final String name;
    private final String purpose;
    private final String clientId;
    private final ObjectProperty<Secret> secret = new SimpleObjectProperty<>(this, "secret");
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed", false);
    private final ObjectProperty<Instant> issuedAt = new SimpleObjectProperty<>(this, "issuedAt");
    private final StringBinding secretText;

    public ClientRow(String name, String purpose, String clientId, Secret secret, ObservableBooleanValue vaultOpen) {
        this.name = name;
        this.purpose = purpose;
        this.clientId = clientId;
        this.secret.set(secret);
        this.secretText = Bindings.createStringBinding(() -> {
            Secret s = this.secret.get();
            if (clientId == null) {
                return Words.get("clients.notCreated");
            }
            if (s != null) {
                return revealed.get() ? s.reveal() : s.masked();
            }
            return Words.get(vaultOpen.get() ? "form.secretUnknown" : "form.openVaultToSee");
        }, this.secret, revealed, vaultOpen);
    }

    public String name() {
        return name;
    }

    public String purpose() {
        return purpose;
    }

    /** The client id, or null when the client does not exist yet. */
    public String clientId() {
        return clientId;
    }

    public ObjectProperty<Secret> secretProperty() {
        return secret;
    }

    /** When Genesys issued the secret the vault holds (null when not known): the card says how old it is. */
    public ObjectProperty<Instant> issuedAtProperty() {
        return issuedAt;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** What the secret field shows. */
    public StringBinding secretTextProperty() {
        return secretText;
    }

    /** Drops the secret (vault locked). */
    void forget() {
        revealed.set(false);
        secret.set(null);
    }
}
