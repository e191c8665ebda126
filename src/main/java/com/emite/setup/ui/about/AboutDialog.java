package com.emite.setup.ui.about;

import com.emite.setup.ui.common.Words;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/** Help → About: the version, the app's licence and the notices of every library shipped with it. */
public final class AboutDialog {
    private AboutDialog() {
    }

    /** Builds the dialog (not shown) over {@code owner}, styled like it. */
    public static Dialog<Void> create(Window owner, AboutInfo info, List<String> stylesheets) {
        Label version = new Label(Words.get("about.version", info.version()));
        version.setId("aboutVersion");
        Label runtime = new Label(Words.get("about.runtime", info.runtime()));
        runtime.setId("aboutRuntime");

        ListView<String> notices = new ListView<>();
        notices.setId("aboutNotices");
        notices.getItems().setAll(info.notices());
        Label noticesHint = new Label(Words.get("about.noticesHint"));
        noticesHint.setWrapText(true);

        TextArea licence = new TextArea(info.licence());
        licence.setId("aboutLicence");
        licence.setEditable(false);

        TabPane tabs = new TabPane(
                new Tab(Words.get("about.notices"), new VBox(8, noticesHint, notices)),
                new Tab(Words.get("about.licence"), licence));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(760, 380);

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Words.get("about.title", info.name()));
        dialog.setHeaderText(info.name());
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().setContent(new VBox(10, version, runtime, tabs));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        dialog.setResizable(true);
        return dialog;
    }
}
