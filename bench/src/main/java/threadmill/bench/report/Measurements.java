package threadmill.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import threadmill.bench.raw.ServerLine;

/** Flattens a run's raw files into measurements: results.csv and the comparison read these. */
final class Measurements {

    private Measurements() {
    }

    static List<Measurement> of(RawRun run) {
        List<Measurement> out = new ArrayList<>();
        for (JmhResult r : run.jmh()) {
            String source = "jmh:" + r.group();
            String params = Params.text(r.workloadParams());
            out.add(score(source, r.shortName(), r.runtime(), params, r.primary()));
            r.secondary().forEach((name, s) -> out.add(score(source, r.shortName() + ":" + name, r.runtime(),
                    params, s)));
        }
        for (ProbeResult p : run.probe()) {
            String source = "probe:" + p.experiment();
            String params = Params.text(probeParams(p));
            String status = p.ok() ? "ok" : "failed";
            if (!p.ok()) {
                out.add(new Measurement(source, "point", p.runtime(), params, Double.NaN, Double.NaN, "", status,
                        p.error() == null ? "" : p.error()));
            }
            p.values().forEach((field, value) -> {
                if (value != null) {
                    out.add(new Measurement(source, field, p.runtime(), params, value, Double.NaN,
                            probeUnit(field), status, ""));
                }
            });
        }
        for (LatencyRecord l : run.latency()) {
            Map<String, String> params = new LinkedHashMap<>(l.params());
            if (l.mode() != null) {
                params.put("mode", l.mode());
            }
            if (l.ratePerSecond() != null) {
                params.put("ratePerSecond", Fmt.exact(l.ratePerSecond()));
            }
            String source = "latency:" + l.metric();
            l.percentiles().forEach((p, value) -> {
                if (value != null) {
                    out.add(new Measurement(source, p, l.runtime(), Params.text(params), value, Double.NaN,
                            l.unit(), "ok", ""));
                }
            });
            if (l.count() != null) {
                out.add(new Measurement(source, "count", l.runtime(), Params.text(params), l.count(), Double.NaN,
                        "samples", "ok", ""));
            }
        }
        for (Pitfall p : run.pitfalls()) {
            Map<String, String> params = new LinkedHashMap<>(p.params());
            if (p.variant() != null) {
                params.put("variant", p.variant());
            }
            String source = "pitfall:" + p.pitfall();
            String text = Params.text(params);
            addIfPresent(out, source, "wallMillis", p.runtime(), text, p.wallMillis(), "ms");
            addIfPresent(out, source, "expectedMillis", p.runtime(), text, p.expectedMillis(), "ms");
            addIfPresent(out, source, "throughputPerSecond", p.runtime(), text, p.throughputPerSecond(), "1/s");
            addIfPresent(out, source, "pinnedEvents", p.runtime(), text, p.pinnedEvents(), "events");
            String unit = p.latency().getOrDefault("unit", "");
            p.latency().forEach((name, value) -> {
                if (!name.equals("unit") && !value.equals("null")) {
                    addIfPresent(out, source, "latency." + name, p.runtime(), text, Double.valueOf(value), unit);
                }
            });
        }
        for (ReferenceResult r : run.reference()) {
            Map<String, String> params = new LinkedHashMap<>();
            if (r.tasks() != null) {
                params.put("tasks", Long.toString(r.tasks()));
            }
            putIfPresent(params, "runtimeVersion", r.runtimeVersion());
            if (r.workerThreads() != null) {
                params.put("workerThreads", Integer.toString(r.workerThreads()));
            }
            if (r.score() != null) {
                out.add(new Measurement("reference:" + r.benchmark(), r.benchmark(), r.runtime(), Params.text(params),
                        r.score(), r.scoreError() == null ? Double.NaN : r.scoreError(), r.unit(), "ok", ""));
            }
        }
        for (ServerLine w : run.server()) {
            Map<String, String> params = new LinkedHashMap<>();
            putIfPresent(params, "connections", w.connections());
            putIfPresent(params, "payloadBytes", w.payloadBytes());
            putIfPresent(params, "loadFraction", w.loadFraction());
            putIfPresent(params, "window", w.window());
            putIfPresent(params, "runtimeVersion", w.runtimeVersion());
            String source = "server:" + w.mode();
            String text = Params.text(params);
            if (!w.ok()) {
                out.add(new Measurement(source, "window", w.server(), text, Double.NaN, Double.NaN, "", "failed",
                        w.error() == null ? "" : w.error()));
                continue;
            }
            addIfPresent(out, source, "requestsPerSecond", w.server(), text, w.requestsPerSecond(), "req/s");
            addIfPresent(out, source, "cpuMicrosPerRequest", w.server(), text, w.cpuMicrosPerRequest(), "us");
            addIfPresent(out, source, "p50Micros", w.server(), text, w.p50Micros(), "us");
            addIfPresent(out, source, "p90Micros", w.server(), text, w.p90Micros(), "us");
            addIfPresent(out, source, "p99Micros", w.server(), text, w.p99Micros(), "us");
            addIfPresent(out, source, "p999Micros", w.server(), text, w.p999Micros(), "us");
            addIfPresent(out, source, "maxMicros", w.server(), text, w.maxMicros(), "us");
        }
        for (Failure f : run.failures()) {
            out.add(new Measurement("failure:" + f.stage(), "point", f.runtime() == null ? "" : f.runtime(),
                    Params.text(f.params()), Double.NaN, Double.NaN, "", "failed", f.error()));
        }
        return List.copyOf(out);
    }

    static Map<String, String> probeParams(ProbeResult p) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tasks", Long.toString(p.tasks()));
        if (p.sleepMs() != null) {
            params.put("sleepMs", Fmt.exact(p.sleepMs()));
        }
        if (p.depth() != null) {
            params.put("depth", Fmt.exact(p.depth()));
        }
        if (!p.config().equals(ProbeResult.DEFAULT_CONFIG)) {
            params.put("config", p.config());
        }
        putIfPresent(params, "runtimeVersion", p.runtimeVersion());
        return params;
    }

    /** A param when it was recorded: a number as its shortest exact text. */
    private static void putIfPresent(Map<String, String> params, String name, Object value) {
        if (value instanceof Number number) {
            params.put(name, Fmt.exact(number.doubleValue()));
        } else if (value != null) {
            params.put(name, value.toString());
        }
    }

    static String probeUnit(String field) {
        if (field.endsWith("Nanos")) {
            return "ns";
        }
        if (field.equals("cpuPercent")) {
            return "%";
        }
        if (field.equals("nmt.threadCount")) {
            return "threads";
        }
        return "B";
    }

    private static Measurement score(String source, String metric, String runtime, String params,
                                     JmhResult.Score s) {
        return new Measurement(source, metric, runtime, params, s.score(), s.error(), s.unit(), "ok", "");
    }

    private static void addIfPresent(List<Measurement> out, String source, String metric, String runtime,
                                     String params, Double value, String unit) {
        if (value != null) {
            out.add(new Measurement(source, metric, runtime, params, value, Double.NaN, unit, "ok", ""));
        }
    }
}
