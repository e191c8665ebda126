package com.emite.setup.ui.about;

import com.emite.setup.ui.common.Words;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;

/** Help → About. The dialog's resources are read when it is opened, not at start-up. */
public final class HelpMenu {
    private HelpMenu() {
    }

    /** The "About eMite Setup" item, for a Help menu the window already has. */
    public static MenuItem aboutItem(Supplier<Window> owner, Supplier<List<String>> stylesheets) {
        MenuItem about = new MenuItem(Words.get("about.menuItem"));
        about.setId("aboutMenuItem");
        about.setOnAction(e -> AboutDialog.create(owner.get(), AboutInfo.load(), stylesheets.get()).showAndWait());
        return about;
    }

    /** A menu bar with just Help → About, for a window without menus. */
    public static MenuBar bar(Supplier<Window> owner, Supplier<List<String>> stylesheets) {
        Menu help = new Menu(Words.get("menu.help"), null, aboutItem(owner, stylesheets));
        help.setId("helpMenu");
        MenuBar bar = new MenuBar(help);
        bar.setId("menuBar");
        // On macOS the bar joins the system menu bar, as Mac apps do.
        bar.setUseSystemMenuBar(true);
        return bar;
    }
}
