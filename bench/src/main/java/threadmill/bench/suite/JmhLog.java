package threadmill.bench.suite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's human-readable log for the failure of each trial. JMH announces a trial with
 * {@code # Benchmark: <method>} and {@code # Parameters: (name = value, ...)}; when the trial
 * fails, the iteration line ends in {@code <failure>}, followed by a blank line and the stack
 * trace, whose first line is the exception and its message.
 */
final class JmhLog {

    private static final String BENCHMARK = "# Benchmark: ";
    private static final String PARAMETERS = "# Parameters: (";
    private static final String FAILURE = "<failure>";

    private JmhLog() {
    }

    /** The first exception line of each trial that failed. */
    static Map<JmhTrial, String> failures(List<String> log) {
        Map<JmhTrial, String> failures = new HashMap<>();
        String benchmark = null;
        Map<String, String> params = new TreeMap<>();
        boolean inFailure = false;
        for (String line : log) {
            if (line.startsWith(BENCHMARK)) {
                benchmark = line.substring(BENCHMARK.length()).trim();
                params = new TreeMap<>();
                inFailure = false;
            } else if (line.startsWith(PARAMETERS) && line.endsWith(")")) {
                params = parameters(line.substring(PARAMETERS.length(), line.length() - 1));
            } else if (line.trim().endsWith(FAILURE)) {
                inFailure = true;
            } else if (inFailure && !line.isBlank()) {
                if (benchmark != null) {
                    failures.putIfAbsent(new JmhTrial(benchmark, new TreeMap<>(params)), line.trim());
                }
                inFailure = false;
            }
        }
        return failures;
    }

    private static Map<String, String> parameters(String list) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : list.split(", ")) {
            String[] nameAndValue = pair.split(" = ", 2);
            if (nameAndValue.length == 2) {
                params.put(nameAndValue[0].trim(), nameAndValue[1].trim());
            }
        }
        return params;
    }
}
