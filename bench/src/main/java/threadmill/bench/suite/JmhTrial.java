package threadmill.bench.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One JMH trial: a benchmark method with one value for each of its {@code @Param}s, which is
 * what JMH runs (and fails) as a unit.
 *
 * @param benchmark the full method name, e.g. {@code threadmill.bench.jmh.CreationBenchmark.spawnAndJoin}
 */
record JmhTrial(String benchmark, SortedMap<String, String> params) {

    JmhTrial {
        params = new TreeMap<>(params);
    }

    static JmhTrial of(BenchmarkParams result) {
        SortedMap<String, String> params = new TreeMap<>();
        for (String key : result.getParamsKeys()) {
            params.put(key, result.getParam(key));
        }
        return new JmhTrial(result.getBenchmark(), params);
    }

    String runtime() {
        return params.get("runtime");
    }

    /** The params of a failures.jsonl line: the benchmark (class.method), then every param but the runtime. */
    Map<String, Object> failureParams() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getKey().equals("runtime")) {
                json.put(param.getKey(), param.getValue().matches("-?\\d{1,18}")
                        ? (Object) Long.parseLong(param.getValue()) : param.getValue());
            }
        }
        return json;
    }
}
