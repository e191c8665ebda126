package com.emite.setup.ui.common;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the admin for a folder; the app shows a {@link DirectoryChooser}, tests answer with a temporary folder. */
@FunctionalInterface
public interface FolderPicker {
    Optional<Path> pick(Window owner, String title);

    /** The system's folder chooser. */
    static FolderPicker system() {
        return (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File home = new File(System.getProperty("user.home", "."));
            if (home.isDirectory()) {
                chooser.setInitialDirectory(home);
            }
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        };
    }
}
