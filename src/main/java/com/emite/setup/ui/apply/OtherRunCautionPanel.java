package com.emite.setup.ui.apply;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The "Another run seems to be in progress" panel above apply's confirmation: what it means, what to do, the tick. */
final class OtherRunCautionPanel {
    private OtherRunCautionPanel() {
    }

    static VBox create(OtherRunCaution caution) {
        Label title = Ui.label("otherRunTitle", Words.get("apply.otherRun.title"), "row-title");
        title.setWrapText(true);
        Label means = Ui.label("otherRunMeans", Words.get("apply.otherRun.means",
                String.valueOf(com.emite.setup.contract.ApiContract.OTHER_RUN_RECENT_MINUTES)), "message");
        means.setWrapText(true);
        Label todo = Ui.label("otherRunWhatToDo", Words.get("apply.otherRun.whatToDo"), "message");
        todo.setWrapText(true);
        Label details = Ui.label("otherRunDetails", "", "hint");
        details.setWrapText(true);
        details.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Words.get(
                "apply.otherRun.objects", OtherRunCaution.objects(caution.noteProperty().get())),
                caution.noteProperty()));
        CheckBox sure = new CheckBox(Words.get("apply.otherRun.sure"));
        sure.setId("otherRunSureCheck");
        sure.setWrapText(true);
        sure.selectedProperty().bindBidirectional(caution.sureProperty());
        VBox panel = new VBox(6, title, means, todo, details, sure);
        panel.setId("otherRunCaution");
        panel.getStyleClass().add("secret-panel");
        Ui.show(panel, caution.noteProperty().isNotEmpty());
        return panel;
    }
}
