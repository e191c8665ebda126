package com.emite.setup.ui;

import com.emite.setup.ui.common.DesktopPreferences;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.vault.VaultGate;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the form's buttons need from the window: Export… (in the last folder used, asking before it replaces the
 * files of an earlier export, with the vault open) and any action that needs the vault open.
 */
final class FormExport implements FormView.Actions {
    private final AppContext ctx;
    private final FormViewModel form;
    private final DesktopPreferences prefs;
    private final VaultGate gate;
    private final Supplier<Window> window;

    FormExport(AppContext ctx, FormViewModel form, DesktopPreferences prefs, VaultGate gate, Supplier<Window> window) {
        this.ctx = ctx;
        this.form = form;
        this.prefs = prefs;
        this.gate = gate;
        this.window = window;
    }

    @Override
    public void export() {
        ctx.folders().pick(window.get(), Words.get("form.exportFolder"), prefs.lastExportFolder()).ifPresent(dir -> {
            prefs.lastExportFolder(dir);
            Path target = form.exportTarget(dir);
            if (Files.exists(target) && !replace(target)) {
                return;
            }
            gate.whenOpen(window.get(), () -> form.export(target));
        });
    }

    @Override
    public void withVault(Runnable then) {
        gate.whenOpen(window.get(), then);
    }

    /** Asks before an export replaces the files of an earlier one. */
    private boolean replace(Path target) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Words.get("form.replaceText", target), ButtonType.OK,
                ButtonType.CANCEL);
        ask.setHeaderText(Words.get("form.replaceHeader"));
        ask.initOwner(window.get());
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
