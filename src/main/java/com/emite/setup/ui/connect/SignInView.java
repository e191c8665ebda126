package com.emite.setup.ui.connect;

import com.emite.setup.ui.common.ErrorPanel;
import com.emite.setup.ui.common.LinkOpener;
import com.emite.setup.ui.common.TextClipboard;
import com.emite.setup.ui.common.Words;
import com.emite.setup.app.SignInService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The sign-in section of the Connect tab: a thin view over {@link SignInViewModel}. */
public final class SignInView {
    /** Genesys Cloud's help page on adding an OAuth client. */
    public static final String OAUTH_HELP = "https://help.mypurecloud.com/articles/create-an-oauth-client/";

    private final SignInViewModel model;
    private final VBox root;

    private final java.util.function.Consumer<Runnable> beforeSignOut;

    public SignInView(SignInViewModel model, LinkOpener links, TextClipboard clipboard) {
        this(model, links, clipboard, Runnable::run);
    }

    /** @param beforeSignOut runs sign-out when it may (asks first and stops an apply in progress) */
    public SignInView(SignInViewModel model, LinkOpener links, TextClipboard clipboard,
                      java.util.function.Consumer<Runnable> beforeSignOut) {
        this.model = model;
        this.beforeSignOut = beforeSignOut;
        this.root = build(links, clipboard);
    }

    public Node root() {
        return root;
    }

    private VBox build(LinkOpener links, TextClipboard clipboard) {
        BooleanExpression sandbox = model.sandboxChosenProperty();
        BooleanExpression signedIn = model.signedInProperty();
        BooleanExpression editable = signedIn.not().and(model.busyProperty().not());

        // Built the first time a real region is chosen: the window opens on the demo sandbox (ui.startup.LazyNode).
        Node realBox = com.emite.setup.ui.startup.LazyNode.when(sandbox.not().and(signedIn.not()),
                () -> realRegionBox(sandbox, editable, links));

        // Buttons and status
        Button signIn = new Button(Words.get("signIn.button"));
        signIn.setMnemonicParsing(true);
        signIn.setId("signInButton");
        signIn.getStyleClass().add("accent");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(e -> model.signIn());
        show(signIn, signedIn.not());
        Button cancel = new Button(Words.get("signIn.cancel"));
        cancel.setId("cancelSignInButton");
        cancel.setOnAction(e -> model.cancel());
        show(cancel, model.busyProperty().and(sandbox.not())
                .and(model.methodProperty().isEqualTo(SignInChoice.BROWSER)).and(signedIn.not()));
        Button signOut = new Button(Words.get("signIn.signOut"));
        signOut.setId("signOutButton");
        signOut.disableProperty().bind(model.busyProperty().or(model.signOutBlockedProperty()));
        signOut.setOnAction(e -> beforeSignOut.accept(model::signOut));
        show(signOut, signedIn);
        // An indeterminate spinner's skin is a dozen styled parts and an animation: made at the first sign-in.
        Node spinner = com.emite.setup.ui.startup.LazyNode.when(model.busyProperty(), () -> {
            ProgressIndicator p = new ProgressIndicator();
            p.setId("signInSpinner");
            p.setPrefSize(18, 18);
            return p;
        });
        Label status = new Label();
        status.setId("signInStatus");
        status.setWrapText(true);
        status.getStyleClass().add("message");
        status.textProperty().bind(model.statusProperty());
        HBox buttons = new HBox(8, signIn, cancel, signOut, spinner);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // The org, once signed in
        Label org = new Label();
        org.setId("orgNameLabel");
        org.getStyleClass().add("org-name");
        org.textProperty().bind(model.orgNameProperty());
        Label shortName = new Label();
        shortName.setId("orgShortNameLabel");
        shortName.getStyleClass().add("badge");
        shortName.textProperty().bind(Bindings.createStringBinding(() -> Words.get("signIn.shortName",
                model.orgShortNameProperty().get()), model.orgShortNameProperty()));
        HBox orgRow = new HBox(10, org, shortName);
        orgRow.setAlignment(Pos.CENTER_LEFT);
        show(orgRow, signedIn);

        ErrorPanel error = new ErrorPanel("signInError", model.problemProperty(), clipboard);
        // When no browser opens: the address as selectable text with Copy (made the first time that happens).
        Node addressRow = com.emite.setup.ui.startup.LazyNode.when(model.browserAddressProperty().isNotEmpty(), () -> {
            javafx.scene.control.TextField address = com.emite.setup.ui.common.Ui.readOnlyField("browserAddressField");
            address.textProperty().bind(model.browserAddressProperty());
            address.setAccessibleText(Words.get("signIn.browserAddress"));
            javafx.scene.layout.HBox.setHgrow(address, javafx.scene.layout.Priority.ALWAYS);
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8,
                    new Label(Words.get("signIn.browserAddress")), address,
                    new com.emite.setup.ui.common.CopyButton("copyBrowserAddressButton", clipboard,
                            () -> model.browserAddressProperty().get()));
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            return row;
        });
        VBox box = new VBox(8, realBox, buttons, status, addressRow, orgRow, error);
        box.setId("signInSection");
        return box;
    }

    /** The ways to sign in to a real region, and the custom environment; hidden while the demo sandbox is chosen. */
    private VBox realRegionBox(BooleanExpression sandbox, BooleanExpression editable, LinkOpener links) {
        // Way to sign in (real regions only)
        ToggleGroup group = new ToggleGroup();
        HBox methods = new HBox(14);
        methods.setId("signInMethods");
        for (SignInChoice m : SignInChoice.values()) {
            RadioButton b = new RadioButton(m.label());
            b.setId("method" + switch (m) {
                case BROWSER -> "Browser";
                case CLIENT_CREDENTIALS -> "ClientCredentials";
                case TOKEN -> "Token";
            });
            b.setToggleGroup(group);
            b.setUserData(m);
            b.setSelected(model.methodProperty().get() == m);
            methods.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t != null) {
                model.methodProperty().set((SignInChoice) t.getUserData());
            }
        });
        methods.disableProperty().bind(editable.not());
        Label methodHelp = note("signInMethodHelp");
        methodHelp.textProperty().bind(Bindings.createStringBinding(() -> model.methodProperty().get().explanation(),
                model.methodProperty()));

        // Browser
        TextField pkce = field("pkceClientIdField", Words.get("signIn.pkcePrompt"));
        pkce.textProperty().bindBidirectional(model.pkceClientIdProperty());
        Label pkceHint = note("pkceHint");
        pkceHint.setText(Words.get("signIn.pkceHint", SignInService.BROWSER_REDIRECT_URI));
        Hyperlink help = new Hyperlink(Words.get("signIn.oauthHelp"));
        help.setId("oauthHelpLink");
        help.setOnAction(e -> links.open(OAUTH_HELP));
        VBox browserBox = box(pkce, pkceHint, help);
        show(browserBox, sandbox.not().and(model.methodProperty().isEqualTo(SignInChoice.BROWSER)));

        // Client credentials
        TextField id = field("clientIdField", Words.get("signIn.clientIdPrompt"));
        id.textProperty().bindBidirectional(model.clientIdProperty());
        PasswordField secret = new PasswordField();
        secret.setId("clientSecretField");
        secret.setPromptText(Words.get("signIn.clientSecretPrompt"));
        secret.textProperty().bindBidirectional(model.clientSecretProperty());
        secret.disableProperty().bind(editable.not());
        VBox ccBox = box(id, secret, note(null, Words.get("signIn.clientCredentialsHint")));
        show(ccBox, sandbox.not().and(model.methodProperty().isEqualTo(SignInChoice.CLIENT_CREDENTIALS)));

        // Token
        PasswordField token = new PasswordField();
        token.setId("tokenField");
        token.setPromptText(Words.get("signIn.tokenPrompt"));
        token.textProperty().bindBidirectional(model.tokenProperty());
        token.disableProperty().bind(editable.not());
        VBox tokenBox = box(token);
        show(tokenBox, sandbox.not().and(model.methodProperty().isEqualTo(SignInChoice.TOKEN)));

        // Advanced: a custom environment (a standalone sandbox, or an environment outside the region list).
        javafx.scene.control.CheckBox custom = new javafx.scene.control.CheckBox(
                Words.get("signIn.custom"));
        custom.setId("customEnvironmentCheck");
        custom.selectedProperty().bindBidirectional(model.customEnvironmentProperty());
        javafx.scene.control.TextField apiBase = new javafx.scene.control.TextField();
        apiBase.setId("customApiBaseField");
        apiBase.setPromptText(Words.get("signIn.apiBasePrompt"));
        apiBase.setAccessibleText(Words.get("signIn.apiBase"));
        apiBase.textProperty().bindBidirectional(model.customApiBaseProperty());
        javafx.scene.control.TextField loginBase = new javafx.scene.control.TextField();
        loginBase.setId("customLoginBaseField");
        loginBase.setPromptText(Words.get("signIn.loginBasePrompt"));
        loginBase.setAccessibleText(Words.get("signIn.loginBase"));
        loginBase.textProperty().bindBidirectional(model.customLoginBaseProperty());
        VBox customFields = new VBox(4, new Label(Words.get("signIn.apiBase")), apiBase,
                new Label(Words.get("signIn.loginBase")), loginBase,
                note(null, Words.get("signIn.customHint")));
        customFields.disableProperty().bind(model.customEnvironmentProperty().not().or(editable.not()));
        javafx.scene.control.TitledPane advanced = new javafx.scene.control.TitledPane(
                Words.get("signIn.advanced"), new VBox(6, custom, customFields));
        advanced.setId("advancedPane");
        advanced.setExpanded(false);
        pkce.disableProperty().bind(editable.not());
        id.disableProperty().bind(editable.not());
        return new VBox(6, methods, methodHelp, browserBox, ccBox, tokenBox, advanced);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static Label note(String id) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.getStyleClass().add("message");
        return l;
    }

    private static Label note(String id, String text) {
        Label l = note(id);
        l.setText(text);
        return l;
    }

    private static VBox box(Node... nodes) {
        return new VBox(6, nodes);
    }

    private static void show(Node node, BooleanExpression when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
