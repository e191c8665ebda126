package com.emite.setup.ui.orgs;

import com.emite.setup.app.OrgSummaries;
import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * "Your orgs" at the top of the Organization tab: the vault's orgs (short name, region, last run, state, last licence
 * upkeep), "Open the vault to see your orgs" while it is closed, and "Continue with this org" with its reason next to
 * it. A fixed-height table, so the sign-in below never moves when the list fills.
 */
public final class OrgsView {
    private final VBox root;

    /**
     * @param openVault    asks for the vault password (the vault window)
     * @param continueWith fills in the org's region and short name, and signs in with its remembered client if any
     */
    public OrgsView(OrgsModel model, Runnable openVault, Consumer<OrgSummaries.Summary> continueWith) {
        TableView<OrgSummaries.Summary> table = new TableView<>(model.orgs());
        table.setId("orgsTable");
        table.setPrefHeight(150);
        table.setMinHeight(150);
        table.setMaxHeight(150);
        table.setPlaceholder(Ui.hint(Words.get("orgs.empty")));
        table.getColumns().add(column("orgs.col.shortName", OrgSummaries.Summary::label));
        table.getColumns().add(column("orgs.col.region", s -> s.region() == null ? Words.get("orgs.notRecorded")
                : s.region()));
        table.getColumns().add(column("orgs.col.lastRun", s -> s.lastRun() == null ? Words.get("orgs.never")
                : s.lastRun()));
        table.getColumns().add(column("orgs.col.state", OrgsModel::state));
        table.getColumns().add(column("orgs.col.upkeep", s -> s.lastUpkeep().map(u -> Words.get(
                "orgs.upkeep", u.verdict(), u.ended())).orElse(Words.get("orgs.never"))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, s) -> model.chosenProperty().set(s));
        model.chosenProperty().addListener((obs, old, s) -> {
            if (table.getSelectionModel().getSelectedItem() != s) {
                table.getSelectionModel().select(s);
            }
        });

        Button open = new Button(Words.get("orgs.open"));
        open.setId("openOrgsButton");
        open.setOnAction(e -> openVault.run());
        open.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.orgs()));
        Button go = new Button(Words.get("orgs.continue"));
        go.setId("continueWithOrgButton");
        go.disableProperty().bind(model.continueReason().isNotEmpty());
        go.setOnAction(e -> continueWith.accept(model.chosenProperty().get()));
        root = new VBox(8, Ui.section(Words.get("orgs.title")), table, Ui.withReason(go, model.continueReason()),
                open, Ui.reserved("orgsMessage", model.messageProperty(), "message"));
        root.setId("orgsPanel");
    }

    private static TableColumn<OrgSummaries.Summary, String> column(String words,
                                                                     Function<OrgSummaries.Summary, String> value) {
        TableColumn<OrgSummaries.Summary, String> c = new TableColumn<>(Words.get(words));
        c.setCellValueFactory(f -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    public Node root() {
        return root;
    }
}
