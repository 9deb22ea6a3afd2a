package threadmill.harness.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import threadmill.harness.CommandLine;
import threadmill.harness.JsonLines;
import threadmill.harness.server.ProcessCpu;

/**
 * The load side of a steady-state server measurement, as a process of its own (so it can run
 * on CPUs of its own, or on another host):
 * <pre>SteadyLoad host:port --connections C --payload P [--selectors S] [--server-pid PID]</pre>
 * opens the C connections once, sends one round trip on each (so that every one is accepted
 * and served before anything is measured), prints a {@code ready} {@link Report} and then runs
 * one window per command line read from stdin, on the same connections:
 * <pre>
 * closed &lt;millis&gt;          closed loop: each connection sends when its last echo arrived
 * open &lt;rate&gt; &lt;millis&gt;     open loop: rate requests/s over all connections, on a fixed schedule
 * collect                  a full collection of this JVM's heap, now, between windows
 * </pre>
 * each window answered by one {@code window} Report line, a collection by a {@code collected}
 * one. A collection asked for before a window keeps the generator's own collections, which
 * stop its event loop for as long as they take and would be charged to the server as latency,
 * out of the window: a window allocates far less than the young generation holds. With
 * {@code --server-pid}, the server's CPU time ({@link ProcessCpu}) is read right before each
 * window starts and right after its last echo, so a window's CPU and its requests cover the same interval. The end of stdin closes
 * the connections and ends the process. Bad arguments or a bad command: one line on stderr,
 * exit code 2; a target that cannot be reached: exit code 1.
 */
public final class SteadyLoad {

    /** The command that asks for a collection between windows. */
    static final String COLLECT = "collect";
    static final String USAGE = "SteadyLoad host:port --connections C --payload P [--selectors S] [--server-pid PID]";

    private SteadyLoad() {
    }

    /**
     * One line of output.
     *
     * @param kind {@value #READY} once connected, then {@value #WINDOW} per window and
     *        {@value #COLLECTED} per collection
     * @param mode {@code closed} or {@code open}; null for ready
     * @param ratePerSecond the open loop's rate; null otherwise
     * @param askedNanos the window's length as asked (issuing stops then; the last echoes may
     *        come later, see {@link LoadResult#wallNanos()})
     * @param serverCpuNanos the server's user plus system CPU over the window; null without
     *        {@code --server-pid} or when it could not be read
     * @param liveConnections connections still open after the window (or after connecting)
     * @param result what the window measured; null for ready
     */
    public record Report(String kind, String mode, Double ratePerSecond, Long askedNanos, Long serverCpuNanos,
                         int liveConnections, LoadResult.Line result) {

        public static final String READY = "ready";
        public static final String WINDOW = "window";
        public static final String COLLECTED = "collected";

        public static Report parse(String json) {
            return JsonLines.parse(json, Report.class);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine line;
        try {
            line = new CommandLine(args, "connections", "payload", "selectors", "server-pid");
            if (line.positionals() != 1) {
                throw new IllegalArgumentException("expected one target host:port, got " + line.positionals());
            }
            CommandLine.address(line.positional(0, null));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        try (LoadSession session = LoadSession.connect(CommandLine.address(line.positional(0, null)),
                line.integer("connections", 0), line.integer("payload", 0),
                line.integer("selectors", Load.defaultSelectorThreads()))) {
            Long pid = line.wholeNumber("server-pid");
            ProcessCpu serverCpu = pid == null ? null : ProcessCpu.of(pid);
            session.warmUp(1);
            PrintStream out = System.out;
            print(out, new Report(Report.READY, null, null, null, null, session.liveConnections(), null));
            serve(session, serverCpu, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        } catch (IOException | RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Runs a window per command until the commands end. */
    static void serve(LoadSession session, ProcessCpu serverCpu, BufferedReader commands, PrintStream out)
            throws IOException, InterruptedException {
        for (String command; (command = commands.readLine()) != null; ) {
            if (command.isBlank()) {
                continue;
            }
            if (command.strip().equals(COLLECT)) {
                System.gc();
                print(out, new Report(Report.COLLECTED, null, null, null, null, session.liveConnections(), null));
                continue;
            }
            Window window = Window.parse(command);
            Long cpuBefore = serverCpu == null ? null : serverCpu.nanos();
            LoadResult result = window.open()
                    ? session.openFor(window.ratePerSecond(), window.length())
                    : session.closedFor(window.length());
            Long cpuAfter = serverCpu == null ? null : serverCpu.nanos();
            Long cpu = cpuBefore == null || cpuAfter == null ? null : cpuAfter - cpuBefore;
            print(out, new Report(Report.WINDOW, window.open() ? "open" : "closed",
                    window.open() ? window.ratePerSecond() : null, window.length().toNanos(), cpu,
                    session.liveConnections(), result.toLine()));
        }
    }

    private static void print(PrintStream out, Report report) {
        out.println(JsonLines.write(report));
        out.flush();
    }

    private static void usage(String message) {
        System.err.println(message);
        System.err.println("usage: " + USAGE);
        System.exit(2);
    }

    /** One command: a window's mode, rate and length. */
    record Window(boolean open, double ratePerSecond, Duration length) {

        /** The most a window may last: a typo of a few zeros must not hold a run for a day. */
        static final Duration MAX_LENGTH = Duration.ofHours(1);

        /** The command that asks for this window. */
        String command() {
            return open ? "open " + ratePerSecond + " " + length.toMillis() : "closed " + length.toMillis();
        }

        static Window closed(Duration length) {
            return new Window(false, 0, length);
        }

        static Window open(double ratePerSecond, Duration length) {
            return new Window(true, ratePerSecond, length);
        }

        /**
         * {@code closed <millis>} or {@code open <rate> <millis>}.
         *
         * @throws IllegalArgumentException quoting the command and saying what is allowed
         */
        static Window parse(String command) {
            String[] words = command.trim().split("\\s+");
            try {
                if (words[0].equals("closed") && words.length == 2) {
                    return new Window(false, 0, length(words[1])).checked(command);
                }
                if (words[0].equals("open") && words.length == 3) {
                    return new Window(true, Double.parseDouble(words[1]), length(words[2])).checked(command);
                }
            } catch (NumberFormatException e) {
                // Falls through to the one message.
            }
            throw new IllegalArgumentException("command '" + command.strip() + "' is not 'closed <millis>',"
                    + " 'open <requests per second> <millis>' or '" + COLLECT + "', with a length of 1 ms to "
                    + MAX_LENGTH.toMillis() + " ms and a positive rate");
        }

        private static Duration length(String millis) {
            return Duration.ofMillis(Long.parseLong(millis));
        }

        private Window checked(String command) {
            if (length.compareTo(Duration.ofMillis(1)) < 0 || length.compareTo(MAX_LENGTH) > 0
                    || (open && !(ratePerSecond > 0 && Double.isFinite(ratePerSecond)))) {
                throw new NumberFormatException(command);
            }
            return this;
        }
    }
}
