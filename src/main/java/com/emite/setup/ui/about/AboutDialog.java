package com.emite.setup.ui.about;

import com.emite.setup.ui.common.Words;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/** Help → About: the version, the app's licence and the notices of every library shipped with it. */
public final class AboutDialog {
    private AboutDialog() {
    }

    /** A notice wrapped to the list's width. */
    private static final class WrappingCell extends ListCell<String> {
        WrappingCell(ListView<String> list) {
            setWrapText(true);
            // The list's width less its border and vertical scroll bar.
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String notice, boolean empty) {
            super.updateItem(notice, empty);
            setText(empty ? null : notice);
        }
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
        // Wrapped to the list's width: a notice is one long line (licence, name, coordinates, address), and a sideways
        // scroll bar hid the end of every one.
        notices.setCellFactory(list -> new WrappingCell(list));
        Label noticesHint = new Label(Words.get("about.noticesHint"));
        noticesHint.setWrapText(true);
        // Else a VBox gives the label one line's height and it ends in "..." instead of wrapping.
        noticesHint.setMinHeight(Region.USE_PREF_SIZE);

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
