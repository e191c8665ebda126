package com.emite.setup.ui;

import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.ui.common.FolderPicker;
import com.emite.setup.ui.common.FxClipboardPort;
import com.emite.setup.ui.common.UiExecutors;
import com.emite.setup.ui.plan.Badge;
import com.emite.setup.ui.plan.PlanRow;
import com.emite.setup.app.SignInService;
import com.emite.setup.vault.KdfParams;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the tab tests share: the real window over a real in-process sandbox (over HTTP), a background executor, a
 * vault in a temporary folder, and the steps a person takes (sign in, check, create the vault and apply).
 */
public final class UiTestSupport {
    public static final String PASSWORD = "correct horse battery staple";
    /** Sign-in, check and apply against the sandbox take a few seconds; this is generous for a loaded machine. */
    public static final int TIMEOUT_S = 90;

    /** The demo org without its search and grant lags (only the lag tests want them) and no added latency. */
    public static final SandboxConfig FAST_SANDBOX = SignInService.DEMO_SANDBOX.toBuilder().latencyMs(0)
            .searchLagMs(0).grantLagMs(0).build();

    /** The windows' vault key settings: quick to derive (the vault tests cover the real ones). */
    public static final KdfParams KDF = KdfParams.argon2id(1024, 1, 1);
    /** How long an apply waits for a new role grant to take effect (the window's AppContext setting). */
    public static final Duration GRANT_TIMEOUT = Duration.ofSeconds(60);

    private UiTestSupport() {
    }

    /** A window whose Export writes into {@code exportDir} (it stands for the folder chooser). */
    public static MainWindow show(Stage stage, Path dataDir, SandboxConfig sandbox,
                                  AtomicReference<Path> exportDir) {
        return show(stage, dataDir, sandbox, exportDir, null);
    }

    /** As above, with the daily upkeep's scheduler and keychain (null: this computer's; tests give temporary ones). */
    public static MainWindow show(Stage stage, Path dataDir, SandboxConfig sandbox, AtomicReference<Path> exportDir,
                                  com.emite.setup.ui.licences.UpkeepPorts upkeepPorts) {
        FolderPicker picker = (owner, title) -> Optional.ofNullable(exportDir.get());
        AppContext ctx = new AppContext(UiExecutors.background(), dataDir, KDF, sandbox,
                address -> { }, picker, new FxClipboardPort(), Duration.ofMinutes(5), Duration.ofSeconds(30),
                GRANT_TIMEOUT);
        MainWindow window = upkeepPorts == null ? new MainWindow(ctx) : new MainWindow(ctx, upkeepPorts);
        stage.setTitle(EmiteSetupApp.TITLE);
        stage.getIcons().setAll(EmiteSetupApp.icons());
        stage.setScene(window.scene());
        window.install(stage);
        stage.show();
        // Tab content is built when a tab is first selected and is in the scene only while selected: a test selects
        // the tab it looks into (tab(robot, id)), as a person would; tabs a test never opens are never built.
        return window;
    }

    public static MainWindow show(Stage stage, Path dataDir) {
        return show(stage, dataDir, FAST_SANDBOX, new AtomicReference<>());
    }

    public static void close(MainWindow window) throws InterruptedException {
        if (window != null) {
            CompletableFuture<Thread> t = new CompletableFuture<>();
            Platform.runLater(() -> t.complete(window.shutdown()));
            try {
                t.get(10, TimeUnit.SECONDS).join(10_000);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Waits until {@code condition} holds, looking on the FX thread: a look from the test thread (a lookup, a label's
     * text) walks the scene graph while the FX thread changes it, which failed under load with an
     * IndexOutOfBoundsException from a child list. So a condition must not wait for the FX thread itself.
     */
    public static void waitUntil(String what, Callable<Boolean> condition) {
        Callable<Boolean> onFxThread = () -> Platform.isFxApplicationThread() ? condition.call()
                : WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS);
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, onFxThread);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void tab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        // A long page's sections join it over a few pulses the first time it is shown (MainTabs.stageIn).
        waitUntil("the whole " + id + " page is shown", () -> MainTabs.complete(
                tabs.getSelectionModel().getSelectedItem().getContent()));
    }

    public static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        if (n instanceof Label l) {
            return l.getText();
        }
        if (n instanceof TextField f) {
            return f.getText();
        }
        if (n instanceof Button b) {
            return b.getText();
        }
        throw new IllegalArgumentException(query + " is a " + n.getClass().getSimpleName());
    }

    /** True when the node and every parent are visible and it is in a window (what a person can see). */
    public static boolean shown(Node node) {
        if (node == null || node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(UiTestSupport::shown).orElse(false);
    }

    /** Scrolls the page (as a person would) until {@code node} is in view, then returns it. */
    public static <N extends Node> N inView(FxRobot robot, N node) {
        robot.interact(() -> {
            Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                javafx.geometry.Bounds b = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double content = sp.getContent().getBoundsInLocal().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content > view) {
                    sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / (content - view))));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }

    /** The node for {@code query}, scrolled into view. */
    public static Node inView(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return inView(robot, n);
    }

    /**
     * Clicks a text field as a person would and types {@code text} into it: one key-typed event per character, sent
     * to whatever has the keyboard focus after the click, so a field that cannot be clicked, focused or edited gets
     * nothing and the test fails. Faster than {@code FxRobot.write}, which waits for the FX thread after every
     * character (about 80 ms each: a 28-character password cost over 2 s).
     */
    public static void type(FxRobot robot, Node field, String text) {
        typeAfterClick(robot, field, text, false);
    }

    /**
     * Waits until {@code node} is shown, laid out (it and every parent) and has kept the same place in the scene for
     * 100 ms (several pulses): a click aimed at a field that has just appeared lands where it was before layout (it
     * failed this way in ConnectTabUiTest under load, the click going to the pane around it).
     */
    public static void waitUntilLaidOutAndStill(Node node) {
        javafx.geometry.Bounds[] last = {null};
        long[] since = {0};
        waitUntil(node.getId() + " laid out and still", () -> {
            for (Node n = node; n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.Parent p && p.isNeedsLayout()) {
                    return false;
                }
            }
            javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
            long now = System.nanoTime();
            if (!shown(node) || b.getWidth() <= 0 || !b.equals(last[0])) {
                last[0] = b;
                since[0] = now;
                return false;
            }
            return now - since[0] >= 100_000_000L;
        });
    }

    /**
     * Double-clicks {@code node} as a person does: both presses reach the window back to back. TestFX's
     * {@code doubleClickOn} waits for the FX thread after each press and release; on a loaded machine the second press
     * then came more than the double-click time (500 ms, timed by the scene on the pulse clock) after the first, the
     * window saw two single clicks and nothing was chosen (FullRunUiTest, load 12-28).
     */
    public static void doubleClick(FxRobot robot, Node node) {
        robot.moveTo(node);
        org.testfx.robot.MouseRobot mouse = robot.robotContext().getMouseRobot();
        for (int i = 0; i < 2; i++) {
            mouse.pressNoWait(javafx.scene.input.MouseButton.PRIMARY);
            mouse.releaseNoWait(javafx.scene.input.MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@link #type(FxRobot, Node, String)} into the node for {@code query}, scrolled into view first. */
    public static void type(FxRobot robot, String query, String text) {
        type(robot, inView(robot, query), text);
    }

    /** Replaces a text field's content: click, select all (as Ctrl+A does), then type over the selection. */
    public static void retype(FxRobot robot, String query, String text) {
        typeAfterClick(robot, inView(robot, query), text, true);
    }

    private static void typeAfterClick(FxRobot robot, Node field, String text, boolean overAll) {
        waitUntilLaidOutAndStill(field);
        robot.clickOn(field);
        robot.interact(() -> {
            Node focused = field.getScene().getFocusOwner();
            if (focused != field) {
                throw new AssertionError("the click did not put the keyboard focus on " + field.getId()
                        + " but on " + (focused == null ? "nothing" : focused.getId()));
            }
            if (overAll) {
                ((javafx.scene.control.TextInputControl) field).selectAll();
            }
            for (int i = 0; i < text.length(); i++) {
                javafx.event.Event.fireEvent(focused, new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_TYPED, String.valueOf(text.charAt(i)), "",
                        javafx.scene.input.KeyCode.UNDEFINED, false, false, false, false));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Connect tab: the sandbox is preselected; press Sign in and wait until the org shows. */
    public static void signInToSandbox(FxRobot robot, MainWindow window) {
        tab(robot, "organizationTab");
        robot.clickOn("#signInButton");
        waitUntil("signed in", () -> window.session().connection() != null && shown(robot, "#signOutButton"));
    }

    /** The check bar: wait until no check runs (one may start by itself after an apply). */
    public static void waitUntilCheckEnds(FxRobot robot) {
        waitUntil("no check runs", () -> robot.lookup("#cancelCheckButton").queryButton().isDisabled());
    }

    /** The check bar: press Check my org and wait for the plan. */
    public static void checkMyOrg(FxRobot robot) {
        waitUntilCheckEnds(robot);
        MainWindow w = (MainWindow) robot.lookup("#mainTabs").query().getScene().getRoot().getProperties()
                .get(MainWindow.class);
        Object before = w.planModel().planProperty().get();
        robot.clickOn("#checkOrgButton");
        waitUntil("the plan is shown", () -> !w.planModel().checkingProperty().get()
                && (w.planModel().planProperty().get() != before || w.planModel().problemProperty().get() != null));
    }

    /**
     * The plan rows shown on every tab, by key: looks through the tabs one by one as a person would (only the selected
     * tab's content is in the scene), then goes back to the tab that was selected.
     */
    public static Map<String, PlanRow> planRows(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        Map<String, PlanRow> rows = new java.util.LinkedHashMap<>();
        String was = tabs.getSelectionModel().getSelectedItem().getId();
        for (String id : tabs.getTabs().stream().map(javafx.scene.control.Tab::getId).toList()) {
            tab(robot, id);
            robot.interact(() -> tabs.getSelectionModel().getSelectedItem().getContent().lookupAll(".plan-row")
                    .forEach(n -> rows.putIfAbsent(((PlanRow) n.getUserData()).key(), (PlanRow) n.getUserData())));
        }
        tab(robot, was);
        return rows;
    }

    public static List<String> rowsIn(FxRobot robot, Badge badge) {
        return rowsIn(planRows(robot), badge);
    }

    /** The keys of {@code rows} (from {@link #planRows}) that show {@code badge}. */
    public static List<String> rowsIn(Map<String, PlanRow> rows, Badge badge) {
        List<String> out = new ArrayList<>();
        rows.values().forEach(r -> {
            if (r.badge() == badge) {
                out.add(r.key());
            }
        });
        return out;
    }

    /** Review & apply tab: press Apply; create the vault (first time) or open it; wait for the confirmation. */
    public static void pressApplyAndOpenVault(FxRobot robot, boolean create) {
        tab(robot, "reviewTab");
        robot.clickOn(inView(robot, "#applyButton"));
        waitUntil("the vault window", () -> shown(robot, "#vaultSubmitButton")
                && robot.lookup("#vaultSubmitButton").queryButton().getText().equals(create ? "Create vault"
                : "Open vault"));
        type(robot, "#vaultPassword", PASSWORD);
        if (create) {
            type(robot, "#vaultPasswordRepeat", PASSWORD);
        }
        robot.clickOn("#vaultSubmitButton");
        waitUntil("the vault is open and apply asks", () -> shown(robot, "#confirmApplyButton")
                || robot.lookup("#applyHeadline").queryAs(Label.class).getText().startsWith("Everything is in place"));
    }

    /** Apply tab: confirm and wait until apply ends. */
    public static void confirmAndWait(FxRobot robot) {
        robot.clickOn(inView(robot, "#confirmApplyButton"));
        waitUntilApplyEnds(robot);
    }

    public static void waitUntilApplyEnds(FxRobot robot) {
        waitUntilApplyHeadlineEnds(robot);
        waitUntilCheckEnds(robot);
    }

    /**
     * Apply tab: waits until the headline says the apply ended, not for the check that may follow it (a test that
     * slowed the org down speeds it up again in between, or that check runs at the slow pace).
     */
    public static void waitUntilApplyHeadlineEnds(FxRobot robot) {
        waitUntil("apply ends", () -> {
            String h = robot.lookup("#applyHeadline").queryAs(Label.class).getText();
            return h.startsWith("Done") || h.startsWith("Everything") || h.startsWith("Cancelled")
                    || h.startsWith("Apply stopped");
        });
    }

    /** The Review page's form shows an OAuth client id for each of {@code names}, and for no other client. */
    public static void assertFormClientIds(FxRobot robot, List<String> names) {
        tab(robot, "reviewTab");
        for (String n : names) {
            String id = robot.lookup("#clientId-" + n).queryAs(TextField.class).getText();
            org.junit.jupiter.api.Assertions.assertTrue(id.matches("[0-9a-f-]{36}"), n + ": " + id);
        }
        org.junit.jupiter.api.Assertions.assertEquals(names.size(), robot.lookup(".read-only-field").queryAll()
                .stream().filter(x -> x.getId() != null && x.getId().startsWith("clientId-")).count());
    }

    /** The text on the system clipboard (read on the FX thread). */
    public static String clipboard() throws Exception {
        if (Platform.isFxApplicationThread()) {
            return Clipboard.getSystemClipboard().getString();
        }
        CompletableFuture<String> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(Clipboard.getSystemClipboard().getString()));
        return f.get(5, TimeUnit.SECONDS);
    }

    public static Sandbox sandbox(MainWindow window) {
        return window.session().connection().sandbox().orElseThrow();
    }

    static <T> T onFx(Supplier<T> s) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return s.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(s.get()));
        return f.get(5, TimeUnit.SECONDS);
    }
}
