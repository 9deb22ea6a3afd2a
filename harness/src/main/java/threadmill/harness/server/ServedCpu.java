package threadmill.harness.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import threadmill.harness.JsonLines;

/**
 * What a server process has cost so far, as it reports it itself: one JSON line on stdout,
 * for a reader on another host, where {@code /proc/<pid>/stat} of the server is out of reach.
 * Subtract a line printed before a load from one printed after it, and divide by the
 * requests the load side counted: the server's CPU per request.
 *
 * @param kind {@value #NOW} (asked for by a line on stdin) or {@value #STOPPED} (stdin ended)
 * @param processCpuNanos user plus system CPU of the whole process since it started
 *        ({@link ProcessCpu}); null where it cannot be read
 * @param servingNanos time since the server started listening
 */
public record ServedCpu(String kind, Long processCpuNanos, long servingNanos) {

    public static final String NOW = "cpu";
    public static final String STOPPED = "stopped";

    /**
     * Prints a {@value #NOW} line for every line read from {@code in}, and a {@value #STOPPED}
     * line when it ends (the parent closed it or is gone); returns then.
     */
    public static void reportUntilEndOfInput(InputStream in, PrintStream out) {
        long start = System.nanoTime();
        ProcessCpu cpu = ProcessCpu.of(ProcessHandle.current().pid());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            while (lines.readLine() != null) {
                print(out, NOW, cpu, start);
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone, which is the signal to stop.
        }
        print(out, STOPPED, cpu, start);
    }

    private static void print(PrintStream out, String kind, ProcessCpu cpu, long start) {
        out.println(JsonLines.write(new ServedCpu(kind, cpu == null ? null : cpu.nanos(), System.nanoTime() - start)));
        out.flush();
    }
}
