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

    /** Starts in {@code initial} (the last folder used) when the picker can. */
    default Optional<Path> pick(Window owner, String title, Optional<Path> initial) {
        return pick(owner, title);
    }

    /** The system's folder chooser. */
    static FolderPicker system() {
        return new FolderPicker() {
            @Override
            public Optional<Path> pick(Window owner, String title) {
                return pick(owner, title, Optional.empty());
            }

            @Override
            public Optional<Path> pick(Window owner, String title, Optional<Path> initial) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                File start = initial.map(Path::toFile)
                        .orElse(new File(System.getProperty("user.home", ".")));
                if (start.isDirectory()) {
                    chooser.setInitialDirectory(start);
                }
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }
}
