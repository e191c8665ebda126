package com.emite.setup.schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the scheduler's own tools (systemctl, crontab, schtasks, launchctl); tests put a recorder in its place. */
public interface CommandRunner {

    /** What a tool answered: its exit code and what it printed (standard output and error together). */
    record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code argv} with {@code input} on its standard input (null for none).
     *
     * @throws IOException when the tool is missing or does not finish within a minute
     */
    Result run(List<String> argv, String input) throws IOException;

    /** The real thing: a child process, never a shell, so no argument is ever re-parsed. */
    static CommandRunner system() {
        return (argv, input) -> {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream s = p.getInputStream()) {
                s.transferTo(out);
            }
            try {
                if (!p.waitFor(1, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IOException(argv.get(0) + " did not finish within a minute");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("stopped while waiting for " + argv.get(0), e);
            }
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        };
    }
}
