package com.emite.setup.bench;

import com.emite.setup.app.SetupService;
import com.emite.setup.app.SignInService;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.OrgApi;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.FxRun;
import com.emite.setup.ui.apply.ApplyPhase;
import com.emite.setup.ui.apply.ApplyViewModel;
import com.emite.setup.ui.common.UiExecutors;
import com.emite.setup.ui.connect.ConnectTarget;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.SignInChoice;
import com.emite.setup.ui.connect.SignInViewModel;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.vault.VaultDialogViewModel;
import com.emite.setup.ui.vault.VaultLocker;
import com.emite.setup.vault.ClipboardPort;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.SecretClipboard;
import com.google.gson.JsonObject;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The window's flow as a benchmark ({@code mvn -B -Pbench verify}; docs/BENCHMARKS.md, "The window's flow"): the
 * real view models of the Organization, plan, Apply and Form tabs (headless, Monocle; no robot, no human pauses)
 * sign in with client credentials to a standalone sandbox (20 divisions, 20,000 agents, the real 300/min limit, as
 * {@link SetupBenchmarkTest}'s sandbox A), check the org with WFM and all divisions, open a new vault, apply, and
 * read the org again at once as the window does after every apply.
 * <p>Prints two figures:
 * <ul>
 *   <li>{@code calls}: the sandbox's count of API requests (token requests left out) of check + apply, against
 *   {@link LowerBound} of the command line's first apply on the same org (goal ≤ 1.1 ×);</li>
 *   <li>{@code silent_ms}: the longest time nothing the admin reads changed (the check's progress line, the apply's
 *   headline, current step, detail line with its rate-limit countdown, progress bar, finished steps, summary), from
 *   pressing Check to the end of the apply (goal ≤ 2 s), and the same up to the end of the re-read after it.</li>
 * </ul>
 * The call split per phase comes from the client's own count, read on the FX thread at the moment each phase ends.
 */
@Tag("bench")
class WindowFlowBenchmarkTest {
    private static final int RATE = Integer.getInteger("bench.rateLimit", 300);
    private static final int DIVISIONS = Integer.getInteger("bench.divisions", 20);
    private static final int AGENTS = Integer.getInteger("bench.agents", 20_000);
    private static final int LATENCY_MS = Integer.getInteger("bench.latencyMs", 50);
    private static final int SEARCH_LAG_MS = Integer.getInteger("bench.searchLagMs", 2000);
    private static final int GRANT_LAG_MS = Integer.getInteger("bench.grantLagMs", 3000);
    private static final long SEED = Long.getLong("bench.seed", 42L);
    private static final Duration TIMEOUT = Duration.ofMinutes(Integer.getInteger("bench.window.timeoutMin", 30));

    private final Needs needs = BlueprintNeeds.standard();
    /** FX-thread times (ns) at which something the admin reads changed. */
    private final List<Long> changes = new ArrayList<>();

    @Test
    void checkAndApplyInTheWindow() throws Exception {
        FxRun.toolkit();
        Path work = ScratchDirs.create("emite-bench-window");
        String cp = SetupBenchmarkTest.testClassPath();
        try (SetupBenchmarkTest.SandboxProcess sb = SetupBenchmarkTest.SandboxProcess.start(cp,
                work.resolve("sandbox.log"), SEED, DIVISIONS, AGENTS, RATE, LATENCY_MS, SEARCH_LAG_MS,
                GRANT_LAG_MS)) {
            MeasuredOrg fresh = new FactsReader(sb.url, sb.adminId, sb.adminSecret).read(needs);
            run(sb, work.resolve("data"), fresh);
        }
    }

    private void run(SetupBenchmarkTest.SandboxProcess sb, Path data, MeasuredOrg fresh) throws Exception {
        Files.createDirectories(data);
        ExecutorService executor = UiExecutors.background();
        Models m = FxRun.fx(() -> new Models(data, executor));
        try {
            sb.resetStats();
            FxRun.fx(() -> {
                ConnectTarget target = m.connect.targets().stream()
                        .filter(t -> t instanceof ConnectTarget.RegionTarget r && r.region().genesysRegionId().equals(
                                "ap-southeast-2")).findFirst().orElseThrow();
                m.connect.selectedTargetProperty().set(target);
                m.signIn.customEnvironmentProperty().set(true);
                m.signIn.customApiBaseProperty().set(sb.url);
                m.signIn.customLoginBaseProperty().set(sb.url);
                m.signIn.methodProperty().set(SignInChoice.CLIENT_CREDENTIALS);
                m.signIn.clientIdProperty().set(sb.adminId);
                m.signIn.clientSecretProperty().set(sb.adminSecret);
                m.signIn.signIn();
            });
            waitFor("signed in", () -> m.session.connection() != null, () -> String.valueOf(
                    m.signIn.problemProperty().get()));
            long signInCalls = calls(sb);

            // The vault is opened before the check here (as after an earlier run); the flow where it is created
            // at Apply reuses the check's plan too (ApplyPlanReuseTest).
            VaultDialogViewModel vault = FxRun.fx(() -> new VaultDialogViewModel(m.session, executor,
                    KdfParams.argon2id(1024, 1, 1), m.session.vaultFile()));
            FxRun.fx(vault::look);
            waitFor("vault looked up", () -> vault.modeProperty().get() == VaultDialogViewModel.Mode.CREATE,
                    () -> String.valueOf(vault.modeProperty().get()));
            FxRun.fx(() -> {
                vault.passwordProperty().set("bench window vault password");
                vault.repeatProperty().set("bench window vault password");
                vault.submit();
            });
            waitFor("vault open", () -> m.session.vault() != null, () -> String.valueOf(
                    vault.problemProperty().get()));
            sb.resetStats();

            AtomicReference<OrgApi.CallCount> atApplied = new AtomicReference<>();
            AtomicReference<Long> appliedAt = new AtomicReference<>();
            AtomicReference<Long> reReadAt = new AtomicReference<>();
            OrgApi api = m.session.connection().api();
            OrgApi.CallCount start = api.calls();
            long pressed = FxRun.fx(() -> {
                watch(m);
                m.plan.withWfmProperty().set(true);
                // No human pauses: Apply as soon as the check ends, confirm as soon as asked.
                m.plan.checkingProperty().addListener((o, was, now) -> {
                    if (was && !now && appliedAt.get() == null && m.apply.phaseProperty().get() == ApplyPhase.IDLE) {
                        Platform.runLater(m.apply::start);
                    } else if (was && !now && appliedAt.get() != null && reReadAt.get() == null) {
                        reReadAt.set(System.nanoTime());
                    }
                });
                m.apply.phaseProperty().addListener((o, was, now) -> {
                    if (now == ApplyPhase.CONFIRM) {
                        Platform.runLater(m.apply::confirm);
                    } else if (now == ApplyPhase.FINISHED || now == ApplyPhase.FAILED) {
                        atApplied.set(api.calls());
                        appliedAt.set(System.nanoTime());
                    }
                });
                long t = System.nanoTime();
                changes.add(t);
                m.plan.checkOrg();
                return t;
            });
            long t0 = System.nanoTime();
            waitFor("apply finished and the org read again", () -> reReadAt.get() != null,
                    () -> m.apply.headlineProperty().get() + " / " + m.apply.detailProperty().get());
            long wallNs = appliedAt.get() - pressed;
            assertEquals(ApplyPhase.FINISHED, FxRun.fx(() -> m.apply.phaseProperty().get()),
                    () -> m.apply.headlineProperty().get());
            JsonObject server = sb.stats();
            long serverCalls = server.get("totalRequests").getAsLong() - server.get("tokenCalls").getAsLong();
            OrgApi.CallCount all = api.calls().minus(start);
            OrgApi.CallCount checkAndApply = atApplied.get().minus(start);
            LowerBound.Result lower = LowerBound.of(fresh, needs, true, true);
            long silentApply;
            long silentAll;
            synchronized (changes) {
                silentApply = longestGap(changes, pressed, appliedAt.get());
                silentAll = longestGap(changes, pressed, reReadAt.get());
            }
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            System.out.println();
            System.out.println(String.format(Locale.ROOT, "bench window-check-apply calls=%d lower=%d ratio=%.2f "
                            + "silent_ms=%d wall_s=%.1f bound_s=%.1f (rate %d/min, %d divisions, %d agents, latency %d "
                            + "ms; load %s)", checkAndApply.total(), lower.total(),
                    checkAndApply.total() / (double) lower.total(), silentApply / 1_000_000, wallNs / 1e9,
                    checkAndApply.total() * 60.0 / RATE, RATE, DIVISIONS, AGENTS, LATENCY_MS, load));
            System.out.println(String.format(Locale.ROOT, "bench-detail window sign_in_calls=%d "
                            + "check_apply_reads=%d check_apply_writes=%d re_read_calls=%d server_calls_after_sign_in=%d "
                            + "client_calls_after_sign_in=%d silent_ms_incl_re_read=%d fx_changes=%d total_s=%.1f",
                    signInCalls, checkAndApply.reads(), checkAndApply.writes(), all.total() - checkAndApply.total(),
                    serverCalls, all.total(), silentAll / 1_000_000, changes.size(),
                    (System.nanoTime() - t0) / 1e9));
            System.out.println("bench-lower window " + lower.describe());
            System.out.flush();
        } finally {
            FxRun.fx(() -> m.signIn.signOut());
            m.locker.close();
            executor.shutdownNow();
        }
    }

    /** The sandbox's requests since the last reset, the token requests left out. */
    private static long calls(SetupBenchmarkTest.SandboxProcess sb) throws Exception {
        JsonObject s = sb.stats();
        return s.get("totalRequests").getAsLong() - s.get("tokenCalls").getAsLong();
    }

    /** Records the time of every change the admin could see on the plan and Apply tabs (FX thread). */
    private void watch(Models m) {
        List<ObservableValue<?>> shown = List.of(m.plan.progressTextProperty(), m.plan.summaryProperty(),
                m.apply.headlineProperty(), m.apply.currentStepProperty(), m.apply.detailProperty(),
                m.apply.progressProperty(), m.apply.phaseProperty());
        for (ObservableValue<?> v : shown) {
            v.addListener((o, was, now) -> changed());
        }
        List<ObservableList<?>> lists = List.of(m.apply.finished(), m.apply.changes());
        for (ObservableList<?> l : lists) {
            l.addListener((ListChangeListener<Object>) c -> changed());
        }
    }

    private void changed() {
        synchronized (changes) {
            changes.add(System.nanoTime());
        }
    }

    /** The longest stretch between two visible changes within [from, to]. */
    static long longestGap(List<Long> times, long from, long to) {
        long longest = 0;
        long last = from;
        for (long t : times.stream().sorted().toList()) {
            if (t < from || t > to) {
                continue;
            }
            longest = Math.max(longest, t - last);
            last = t;
        }
        return Math.max(longest, to - last);
    }

    private static void waitFor(String what, BooleanSupplier done, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!FxRun.fx(done::getAsBoolean)) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for: " + what + " (" + FxRun.fx(state::get) + ")");
            }
            Thread.sleep(200); // polling a condition; the measured times are taken on the FX thread
        }
    }

    /** The view models wired as the window wires them (MainWindow), on a background executor. */
    private static final class Models {
        final Session session;
        final ConnectViewModel connect;
        final SignInViewModel signIn;
        final PlanViewModel plan;
        final ApplyViewModel apply;
        final VaultLocker locker;

        Models(Path data, ExecutorService executor) {
            session = new Session(data);
            SecretClipboard clipboard = new SecretClipboard(new NoClipboard(), Duration.ofSeconds(30),
                    (period, task) -> () -> { });
            locker = new VaultLocker(session, clipboard, executor, Duration.ofMinutes(30));
            SetupService setup = new SetupService(BlueprintNeeds.standard(), data, Duration.ofSeconds(60));
            connect = ConnectViewModel.standard(text -> { });
            signIn = new SignInViewModel(connect, session, new SignInService(SignInService.DEMO_SANDBOX), executor,
                    uri -> { });
            plan = new PlanViewModel(session, setup, executor, locker::activity);
            FormViewModel form = new FormViewModel(session, setup, executor, clipboard);
            apply = new ApplyViewModel(session, setup, plan, executor, locker,
                    o -> form.show(o.handover(), o.newSecrets()));
        }
    }

    private static final class NoClipboard implements ClipboardPort {
        @Override
        public void putText(String text, List<Hint> hints) {
        }

        @Override
        public String getText() {
            return null;
        }

        @Override
        public void clear() {
        }
    }
}
