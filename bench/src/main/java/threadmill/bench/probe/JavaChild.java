package threadmill.bench.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM for one measurement: the same JDK and class path as this one, the given flags,
 * a main class and its arguments. A fresh JVM per point keeps one point's heap, JIT state and
 * leftover threads out of the next, and lets each point have its own recorded flags.
 */
public record JavaChild(List<String> jvmFlags, String mainClass, List<String> args) {

    public JavaChild {
        jvmFlags = List.copyOf(jvmFlags);
        args = List.copyOf(args);
    }

    /** The {@code java} launcher of the JDK this JVM runs on. */
    public static Path javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher().toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Runs the child to its end, or kills it (and anything it started) after {@code timeout}.
     * Its standard output is collected line by line; its standard error goes to a temporary
     * file of which the last lines are kept for the error message.
     */
    public Outcome run(Duration timeout) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("threadmill-child-", ".err");
        try {
            Process process = new ProcessBuilder(command())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            List<String> stdout = new ArrayList<>();
            Thread reader = Thread.ofPlatform().daemon().name("child-stdout").start(() -> collect(process, stdout));
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            List<String> lines;
            synchronized (stdout) {
                lines = List.copyOf(stdout);
            }
            return new Outcome(finished ? process.exitValue() : null, lines, tail(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static void collect(Process process, List<String> into) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (into) {
                    into.add(line);
                }
            }
        } catch (IOException closedWhenKilled) {
            // The lines read so far are kept; a killed child is reported by its outcome.
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /**
     * How a child ended: its exit code (null when it was killed at the timeout), its standard
     * output and the tail of its standard error.
     */
    public record Outcome(Integer exitCode, List<String> stdout, String stderrTail) {

        public boolean timedOut() {
            return exitCode == null;
        }

        /** The last line of standard output that is a JSON object, or null. */
        public String lastJsonLine() {
            for (int i = stdout.size() - 1; i >= 0; i--) {
                if (stdout.get(i).startsWith("{")) {
                    return stdout.get(i);
                }
            }
            return null;
        }

        /** One line saying why the child produced no result. */
        public String failure(Duration timeout) {
            if (timedOut()) {
                return "killed after the timeout of " + timeout.toSeconds() + " s";
            }
            String lastError = stderrTail.isBlank() ? "no output" : stderrTail.strip().lines()
                    .filter(line -> !line.startsWith("\tat ")).reduce((first, second) -> second).orElse("");
            return "child JVM exited with code " + exitCode + ": " + lastError;
        }
    }
}
