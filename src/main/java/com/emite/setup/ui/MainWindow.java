package com.emite.setup.ui;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SetupService;
import com.emite.setup.app.SignInService;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.ui.apply.ApplyView;
import com.emite.setup.ui.apply.ApplyViewModel;
import com.emite.setup.ui.clients.ClientsView;
import com.emite.setup.ui.common.DesktopPreferences;
import com.emite.setup.ui.common.FxThread;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.connect.ConnectView;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.SignInView;
import com.emite.setup.ui.connect.SignInViewModel;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.groups.GroupsView;
import com.emite.setup.ui.licences.LicenceUpkeepModel;
import com.emite.setup.ui.licences.LicencesView;
import com.emite.setup.ui.licences.UpkeepPorts;
import com.emite.setup.ui.orgs.OrgsModel;
import com.emite.setup.ui.orgs.OrgsView;
import com.emite.setup.ui.plan.CheckBar;
import com.emite.setup.ui.plan.PlanSectionsView;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.ui.review.ReviewView;
import com.emite.setup.ui.role.RoleView;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.startup.LazyNode;
import com.emite.setup.ui.vault.VaultGate;
import com.emite.setup.ui.vault.VaultLocker;
import com.emite.setup.vault.SecretClipboard;
import com.emite.setup.vault.Ticker;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The window's content: a tab per part of eMite's guide (Organization, Groups & users, Role & permissions, OAuth
 * clients & app, Licences, Review & apply) under the menus and the check bar, over shared session state, and the
 * status bar. Builds the view models from the {@link AppContext} and wires them together; holds no logic of its own.
 * The parts have their own classes: {@link MainTabs} (the tabs and when their content exists), {@link MainMenus},
 * {@link GroupPickers}, {@link ReturningOrg}, {@link FormExport}, {@link ApplyGuard} (leaving during an apply).
 */
public final class MainWindow {
    private final AppContext ctx;
    private final Session session;
    private final ScheduledExecutorService timers;
    private final SecretClipboard secretClipboard;
    private final VaultLocker locker;
    private final ApplyViewModel apply;
    private final ApplyGuard guard;
    private final PlanViewModel plan;
    private final LicenceUpkeepModel upkeep;
    private final DesktopPreferences prefs;
    private final MainTabs tabs;
    private final Scene scene;

    public MainWindow(AppContext ctx) {
        this(ctx, UpkeepPorts.system());
    }

    /** @param upkeepPorts the OS scheduler and keychain the daily licence upkeep uses (tests: temporary ones) */
    public MainWindow(AppContext ctx, UpkeepPorts upkeepPorts) {
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
        SignInService signInService = new SignInService(ctx.sandbox()).keepingSizeLimitsIn(ctx.dataDir());
        SignInViewModel signIn = new SignInViewModel(connect, session, signInService,
                ctx.executor(), uri -> FxThread.run(() -> ctx.links().open(uri.toString())));
        this.plan = new PlanViewModel(session, setup, ctx.executor(), locker::activity);
        FormViewModel form = new FormViewModel(session, setup, ctx.executor(), secretClipboard);
        this.apply = new ApplyViewModel(session, setup, plan, ctx.executor(), locker,
                outcome -> form.show(outcome.handover(), outcome.newSecrets()));
        this.upkeep = new LicenceUpkeepModel(session, setup, signInService, upkeepPorts, ctx.executor());
        this.prefs = new DesktopPreferences(ctx.dataDir());
        // After the plan model's own reset (listeners run in order): the remembered WFM choice comes back.
        session.connectionProperty().addListener((obs, old, c) -> plan.withWfmProperty().set(prefs.withWfm()));
        plan.applyingProperty().bind(apply.busyProperty());
        plan.handoverProperty().addListener((obs, old, h) -> {
            if (h != null) {
                form.show(h, List.of());
            }
        });
        VaultGate gate = new VaultGate(session, ctx.executor(), ctx.kdf(), this::stylesheets, ctx.clipboard());
        guard = new ApplyGuard(apply, this::window);
        GroupPickers pickers = new GroupPickers(session, setup, plan, ctx.executor());
        OrgsModel orgs = new OrgsModel(session, ctx.executor());
        ReturningOrg returning = new ReturningOrg(session, connect, signIn, prefs);
        tabs = new MainTabs(plan);

        Node signInSection = new VBox(10, orgsPanel(orgs, returning, gate), new SignInView(signIn, ctx.links(),
                ctx.clipboard(), a -> guard.whenIdle("signOut", a)).root(), nextButton());
        Node orgStep = new PlanSectionsView(plan.sections().filtered(x -> x.step() <= 1));
        returning.remembered();
        FormExport formActions = new FormExport(ctx, form, prefs, gate, this::window);
        Runnable startApply = () -> gate.whenOpen(window(), () -> {
            tabs.select("reviewTab");
            apply.start();
        });
        tabs.add("tab.organization", "organizationTab", new int[]{0, 1},
                () -> new ConnectView(connect, signInSection, orgStep).root());
        tabs.add("tab.groups", "groupsTab", new int[]{2},
                () -> new GroupsView(plan, pickers.byGroup(), pickers::addMe, pickers.addMeReason()).root());
        tabs.add("tab.role", "roleTab", new int[]{3, 4}, () -> new RoleView(plan).root());
        tabs.add("tab.clients", "clientsTab", new int[]{5, 6}, () -> new ClientsView(plan, form, formActions).root());
        tabs.add("tab.licences", "licencesTab", new int[]{7}, () -> new LicencesView(plan, upkeep).root());
        tabs.add("tab.review", "reviewTab", new int[]{}, () -> new ReviewView(plan, new ApplyView(apply,
                plan.applyLabelProperty(), plan.applyReasonProperty(), startApply, () -> tabs.select("reviewTab"),
                ctx.clipboard()).root(), new FormView(form, formActions, ctx.clipboard()).root()).root());
        countAgentsWhenLookedAt();

        BorderPane root = new BorderPane(tabs.pane());
        root.setTop(new VBox(MainMenus.create(new MainMenus.Parts(ctx, session, setup, plan, upkeep, orgs, gate, guard,
                signIn::signOut, tabs::select, this::window, this::stylesheets)), new CheckBar(plan, ctx.clipboard())));
        root.setBottom(new StatusBar(session, locker, a -> guard.whenIdle("lock", a)));
        root.getProperties().put(MainWindow.class, this);
        scene = new Scene(root, 1180, 760);
        scene.getStylesheets().add(EmiteSetupApp.stylesheet());
        scene.addEventFilter(InputEvent.ANY, e -> locker.activity());
    }

    /** "Next: check my org", shown once signed in. */
    private Button nextButton() {
        Button next = new Button(Words.get("org.next"));
        next.setId("nextToPlanButton");
        next.getStyleClass().add("accent");
        next.setMnemonicParsing(true);
        next.setOnAction(e -> {
            plan.checkOrg();
            tabs.select("groupsTab");
        });
        next.visibleProperty().bind(session.signedIn());
        next.managedProperty().bind(session.signedIn());
        return next;
    }

    /**
     * "Your orgs in this vault", once there is a vault of orgs. Built only then: on a first launch it would cost the
     * first window the styling of a table nobody sees.
     */
    private Node orgsPanel(OrgsModel orgs, ReturningOrg returning, VaultGate gate) {
        BooleanProperty haveOrgs = new SimpleBooleanProperty(orgs.vaultOfOrgsExists());
        orgs.orgs().addListener((ListChangeListener<Object>) c -> haveOrgs.set(haveOrgs.get() || !orgs.orgs().isEmpty()));
        return LazyNode.when(haveOrgs, () -> new OrgsView(orgs, () -> gate.whenOpen(window(), () -> { }),
                s -> returning.continueWith(s, orgs, gate, this::window)).root());
    }

    /**
     * The Licences tab counts agents per division (one more pass over the users) only when it is looked at, after
     * each plan, and never while an apply runs (the two would share the org's request budget).
     */
    private void countAgentsWhenLookedAt() {
        Tab licences = tabs.tab("licencesTab").orElseThrow();
        Runnable count = () -> {
            if (licences.isSelected() && plan.planProperty().get() != null && !plan.applyingProperty().get()) {
                upkeep.countAgents(false);
            }
        };
        licences.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                upkeep.refresh(); // a scheduled run may have written a report since
            }
            count.run();
        });
        plan.planProperty().addListener((obs, old, p) -> {
            upkeep.countsStale();
            upkeep.refresh();
            count.run();
        });
        plan.applyingProperty().addListener((obs, was, now) -> count.run());
    }

    /**
     * Closing the window asks first while an apply runs, and closes only once the apply has stopped. The window's
     * size is remembered for the next launch.
     */
    public void install(Stage stage) {
        stage.setWidth(prefs.width(stage.getWidth() > 0 ? stage.getWidth() : 1180));
        stage.setHeight(prefs.height(stage.getHeight() > 0 ? stage.getHeight() : 760));
        stage.setOnHidden(e -> {
            prefs.size(stage.getWidth(), stage.getHeight());
            prefs.withWfm(plan.withWfmProperty().get());
            prefs.save();
        });
        stage.setOnCloseRequest(e -> {
            if (apply.busyProperty().get()) {
                e.consume();
                guard.whenIdle("close", stage::close);
            }
        });
    }

    /** The daily licence upkeep's state (tests wait on it). */
    LicenceUpkeepModel upkeepModel() {
        return upkeep;
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

    /** The plan's state (tests wait on it rather than on words on the screen). */
    PlanViewModel planModel() {
        return plan;
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
