package threadmill.bench.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import threadmill.harness.ChildProcess;

/**
 * A measurement in a fresh JVM (same JDK and class path, its own recorded flags): the child
 * prints its result as one JSON line on standard output. A fresh JVM per point keeps one
 * point's heap, JIT state and leftover threads out of the next.
 */
public final class ChildRun {

    private static final int ERROR_CHARS = 600;

    private ChildRun() {
    }

    /**
     * Runs {@code mainClass} and returns the first line it prints that is a JSON object (JVM
     * warnings may come before it).
     *
     * @throws IOException when the child cannot start, ends without such a line, or prints
     *         none within {@code timeout} (it is then killed); the message has its stderr tail
     */
    public static String jsonLine(Class<?> mainClass, List<String> jvmFlags, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ChildProcess child = ChildProcess.start(mainClass, jvmFlags, args)) {
            while (true) {
                String line = child.nextLine(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (line.startsWith("{")) {
                    return line;
                }
            }
        }
    }

    /** A failure as one line of bounded length, for failures.jsonl. */
    public static String oneLine(Exception failure) {
        String text = String.valueOf(failure.getMessage()).replaceAll("\\s*\\R\\s*", " | ");
        return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS) + "...";
    }
}
