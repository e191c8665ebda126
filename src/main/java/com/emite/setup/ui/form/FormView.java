package com.emite.setup.ui.form;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.ui.common.ErrorPanel;
import com.emite.setup.ui.common.TextClipboard;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;


/**
 * The Form tab: the Integration Details Form with Copy buttons, secrets masked with Reveal and Copy (and the
 * clipboard countdown), the show-once panel for new secrets, and Export. A thin view over {@link FormViewModel}.
 */
public final class FormView {
    /** What the view needs from the window: a folder for Export, and the vault opened when a secret is wanted. */
    public interface Actions {
        /** Asks for a folder, opens the vault if needed, then exports there. */
        void export();

        /** Opens the vault if needed, then runs {@code then}. */
        void withVault(Runnable then);
    }

    private final FormViewModel model;
    private final Actions actions;
    private final GridPane info = grid("formInfo");
    private final GridPane clients = grid("formClients");
    private final VBox root;

    public FormView(FormViewModel model, Actions actions, TextClipboard clipboard) {
        this.model = model;
        this.actions = actions;
        this.root = build(clipboard);
    }

    public Node root() {
        return root;
    }

    private VBox build(TextClipboard clipboard) {
        Label title = new Label(Words.get("plan.step.8"));
        title.getStyleClass().add("section-title");
        Label intro = new Label(Words.get("form.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("page-intro");
        Label empty = new Label(Words.get("form.empty"));
        empty.setId("formEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("message");
        show(empty, model.formProperty().isNull());

        NewSecretsPanel fresh = new NewSecretsPanel(model);

        Label infoTitle = section(Words.get("form.generic"));
        Label clientsTitle = section(Words.get("plan.step.5"));
        // Kept in place and never blank: the rows below do not move when Copy is pressed (ClipboardLine).
        ClipboardLine clipboardRow = new ClipboardLine(model, "clipboardCountdown", "clearClipboardButton");

        CheckBox include = new CheckBox(Words.get("form.includeSecrets"));
        include.setId("includeSecretsCheck");
        include.selectedProperty().bindBidirectional(model.includeSecretsProperty());
        Button export = new Button(Words.get("form.export"));
        export.setMnemonicParsing(true);
        export.setId("exportButton");
        export.getStyleClass().add("accent");
        export.disableProperty().bind(model.exportingProperty());
        export.setOnAction(e -> actions.export());
        HBox exportRow = new HBox(12, export, include);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        Label exportStatus = note("exportStatus");
        exportStatus.textProperty().bind(model.exportStatusProperty());
        Label kept = note("keptNote");
        kept.textProperty().bind(model.keptProperty());
        ErrorPanel error = new ErrorPanel("formError", model.problemProperty(), clipboard);

        VBox formBox = new VBox(12, infoTitle, info, clientsTitle, clipboardRow, clients, section(Words.get("form.exportTitle")),
                exportRow, exportStatus, kept);
        show(formBox, model.formProperty().isNotNull());

        model.formProperty().addListener((obs, old, f) -> fillInfo(f));
        model.clients().addListener((ListChangeListener<ClientRow>) c -> fillClients());
        fillInfo(model.formProperty().get());
        fillClients();

        VBox page = new VBox(14, title, intro, empty, fresh, error, formBox);
        page.setId("formView");
        return page;
    }

    private void fillInfo(IntegrationForm f) {
        info.getChildren().clear();
        if (f == null) {
            return;
        }
        int row = 0;
        row = infoRow(row, Words.get("form.org"), "formOrgName", f.orgName(), false);
        row = infoRow(row, Words.get("form.region"), "formRegion", f.regionName()
                + (f.regionId() == null ? "" : " (" + f.regionId() + ")"), false);
        row = infoRow(row, Words.get("form.regionCode"), "formRegionCode", f.emiteCode() == null
                ? Words.get("form.noRegionCode") : f.emiteCode(), f.emiteCode() != null);
        row = infoRow(row, Words.get("form.shortName"), "formShortName", f.shortName(), true);
        row = infoRow(row, Words.get("form.redirectUrl"), "formRedirectUrl", f.redirectUrl() == null
                ? Words.get("form.needsRegionCode") : f.redirectUrl(), f.redirectUrl() != null);
        infoRow(row, Words.get("form.clientApp"), "formClientApp", f.clientAppName(), false);
    }

    private int infoRow(int row, String label, String id, String value, boolean copyable) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        TextField field = readOnly(id, value);
        info.add(l, 0, row);
        info.add(field, 1, row);
        if (copyable) {
            info.add(copyButton("copy-" + id, () -> model.copyText(value)), 2, row);
        }
        return row + 1;
    }

    private void fillClients() {
        clients.getChildren().clear();
        clients.add(header(Words.get("form.client")), 0, 0);
        clients.add(header(Words.get("clients.id")), 1, 0);
        clients.add(header(Words.get("clients.secret")), 3, 0);
        int row = 1;
        for (ClientRow r : model.clients()) {
            Label name = new Label(r.name());
            name.getStyleClass().add("row-title");
            Label purpose = new Label(r.purpose());
            purpose.getStyleClass().add("message");
            purpose.setWrapText(true);
            VBox nameBox = new VBox(2, name, purpose);
            nameBox.setMaxWidth(230);

            TextField id = readOnly("clientId-" + r.name(), r.clientId() == null ? Words.get("clients.notCreated")
                    : r.clientId());
            Button copyId = copyButton("copyClientId-" + r.name(), () -> model.copyText(r.clientId()));
            copyId.setDisable(r.clientId() == null);

            TextField secret = readOnly("secret-" + r.name(), "");
            secret.textProperty().bind(r.secretTextProperty());
            ToggleButton reveal = new RevealButton("reveal-" + r.name(), r, model, actions);
            Button copySecret = new Button(Words.get("copy"));
            copySecret.setId("copySecret-" + r.name());
            copySecret.setMinWidth(70);
            copySecret.disableProperty().bind(r.secretProperty().isNull());
            copySecret.setOnAction(e -> model.copySecret(r));
            HBox secretBox = new HBox(6, secret, reveal, copySecret);
            secretBox.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(secret, Priority.ALWAYS);

            clients.add(nameBox, 0, row);
            clients.add(id, 1, row);
            clients.add(copyId, 2, row);
            clients.add(secretBox, 3, row);
            row++;
        }
    }

    private static GridPane grid(String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.setHgap(10);
        g.setVgap(8);
        if (id.equals("formInfo")) {
            // The form style's space under the heading; the client table has the clipboard's line there instead.
            g.getStyleClass().add("form");
            ColumnConstraints label = new ColumnConstraints();
            label.setMinWidth(200);
            label.setHalignment(HPos.RIGHT);
            ColumnConstraints value = new ColumnConstraints();
            value.setHgrow(Priority.ALWAYS);
            value.setFillWidth(true);
            g.getColumnConstraints().addAll(label, value, new ColumnConstraints());
        } else {
            ColumnConstraints name = new ColumnConstraints();
            name.setMinWidth(190);
            ColumnConstraints idCol = new ColumnConstraints();
            idCol.setMinWidth(280);
            idCol.setHgrow(Priority.SOMETIMES);
            ColumnConstraints copy = new ColumnConstraints();
            ColumnConstraints secret = new ColumnConstraints();
            secret.setHgrow(Priority.ALWAYS);
            secret.setMinWidth(300);
            g.getColumnConstraints().addAll(name, idCol, copy, secret);
        }
        return g;
    }

    private static TextField readOnly(String id, String value) {
        TextField f = Ui.readOnlyField(id);
        f.setText(value);
        return f;
    }

    private static Button copyButton(String id, Runnable action) {
        Button b = new Button(Words.get("copy"));
        b.setId(id);
        b.setMinWidth(70);
        javafx.animation.PauseTransition back = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        back.setOnFinished(e -> b.setText(Words.get("copy")));
        b.setOnAction(e -> {
            action.run();
            b.setText(Words.get("copied"));
            back.playFromStart();
        });
        return b;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label note(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("message");
        return l;
    }

    private static void show(Node node, BooleanExpression when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
