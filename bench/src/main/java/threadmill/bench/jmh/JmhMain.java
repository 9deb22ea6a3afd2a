package threadmill.bench.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import threadmill.workload.TaskRuntimes;

/**
 * The shaded jar's main: JMH's own command line, with one default added. The benchmarks'
 * {@code runtime} parameter names no runtime in code; without {@code -p runtime=...} this runs
 * every runtime the registry finds on the class path, in its order.
 */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        Main.main(withRuntimes(args));
    }

    /** {@code args}, plus {@code -p runtime=<every registered runtime>} when they set no runtime. */
    static String[] withRuntimes(String[] args) {
        try {
            if (new CommandLineOptions(args).getParameter("runtime").hasValue()) {
                return args;
            }
        } catch (CommandLineOptionException e) {
            return args; // JMH's Main reports the bad arguments itself
        }
        List<String> extended = new ArrayList<>(Arrays.asList(args));
        extended.add("-p");
        extended.add("runtime=" + String.join(",", TaskRuntimes.names()));
        return extended.toArray(String[]::new);
    }
}
