package threadmill.bench.report;

import java.util.Optional;

/**
 * Figures derived from a JMH score and its params. One JMH operation of a fan-out benchmark runs
 * the whole workload (all {@code tasks} tasks, or all {@code connections} ×
 * {@code requests} per connection), so per-task and per-request figures divide by that
 * count; the relative error carries over unchanged.
 */
final class JmhDerived {

    private JmhDerived() {
    }

    /** The score as seconds per operation, from any JMH time unit ({@code us/op}, {@code ops/s}, ...). */
    static Optional<Value> secondsPerOp(JmhResult.Score score) {
        String unit = score.unit();
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String top = unit.substring(0, slash);
        String bottom = unit.substring(slash + 1);
        if (bottom.equals("op")) {
            double seconds = secondsOf(top);
            return Double.isNaN(seconds) ? Optional.empty()
                    : Optional.of(new Value(score.score() * seconds, score.error() * seconds, "s/op"));
        }
        if (top.equals("ops")) {
            double seconds = secondsOf(bottom);
            if (Double.isNaN(seconds) || score.score() <= 0) {
                return Optional.empty();
            }
            double value = seconds / score.score();
            return Optional.of(new Value(value, value * score.error() / score.score(), "s/op"));
        }
        return Optional.empty();
    }

    private static double secondsOf(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> Double.NaN;
        };
    }

    /**
     * The benchmarks count what completed in an invocation (tasks, round trips) in an
     * {@code @AuxCounters} OPERATIONS field named {@code completed}; JMH divides it into the same
     * measured time as the primary score, so it is already per task or per round trip, with
     * JMH's own error. Results without it (older runs) fall back to dividing the per-operation
     * score by the count in the params.
     */
    static final String COMPLETED = "completed";

    /** Spawn-and-join cost per task, in ns. */
    static Optional<Value> nanosPerTask(JmhResult result) {
        JmhResult.Score completed = result.secondary().get(COMPLETED);
        if (completed != null) {
            return secondsPerOp(completed).map(v -> v.times(1e9, "ns"));
        }
        double tasks = countOr1(result.param("tasks"));
        return secondsPerOp(result.primary()).map(v -> v.times(1e9 / tasks, "ns"));
    }

    /** Tasks completed per second. */
    static Optional<Value> tasksPerSecond(JmhResult result) {
        return perSecond(result, countOr1(result.param("tasks")), "tasks/s");
    }

    /** The best a sleep fan-out can do: all N tasks finish one sleep after the start. */
    static double idealTasksPerSecond(JmhResult result) {
        return result.param("tasks") / (result.param("sleepMs") / 1000.0);
    }

    /** Requests completed per second: connections × requests per connection per operation. */
    static Optional<Value> requestsPerSecond(JmhResult result) {
        double connections = result.param("connections");
        double perConnection = result.param("requests");
        if (result.secondary().get(COMPLETED) == null && (Double.isNaN(connections) || Double.isNaN(perConnection))) {
            return Optional.empty();
        }
        return perSecond(result, connections * perConnection, "req/s");
    }

    private static Optional<Value> perSecond(JmhResult result, double perOp, String unit) {
        JmhResult.Score completed = result.secondary().get(COMPLETED);
        return secondsPerOp(completed != null ? completed : result.primary()).map(v -> {
            double value = (completed != null ? 1 : perOp) / v.value();
            return new Value(value, value * v.relativeError(), unit);
        });
    }

    private static double countOr1(double count) {
        return Double.isNaN(count) || count <= 0 ? 1 : count;
    }

    /**
     * {@code -prof gc}'s gc.alloc.rate.norm (bytes per operation) and, where the operation is a
     * fan-out of {@code tasks} tasks, per task.
     */
    static Optional<String> allocated(JmhResult result) {
        JmhResult.Score norm = result.secondary().get("gc.alloc.rate.norm");
        if (norm == null) {
            return Optional.empty();
        }
        Value perOp = new Value(norm.score(), norm.error(), norm.unit());
        double tasks = result.param("tasks");
        if (Double.isNaN(tasks) || tasks <= 0) {
            return Optional.of(text(perOp));
        }
        return Optional.of(text(perOp) + " = " + text(perOp.times(1 / tasks, "B per task")));
    }

    /** "530 ± 20 B/op": rounded by {@link Figure}'s rule, in the value's own unit. */
    private static String text(Value value) {
        return Figure.ci(value).plusMinus() + " " + value.unit();
    }
}
