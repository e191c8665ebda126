package com.emite.setup.ui;

import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.app.Diagnostics;
import com.emite.setup.ui.about.HelpMenu;
import com.emite.setup.ui.diagnose.DiagnoseItem;
import com.emite.setup.ui.apply.ApplyView;
import com.emite.setup.ui.apply.ApplyViewModel;
import com.emite.setup.ui.common.FxThread;
import com.emite.setup.ui.connect.ConnectView;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.SignInView;
import com.emite.setup.ui.connect.SignInViewModel;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
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
import com.emite.setup.provision.Identity;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.ui.clients.ClientsView;
import com.emite.setup.app.ErrorCode;
import com.emite.setup.app.Problems;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.groups.ApiUserDirectory;
import com.emite.setup.ui.groups.GroupsView;
import com.emite.setup.ui.groups.Person;
import com.emite.setup.ui.groups.UserPickerModel;
import com.emite.setup.ui.licences.LicencesView;
import com.emite.setup.ui.plan.CheckBar;
import com.emite.setup.ui.plan.PlanSectionsView;
import com.emite.setup.ui.review.ReviewView;
import com.emite.setup.ui.role.RoleView;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.stage.Stage;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The window's content: a tab per part of eMite's guide (Organization, Groups & users, Role & permissions, OAuth
 * clients & app, Licences, Review & apply) under the check bar, over shared session state, and the status bar.
 * Builds the view models from the {@link AppContext} and wires them together; holds no logic of its own.
 */
public final class MainWindow {
    private final AppContext ctx;
    private final Session session;
    private final ScheduledExecutorService timers;
    private final SecretClipboard secretClipboard;
    private final VaultLocker locker;
    private final TabPane tabs = new TabPane();
    private final ApplyViewModel apply;
    private final ApplyGuard guard;
    private final PlanViewModel plan;
    private final com.emite.setup.ui.licences.LicenceUpkeepModel upkeep;
    private com.emite.setup.ui.orgs.OrgsModel orgs;
    private final com.emite.setup.ui.common.DesktopPreferences prefs;
    private final Scene scene;

    public MainWindow(AppContext ctx) {
        this(ctx, com.emite.setup.ui.licences.UpkeepPorts.system());
    }

    /** @param upkeepPorts the OS scheduler and keychain the daily licence upkeep uses (tests: temporary ones) */
    public MainWindow(AppContext ctx, com.emite.setup.ui.licences.UpkeepPorts upkeepPorts) {
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
        PlanViewModel plan = new PlanViewModel(session, setup, ctx.executor(), locker::activity);
        FormViewModel form = new FormViewModel(session, setup, ctx.executor(), secretClipboard);
        ApplyViewModel apply = new ApplyViewModel(session, setup, plan, ctx.executor(), locker,
                outcome -> form.show(outcome.handover(), outcome.newSecrets()));
        this.apply = apply;
        this.upkeep = new com.emite.setup.ui.licences.LicenceUpkeepModel(session, setup, signInService, upkeepPorts,
                ctx.executor());
        this.plan = plan;
        this.prefs = new com.emite.setup.ui.common.DesktopPreferences(ctx.dataDir());
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

        Map<String, UserPickerModel> pickers = new LinkedHashMap<>();
        for (Needs.GroupNeed g : setup.needs().groups()) {
            pickers.put(g.name(), new UserPickerModel(g.name(), plan.members().get(g.name()), () -> {
                Connection c = session.connection();
                return c == null ? null : new ApiUserDirectory(setup.directory(c));
            }, ctx.executor()));
        }
        pickers.forEach((group, m) -> m.removals(plan.removals().get(group)));
        session.connectionProperty().addListener((obs, old, c) -> pickers.values().forEach(UserPickerModel::clear));
        // After each check: who is in each group now (the picker lists them, each can be taken out).
        plan.planProperty().addListener((obs, old, p) -> {
            Connection c = session.connection();
            if (p != null && c != null) {
                Tasks.create(task -> {
                            Map<String, List<Person>> now = new LinkedHashMap<>();
                            var dir = setup.directory(c);
                            for (String g : pickers.keySet()) {
                                now.put(g, dir.groupMembers(g).stream()
                                        .map(x -> new Person(x.name(), x.email())).toList());
                            }
                            return now;
                        })
                        .onSuccess(now -> {
                            if (session.connection() == c) {
                                now.forEach((g, people) -> pickers.get(g).current().setAll(people));
                            }
                        })
                        .onProblem(x -> { }) // the list is a convenience; the plan itself says what is missing
                        .runOn(ctx.executor());
            }
        });
        Runnable addMe = () -> addMe(plan, pickers.get(GroupsView.ACCESS_GROUP));

        Button next = new Button(Words.get("org.next"));
        next.setId("nextToPlanButton");
        next.getStyleClass().add("accent");
        next.setMnemonicParsing(true);
        next.setOnAction(e -> {
            plan.checkOrg();
            select("groupsTab");
        });
        next.visibleProperty().bind(session.signedIn());
        next.managedProperty().bind(session.signedIn());
        PlanSectionsView account = new PlanSectionsView(plan.sections().filtered(x -> x.step() <= 1));
        this.orgs = new com.emite.setup.ui.orgs.OrgsModel(session, ctx.executor());
        Node orgsPanel = new com.emite.setup.ui.orgs.OrgsView(orgs, () -> gate.whenOpen(window(), () -> { }),
                s -> continueWith(s, connect, signIn, gate)).root();
        javafx.beans.property.BooleanProperty haveOrgs = new javafx.beans.property.SimpleBooleanProperty(
                orgs.vaultOfOrgsExists());
        orgs.orgs().addListener((javafx.collections.ListChangeListener<Object>) c -> haveOrgs.set(
                haveOrgs.get() || !orgs.orgs().isEmpty()));
        com.emite.setup.ui.common.Ui.show(orgsPanel, haveOrgs);
        Node signInSection = new VBox(10, orgsPanel, new SignInView(signIn, ctx.links(), ctx.clipboard(),
                a -> guard.whenIdle("signOut", a)).root(), next, account);
        remembered(connect, signIn);

        Runnable startApply = () -> gate.whenOpen(window(), () -> {
            select("reviewTab");
            apply.start();
        });
        FormView.Actions formActions = new FormView.Actions() {
            @Override
            public void export() {
                ctx.folders().pick(window(), Words.get("form.exportFolder"), prefs.lastExportFolder())
                        .ifPresent(dir -> {
                            prefs.lastExportFolder(dir);
                            java.nio.file.Path target = form.exportTarget(dir);
                            if (java.nio.file.Files.exists(target) && !replace(target)) {
                                return;
                            }
                            gate.whenOpen(window(), () -> form.export(target));
                        });
            }

            @Override
            public void withVault(Runnable then) {
                gate.whenOpen(window(), then);
            }
        };
        tabs.getTabs().addAll(
                tab(plan, "tab.organization", "organizationTab", new int[]{0, 1},
                        () -> new ConnectView(connect, signInSection).root()),
                tab(plan, "tab.groups", "groupsTab", new int[]{2},
                        () -> new GroupsView(plan, pickers, addMe).root()),
                tab(plan, "tab.role", "roleTab", new int[]{3, 4}, () -> new RoleView(plan).root()),
                tab(plan, "tab.clients", "clientsTab", new int[]{5, 6},
                        () -> new ClientsView(plan, form, formActions).root()),
                tab(plan, "tab.licences", "licencesTab", new int[]{7}, () -> new LicencesView(plan, upkeep).root()),
                tab(plan, "tab.review", "reviewTab", new int[]{},
                        () -> new ReviewView(plan, new ApplyView(apply, plan.applyLabelProperty(),
                                plan.applyReasonProperty(), startApply, () -> select("reviewTab"),
                                ctx.clipboard()).root(), new FormView(form, formActions, ctx.clipboard()).root())
                                .root()));
        tabs.setId("mainTabs");
        wireUpkeep(plan);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane root = new BorderPane(tabs);
        javafx.scene.control.MenuItem logs = new javafx.scene.control.MenuItem(Words.get("menu.openLogs"));
        logs.setId("openLogsMenu");
        logs.setOnAction(e -> ctx.links().open(
                com.emite.setup.ui.common.LaunchLog.folder(ctx.dataDir()).toUri().toString()));
        javafx.scene.control.Menu help = new javafx.scene.control.Menu(Words.get("menu.help"), null, logs,
                DiagnoseItem.create(session, new Diagnostics(ctx.dataDir()), ctx.executor(), this::window),
                HelpMenu.aboutItem(this::window, this::stylesheets));
        javafx.scene.control.MenuBar menus = new javafx.scene.control.MenuBar(orgMenu(setup, gate, plan, signIn::signOut),
                help);
        menus.setId("menuBar");
        root.setTop(new VBox(menus, new CheckBar(plan, ctx.clipboard())));
        root.setBottom(new StatusBar(session, locker, a -> guard.whenIdle("lock", a)));
        root.getProperties().put(MainWindow.class, this);
        scene = new Scene(root, 1180, 760);
        scene.getStylesheets().add(EmiteSetupApp.stylesheet());
        scene.addEventFilter(InputEvent.ANY, e -> locker.activity());
    }

    /**
     * The Licences tab counts agents per division (one more pass over the users) only when it is looked at, after
     * each plan, and never while an apply runs (the two would share the org's request budget).
     */
    private void wireUpkeep(PlanViewModel plan) {
        Tab licences = tabs.getTabs().stream().filter(t -> "licencesTab".equals(t.getId())).findFirst().orElseThrow();
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
     * The Org menu: "Remove eMite from this org…" (the command line's {@code remove}, on the same engine). It needs
     * the vault (the journal knows what this app made) and waits while an apply runs.
     */
    private javafx.scene.control.Menu orgMenu(SetupService setup, VaultGate gate, PlanViewModel plan,
                                              Runnable signOut) {
        javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem();
        remove.setId("removeEmiteMenu");
        remove.textProperty().bind(Bindings.when(session.signedIn()).then(Words.get("remove.menuItem"))
                .otherwise(Words.get("remove.menuItemSignIn")));
        remove.disableProperty().bind(session.signedIn().not());
        remove.setOnAction(e -> guard.whenIdle("remove", () -> gate.whenOpen(window(), () -> {
            com.emite.setup.ui.remove.RemovalModel model = new com.emite.setup.ui.remove.RemovalModel(session,
                    setup, ctx.executor(), () -> {
                        plan.appliedSinceCheck();
                        upkeep.refresh();
                        orgs.reload();
                    });
            new com.emite.setup.ui.remove.RemovalDialog(model, window(), stylesheets()).show();
        })));
        javafx.scene.control.MenuItem switchOrg = new javafx.scene.control.MenuItem(Words.get("orgs.switch"));
        switchOrg.setId("switchOrgMenu");
        switchOrg.disableProperty().bind(session.signedIn().not());
        switchOrg.setOnAction(e -> guard.whenIdle("signOut", () -> {
            signOut.run();
            select("organizationTab");
        }));
        javafx.scene.control.Menu org = new javafx.scene.control.Menu(Words.get("remove.menu"), null, switchOrg,
                remove);
        org.setId("orgMenu");
        return org;
    }

    /**
     * "Continue with this org": its region and short name go into the Organization tab; when the vault keeps a
     * sign-in client for it, the window signs in with that (the vault opens first if it is closed).
     */
    private void continueWith(com.emite.setup.app.OrgSummaries.Summary org, ConnectViewModel connect,
                              SignInViewModel signIn, VaultGate gate) {
        if (org == null || session.connection() != null) {
            return;
        }
        if (org.region() != null && !connect.selectRegion(org.region())) {
            orgs.messageProperty().set(Words.get("orgs.unknownRegion", org.region()));
            return;
        }
        connect.shortNameProperty().set(org.shortName() == null ? "" : org.shortName());
        if (!org.signsInAlone()) {
            orgs.messageProperty().set(Words.get("orgs.signInToContinue", org.label()));
            return;
        }
        gate.whenOpen(window(), () -> session.vault().contents().findOrg(org.orgId())
                .flatMap(com.emite.setup.vault.OrgRecord::adminClient).ifPresent(a -> {
                    signIn.methodProperty().set(com.emite.setup.ui.connect.SignInChoice.CLIENT_CREDENTIALS);
                    signIn.clientIdProperty().set(a.clientId());
                    signIn.clientSecretProperty().set(a.secret().reveal()); // cleared by the sign-in
                    orgs.messageProperty().set(Words.get("orgs.signingIn", org.label()));
                    signIn.signIn();
                }));
    }

    /**
     * A relaunch starts where the admin last signed in (the region or custom address and the short name, from
     * {@code desktop.properties}: no secret); each sign-in remembers it again.
     */
    private void remembered(ConnectViewModel connect, SignInViewModel signIn) {
        prefs.lastTarget().filter(t -> !t.equals(com.emite.setup.ui.common.DesktopPreferences.SANDBOX))
                .ifPresent(connect::selectRegion);
        prefs.lastCustomEnvironment().ifPresent(e -> {
            signIn.customApiBaseProperty().set(e[0]);
            signIn.customLoginBaseProperty().set(e[1]);
            signIn.customEnvironmentProperty().set(true);
        });
        prefs.lastShortName().ifPresent(connect.shortNameProperty()::set);
        session.connectionProperty().addListener((obs, old, c) -> {
            if (c == null) {
                return;
            }
            var target = connect.selectedTargetProperty().get();
            boolean custom = !c.isSandbox() && signIn.customEnvironmentProperty().get();
            String shortName = connect.shortNameProperty().get().isBlank() ? c.org().shortName()
                    : connect.shortNameProperty().get();
            prefs.lastEnvironment(c.isSandbox() || target == null ? com.emite.setup.ui.common.DesktopPreferences.SANDBOX
                            : target.region().genesysRegionId(), custom ? signIn.customApiBaseProperty().get() : null,
                    custom ? signIn.customLoginBaseProperty().get() : null, shortName);
        });
    }

    /** The daily licence upkeep's state (tests wait on it). */
    com.emite.setup.ui.licences.LicenceUpkeepModel upkeepModel() {
        return upkeep;
    }

    /** Asks before an export replaces the files of an earlier one. */
    private boolean replace(java.nio.file.Path target) {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, Words.get("form.replaceText", target),
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        ask.setHeaderText(Words.get("form.replaceHeader"));
        ask.initOwner(window());
        return ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
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

    /** Proposes the signed-in admin for emite_Access (found by the signed-in user's e-mail). */
    private void addMe(PlanViewModel plan, UserPickerModel access) {
        Connection c = session.connection();
        if (c == null) {
            return;
        }
        Tasks.create(p -> {
                    Identity me = c.api().identity();
                    if (me.kind() != Identity.Kind.USER) {
                        return null;
                    }
                    return c.client().getUser(me.id()).email();
                })
                .onSuccess(email -> {
                    if (email == null) {
                        access.queryProperty().set("");
                        plan.problemProperty().set(Problems.of(ErrorCode.INPUT_INVALID,
                                Words.get("groups.addMeClient")));
                    } else {
                        access.choose(new Person(null, email));
                    }
                })
                .onProblem(plan.problemProperty()::set)
                .runOn(ctx.executor());
    }

    /**
     * A tab whose view is built when it is first shown. A TabPane lays out and styles every tab's content, so building
     * all four views up front doubled the time to the first window; the view models exist from the start, so a view
     * built later shows the same state.
     */
    private static Tab tab(PlanViewModel plan, String words, String id, int[] steps, Supplier<Node> content) {
        Tab t = new Tab();
        // The badge: how many of the plan's changes belong to this tab.
        t.textProperty().bind(Bindings.createStringBinding(() -> {
            Plan p = plan.planProperty().get();
            long n = p == null ? 0 : p.toApply().stream()
                    .filter(i -> java.util.Arrays.stream(steps).anyMatch(st -> st == i.step())).count();
            return n == 0 ? Words.get(words) : Words.get(words) + " (" + n + ")";
        }, plan.planProperty()));
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
