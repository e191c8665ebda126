package com.emite.setup.bench;

import com.emite.setup.genesys.CallStats;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The benchmarks' {@code --stats-out FILE} ({@link BenchCli}): at the end of a command, writes one JSON object with the
 * client's {@link CallStats}, the process's peak heap (sum of the heap memory pools' peak usage), its peak resident
 * set (VmHWM from /proc/self/status, where the OS has it), the wall time since the JVM started and since the command
 * started, and the exit code. Nothing is written when the option is absent. Holds no secrets.
 */
final class RunStats {
    private final Path file;
    private final long startNanos = System.nanoTime();
    private CallStats stats;

    private RunStats(Path file) {
        this.file = file;
    }

    /** A recorder for {@code --stats-out}'s value; a null file makes it do nothing. */
    static RunStats begin(String file) {
        return new RunStats(file == null ? null : Paths.get(file));
    }

    void track(CallStats callStats) {
        this.stats = callStats;
    }

    /** Writes the file (if asked for); a failure to write is reported on stderr and does not change the exit code. */
    void write(int exitCode, java.io.PrintStream err) {
        if (file == null) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("exitCode", exitCode);
        o.addProperty("wallMs", ManagementFactory.getRuntimeMXBean().getUptime());
        o.addProperty("commandMs", (System.nanoTime() - startNanos) / 1_000_000);
        o.addProperty("peakHeapBytes", peakHeapBytes());
        o.addProperty("maxHeapBytes", Runtime.getRuntime().maxMemory());
        o.addProperty("peakRssBytes", peakRssBytes());
        if (stats != null) {
            CallStats.Snapshot s = stats.snapshot();
            JsonObject c = new JsonObject();
            c.addProperty("calls", s.calls());
            c.addProperty("reads", s.reads());
            c.addProperty("writes", s.writes());
            c.addProperty("tokenCalls", s.tokenCalls());
            c.addProperty("retried", s.retried());
            c.addProperty("rateLimited", s.rateLimited());
            c.addProperty("serverErrors", s.serverErrors());
            c.addProperty("networkErrors", s.networkErrors());
            c.addProperty("reauthentications", s.reauthentications());
            c.addProperty("limiterWaitMs", s.limiterWait().toMillis());
            c.addProperty("retryAfterWaitMs", s.retryAfterWait().toMillis());
            c.addProperty("backoffWaitMs", s.backoffWait().toMillis());
            o.add("client", c);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("--stats-out: could not write " + file + " (" + e.getMessage() + ").");
        }
    }

    /** Sum over the heap pools of their peak usage since the JVM started. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** VmHWM (peak resident set) in bytes, or -1 where /proc/self/status does not exist. */
    static long peakRssBytes() {
        try {
            List<String> lines = Files.readAllLines(Paths.get("/proc/self/status"), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }
}
