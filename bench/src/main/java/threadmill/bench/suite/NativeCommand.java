package threadmill.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program outside the JVM (a build script, the native reference), run to its end: its
 * standard output as lines, the end of its standard error for messages, its exit code. A
 * program still running at its timeout is killed, and that is its failure.
 *
 * @param exitCode the program's exit code
 * @param stdout every line it printed on standard output
 * @param stderrTail the last lines it printed on standard error
 */
record NativeCommand(int exitCode, List<String> stdout, List<String> stderrTail) {

    private static final int STDERR_LINES_KEPT = 20;

    static NativeCommand run(List<String> command, Path directory, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, directory, timeout, STDERR_LINES_KEPT);
    }

    /** As {@link #run(List, Path, Duration)}, keeping the last {@code stderrLines} lines of standard error. */
    static NativeCommand run(List<String> command, Path directory, Duration timeout, int stderrLines)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        List<String> stdout = new ArrayList<>();
        List<String> stderr = new ArrayList<>();
        Thread out = Thread.ofPlatform().daemon().start(() -> readLines(process.getInputStream(), stdout, Integer.MAX_VALUE));
        Thread err = Thread.ofPlatform().daemon().start(() -> readLines(process.getErrorStream(), stderr,
                stderrLines));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            out.join();
            err.join();
            throw new IOException(String.join(" ", command) + " did not end within " + timeout.toSeconds()
                    + " s and was killed; its standard error ends: " + String.join(" | ", tail(stderr, STDERR_LINES_KEPT)));
        }
        out.join();
        err.join();
        synchronized (stdout) {
            synchronized (stderr) {
                return new NativeCommand(process.exitValue(), List.copyOf(stdout), tail(stderr, stderrLines));
            }
        }
    }

    /** The end of standard error as one line, for an error message. */
    String stderrLine() {
        return String.join(" | ", tail(stderrTail, STDERR_LINES_KEPT));
    }

    private static List<String> tail(List<String> lines, int kept) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - kept), lines.size()));
        }
    }

    /** Keeps the last {@code kept} lines, or all of them. */
    private static void readLines(InputStream in, List<String> lines, int kept) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    if (lines.size() > kept) {
                        lines.remove(0);
                    }
                }
            }
        } catch (IOException e) {
            // The process ended and closed its end: what was read is what there is.
        }
    }
}
