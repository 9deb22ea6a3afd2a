package threadmill.bench.suite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;

/**
 * The trials a JMH invocation should produce, worked out as JMH does: every benchmark its
 * includes select, times every combination of its {@code @Param} values, the options' values
 * replacing the annotation's.
 */
final class ExpectedTrials {

    private ExpectedTrials() {
    }

    static Set<JmhTrial> of(Options options, OutputFormat out) {
        Set<JmhTrial> trials = new LinkedHashSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(out, options.getIncludes(),
                options.getExcludes())) {
            List<Map<String, String>> combinations = List.of(new TreeMap<>());
            for (Map.Entry<String, String[]> param : entry.getParams().orElse(Map.of()).entrySet()) {
                List<String> values = options.getParameter(param.getKey())
                        .orElse(List.of(param.getValue())).stream().toList();
                combinations = times(combinations, param.getKey(), values);
            }
            for (Map<String, String> params : combinations) {
                trials.add(new JmhTrial(entry.getUsername(), new TreeMap<>(params)));
            }
        }
        return trials;
    }

    private static List<Map<String, String>> times(List<Map<String, String>> combinations, String name,
                                                   List<String> values) {
        List<Map<String, String>> product = new ArrayList<>();
        for (Map<String, String> combination : combinations) {
            for (String value : values) {
                Map<String, String> extended = new TreeMap<>(combination);
                extended.put(name, value);
                product.add(extended);
            }
        }
        return product;
    }
}
