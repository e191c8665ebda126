package com.emite.setup.ui.about;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;

/** The window's menu bar: Help → About. The dialog's resources are read when it is opened, not at start-up. */
public final class HelpMenu {
    private HelpMenu() {
    }

    public static MenuBar bar(Supplier<Window> owner, Supplier<List<String>> stylesheets) {
        MenuItem about = new MenuItem("About eMite Setup");
        about.setId("aboutMenuItem");
        about.setOnAction(e -> AboutDialog.create(owner.get(), AboutInfo.load(), stylesheets.get()).showAndWait());
        Menu help = new Menu("Help", null, about);
        help.setId("helpMenu");
        MenuBar bar = new MenuBar(help);
        bar.setId("menuBar");
        // On macOS the bar joins the system menu bar, as Mac apps do.
        bar.setUseSystemMenuBar(true);
        return bar;
    }
}
