package threadmill.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import threadmill.workload.RunningServer;
import threadmill.workload.TaskRuntime;
import threadmill.workload.TaskRuntimes;
import threadmill.workload.Sockets;

/**
 * {@code <runtime> [host:port]}: runs that runtime's own echo server in this process (the
 * server workload's server side), prints {@code listening host:port} and serves until stdin
 * closes; see {@link ChildProcess}.
 */
public final class ServeRuntime {

    private ServeRuntime() {
    }

    public static void main(String[] args) {
        ChildProcess.runMain("ServeRuntime <" + String.join("|", TaskRuntimes.providers().keySet()) + "> [host:port]", () -> {
            if (args.length < 1 || args.length > 2) {
                throw new IllegalArgumentException("expected a runtime name and optionally host:port, got " + args.length + " arguments");
            }
            InetSocketAddress bind = args.length == 2 ? CommandLine.address(args[1]) : Sockets.DEFAULT_BIND;
            TaskRuntime runtime = TaskRuntimes.create(args[0]);
            try {
                return new RuntimeServer(runtime, runtime.startEchoServer(bind));
            } catch (IOException | RuntimeException e) {
                runtime.close();
                throw e;
            }
        });
    }

    /** A runtime's server that also closes the runtime. */
    private record RuntimeServer(TaskRuntime runtime, RunningServer server) implements RunningServer {

        @Override
        public InetSocketAddress address() {
            return server.address();
        }

        @Override
        public void close() {
            try (runtime) {
                server.close();
            }
        }
    }
}
