package com.emite.setup.ui;

import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.ui.apply.ApplyView;
import com.emite.setup.ui.apply.ApplyViewModel;
import com.emite.setup.ui.common.FxThread;
import com.emite.setup.ui.connect.ConnectView;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.SignInView;
import com.emite.setup.ui.connect.SignInViewModel;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.plan.PlanView;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.app.Connection;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SetupService;
import com.emite.setup.app.SignInService;
import com.emite.setup.ui.vault.VaultGate;
import com.emite.setup.ui.vault.VaultLocker;
import com.emite.setup.vault.SecretClipboard;
import com.emite.setup.vault.Ticker;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The window's content: a tab per step (Connect, Plan, Apply, Form) over shared session state, and the status bar.
 * Builds the view models from the {@link AppContext} and wires them together; holds no logic of its own.
 */
public final class MainWindow {
    private final AppContext ctx;
    private final Session session;
    private final ScheduledExecutorService timers;
    private final SecretClipboard secretClipboard;
    private final VaultLocker locker;
    private final TabPane tabs = new TabPane();
    private final Scene scene;

    public MainWindow(AppContext ctx) {
        this.ctx = ctx;
        this.session = new Session(ctx.dataDir());
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emite-timers");
            t.setDaemon(true);
            return t;
        });
        this.secretClipboard = new SecretClipboard(ctx.clipboard(), ctx.clipboardClearAfter(),
                Ticker.scheduled(timers, Platform::runLater));
        this.locker = new VaultLocker(session, secretClipboard, ctx.executor(), ctx.idleTimeout());
        SetupService setup = new SetupService(BlueprintNeeds.standard(), ctx.dataDir(), ctx.grantTimeout());

        ConnectViewModel connect = ConnectViewModel.standard(ctx.clipboard());
        connect.selectSandbox();
        SignInViewModel signIn = new SignInViewModel(connect, session, new SignInService(ctx.sandbox()),
                ctx.executor(), uri -> FxThread.run(() -> ctx.links().open(uri.toString())));
        PlanViewModel plan = new PlanViewModel(session, setup, ctx.executor(), locker::activity);
        FormViewModel form = new FormViewModel(session, setup, ctx.executor(), secretClipboard);
        ApplyViewModel apply = new ApplyViewModel(session, setup, plan, ctx.executor(), locker,
                outcome -> form.show(outcome.handover(), outcome.newSecrets()));
        signIn.signOutBlockedProperty().bind(apply.busyProperty().or(plan.checkingProperty()));
        plan.handoverProperty().addListener((obs, old, h) -> {
            if (h != null) {
                form.show(h, List.of());
            }
        });
        VaultGate gate = new VaultGate(session, ctx.executor(), ctx.kdf(), this::stylesheets, ctx.clipboard());

        Button next = new Button("Next: check my org");
        next.setId("nextToPlanButton");
        next.getStyleClass().add("accent");
        next.setOnAction(e -> select("planTab"));
        next.visibleProperty().bind(session.signedIn());
        next.managedProperty().bind(session.signedIn());
        Node signInSection = new VBox(10, new SignInView(signIn, ctx.links(), ctx.clipboard()).root(), next);

        Runnable startApply = () -> gate.whenOpen(window(), () -> {
            select("applyTab");
            apply.start();
        });
        tabs.getTabs().addAll(
                tab("Connect", "connectTab", () -> new ConnectView(connect, signInSection).root()),
                tab("Plan", "planTab", () -> new PlanView(plan, ctx.clipboard(), startApply).root()),
                tab("Apply", "applyTab", () -> new ApplyView(apply, plan.applyLabelProperty(), startApply,
                        () -> select("formTab"), ctx.clipboard()).root()),
                tab("Form", "formTab", () -> new FormView(form, new FormView.Actions() {
                    @Override
                    public void export() {
                        ctx.folders().pick(window(), "Choose a folder for the Integration Details Form")
                                .ifPresent(dir -> gate.whenOpen(window(), () -> form.export(dir)));
                    }

                    @Override
                    public void withVault(Runnable then) {
                        gate.whenOpen(window(), then);
                    }
                }, ctx.clipboard()).root()));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane root = new BorderPane(tabs);
        root.setBottom(new StatusBar(session, locker));
        scene = new Scene(root, 1180, 760);
        scene.getStylesheets().add(EmiteSetupApp.stylesheet());
        scene.addEventFilter(InputEvent.ANY, e -> locker.activity());
    }

    /**
     * A tab whose view is built when it is first shown. A TabPane lays out and styles every tab's content, so building
     * all four views up front doubled the time to the first window; the view models exist from the start, so a view
     * built later shows the same state.
     */
    private static Tab tab(String text, String id, Supplier<Node> content) {
        Tab t = new Tab(text);
        t.setId(id);
        t.setClosable(false);
        t.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && t.getContent() == null) {
                t.setContent(content.get());
            }
        });
        return t;
    }

    private void select(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private javafx.stage.Window window() {
        return scene.getWindow();
    }

    private List<String> stylesheets() {
        return List.copyOf(scene.getStylesheets());
    }

    public Scene scene() {
        return scene;
    }

    public Session session() {
        return session;
    }

    /**
     * Ends the session: clears a copied secret from the clipboard (FX thread), then closes the vault and signs out
     * (stopping the sandbox) on a worker thread that the JVM waits for. Returns that thread.
     */
    public Thread shutdown() {
        secretClipboard.close();
        locker.close();
        timers.shutdownNow();
        Vault v = session.vault();
        Connection c = session.connection();
        Thread t = new Thread(() -> {
            try {
                if (v != null) {
                    v.close();
                }
            } catch (VaultException e) {
                // Every change was saved when it was made.
            } finally {
                if (c != null) {
                    c.close();
                }
                if (ctx.executor() instanceof ExecutorService es) {
                    es.shutdownNow();
                }
            }
        }, "emite-shutdown");
        t.start();
        return t;
    }
}
