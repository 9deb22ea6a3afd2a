package threadmill.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import threadmill.harness.server.ServedCpu;
import threadmill.workload.RunningServer;
import threadmill.workload.Shutdown;
import threadmill.workload.Sockets;

/**
 * A main of this package run in a child JVM (same java, same class path, the given JVM
 * flags, optionally behind a launcher such as {@code taskset -c 0}), or any other program,
 * and both ends of the little protocol between them: a server child prints
 * {@code listening host:port} once bound and serves until its stdin closes.
 *
 * <p>Closing the parent's end of stdin is how the child is told to stop, so a child never
 * outlives its parent, even one that crashed: the pipe closes with the process.
 */
public final class ChildProcess implements AutoCloseable {

    /** The line a server child prints once it is bound. */
    public static final String LISTENING = "listening ";

    private static final int STDERR_LINES_KEPT = 40;
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;
    private volatile InetSocketAddress listening;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdoutPump = pump("stdout", process.getInputStream(), stdout::add);
        this.stderrPump = pump("stderr", process.getErrorStream(), this::forwardStderr);
    }

    /** Starts {@code mainClass} with {@code args} in a child JVM run with {@code jvmFlags}. */
    public static ChildProcess start(Class<?> mainClass, List<String> jvmFlags, List<String> args) throws IOException {
        return start(List.of(), mainClass, jvmFlags, args);
    }

    /**
     * Starts {@code mainClass} in a child JVM behind {@code launcher}, a command that runs the
     * rest of its command line in its own place ({@code taskset -c 0} execs java, so the
     * child's pid is the JVM's).
     */
    public static ChildProcess start(List<String> launcher, Class<?> mainClass, List<String> jvmFlags, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return exec(mainClass.getSimpleName(), command);
    }

    /** Starts any program; {@code name} stands for it in messages, with its pid. */
    public static ChildProcess exec(String name, List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
        return new ChildProcess(name + " (pid " + process.pid() + ")", process);
    }

    /** Starts a server main in a child JVM and waits until it prints where it listens. */
    public static ChildProcess startServer(Class<?> mainClass, List<String> jvmFlags, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        return listening(start(mainClass, jvmFlags, args), timeout);
    }

    /** Waits until a child started as a server prints where it listens; stops it if it does not. */
    public static ChildProcess listening(ChildProcess child, Duration timeout) throws IOException, InterruptedException {
        try {
            child.awaitListening(timeout);
            return child;
        } catch (IOException | InterruptedException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /**
     * A measurement in a fresh JVM: runs {@code mainClass} until it prints a line that is a
     * JSON object (JVM warnings may come before it), returns that line and stops the child. A
     * fresh JVM per measurement keeps one point's heap, JIT state and leftover threads out of
     * the next.
     *
     * @throws IOException when the child cannot start, ends without such a line, or prints none
     *         within {@code timeout} (it is then killed); the message has the end of its stderr
     */
    public static String firstJsonLine(Class<?> mainClass, List<String> jvmFlags, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ChildProcess child = start(mainClass, jvmFlags, args)) {
            while (true) {
                String line = child.nextLine(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (line.startsWith("{")) {
                    return line;
                }
            }
        }
    }

    /** Reads stdout up to the {@code listening host:port} line and returns that address. */
    public InetSocketAddress awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = nextLine(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (line.startsWith(LISTENING)) {
                listening = CommandLine.address(line.substring(LISTENING.length()).trim());
                return listening;
            }
        }
    }

    /**
     * The next line the child printed on stdout.
     *
     * @throws IOException when the child exits first or prints nothing within {@code timeout};
     *         the message has the end of its stderr
     */
    public String nextLine(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = stdout.poll(10, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (!stdoutPump.isAlive() && stdout.isEmpty()) {
                process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                stderrPump.join(EXIT_GRACE.toMillis());
                throw failure("ended without the expected output (exit code " + exitCode() + ")");
            }
            if (System.nanoTime() - deadline > 0) {
                throw failure("printed nothing expected within " + timeout.toMillis() + " ms");
            }
        }
    }

    /** Where the server child listens, as it announced it. */
    public InetSocketAddress address() {
        if (listening == null) {
            throw new IllegalStateException("child " + name + " has not announced an address yet");
        }
        return listening;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** Writes one line to the child's stdin and flushes it. */
    public void send(String line) throws IOException {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw failure("cannot be written to (" + e.getMessage() + "), exit code " + exitCode());
        }
    }

    /** Closes the child's stdin, waits a few seconds for it to exit, then kills it. */
    @Override
    public void close() {
        Shutdown.closeQuietly(process.getOutputStream());
        boolean interrupted = false;
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            stdoutPump.join();
            stderrPump.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child's side: starts a server, prints {@code listening host:port}, serves until stdin
     * closes, then closes the server. Each line read from stdin meanwhile, and its end, prints
     * a {@link ServedCpu} line: the process's CPU time so far, which is how a server on another
     * host reports what it cost (a parent on the same host reads {@code /proc} itself). Bad
     * arguments print {@code usage} and exit with 2, a server that cannot start exits with 1;
     * each with one line on stderr.
     */
    public static void runMain(String usage, ServerStarter starter) {
        RunningServer server;
        try {
            server = starter.start();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + usage);
            System.exit(2);
            return;
        } catch (IOException | RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        try (server) {
            System.out.println(LISTENING + Sockets.format(server.address()));
            System.out.flush();
            ServedCpu.reportUntilEndOfInput(System.in, System.out);
        }
    }

    /** Starts the server a child main serves. */
    @FunctionalInterface
    public interface ServerStarter {
        RunningServer start() throws IOException;
    }

    private Thread pump(String stream, InputStream in, java.util.function.Consumer<String> sink) {
        return Thread.ofPlatform().daemon().name("child-" + process.pid() + "-" + stream).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The stream closed because the child was killed: the output ends here.
            }
        });
    }

    private void forwardStderr(String line) {
        PrintStream err = System.err;
        err.println("[" + name + "] " + line);
        synchronized (stderrTail) {
            if (stderrTail.size() == STDERR_LINES_KEPT) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(line);
        }
    }

    private IOException failure(String what) {
        String stderr;
        synchronized (stderrTail) {
            stderr = String.join(System.lineSeparator(), stderrTail);
        }
        return new IOException("child " + name + " " + what + (stderr.isEmpty() ? "" : "; its stderr:" + System.lineSeparator() + stderr));
    }

    private String exitCode() {
        return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
    }
}
