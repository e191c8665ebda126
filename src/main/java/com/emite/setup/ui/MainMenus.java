package com.emite.setup.ui;

import com.emite.setup.app.Diagnostics;
import com.emite.setup.app.SetupService;
import com.emite.setup.ui.about.HelpMenu;
import com.emite.setup.ui.common.LaunchLog;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.diagnose.DiagnoseItem;
import com.emite.setup.ui.licences.LicenceUpkeepModel;
import com.emite.setup.ui.orgs.OrgsModel;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.ui.remove.RemovalDialog;
import com.emite.setup.ui.remove.RemovalModel;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.vault.VaultGate;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's menus. Org: "Switch org…" and "Remove eMite from this org…" (the command line's {@code remove}, on
 * the same engine: it needs the vault, whose journal knows what this app made, and waits while an apply runs).
 * Help: the log folder, the diagnosis, About.
 */
final class MainMenus {
    /** What the menus act on; each is the window's own. */
    record Parts(AppContext ctx, Session session, SetupService setup, PlanViewModel plan, LicenceUpkeepModel upkeep,
                 OrgsModel orgs, VaultGate gate, ApplyGuard guard, Runnable signOut, Consumer<String> selectTab,
                 Supplier<Window> window, Supplier<List<String>> stylesheets) {
    }

    private MainMenus() {
    }

    static MenuBar create(Parts p) {
        MenuItem logs = new MenuItem(Words.get("menu.openLogs"));
        logs.setId("openLogsMenu");
        logs.setOnAction(e -> p.ctx().links().open(LaunchLog.folder(p.ctx().dataDir()).toUri().toString()));
        Menu help = new Menu(Words.get("menu.help"), null, logs,
                DiagnoseItem.create(p.session(), new Diagnostics(p.ctx().dataDir()), p.ctx().executor(), p.window()),
                HelpMenu.aboutItem(p.window(), p.stylesheets()));
        MenuBar menus = new MenuBar(orgMenu(p), help);
        menus.setId("menuBar");
        return menus;
    }

    private static Menu orgMenu(Parts p) {
        Session session = p.session();
        MenuItem remove = new MenuItem();
        remove.setId("removeEmiteMenu");
        remove.textProperty().bind(Bindings.when(session.signedIn()).then(Words.get("remove.menuItem"))
                .otherwise(Words.get("remove.menuItemSignIn")));
        remove.disableProperty().bind(session.signedIn().not());
        remove.setOnAction(e -> p.guard().whenIdle("remove", () -> p.gate().whenOpen(p.window().get(), () -> {
            RemovalModel model = new RemovalModel(session, p.setup(), p.ctx().executor(), () -> {
                p.plan().appliedSinceCheck();
                p.upkeep().refresh();
                p.orgs().reload();
            });
            new RemovalDialog(model, p.window().get(), p.stylesheets().get()).show();
        })));
        MenuItem switchOrg = new MenuItem(Words.get("orgs.switch"));
        switchOrg.setId("switchOrgMenu");
        switchOrg.disableProperty().bind(session.signedIn().not());
        switchOrg.setOnAction(e -> p.guard().whenIdle("signOut", () -> {
            p.signOut().run();
            p.selectTab().accept("organizationTab");
        }));
        Menu org = new Menu(Words.get("remove.menu"), null, switchOrg, remove);
        org.setId("orgMenu");
        return org;
    }
}
