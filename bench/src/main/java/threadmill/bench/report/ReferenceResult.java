package threadmill.bench.report;

import java.util.List;
import threadmill.bench.raw.ReferenceLine;

/** One line of raw/reference.jsonl ({@link ReferenceLine}): the native reference's own spawn cost. */
record ReferenceResult(String runtime, String runtimeVersion, String benchmark, Long tasks, Double score,
                       Double scoreError, String unit, Integer iterations, List<Double> rawData,
                       Integer workerThreads) {

    static ReferenceResult from(ReferenceLine line) {
        return new ReferenceResult(line.runtime(), line.runtimeVersion(), line.benchmark(), line.tasks(),
                line.score(), line.scoreError(), line.unit() == null ? "" : line.unit(), line.iterations(),
                line.rawData(), line.workerThreads());
    }

    /** The score per task in ns ("ns/task" is per task already), with its interval where one is known. */
    Figure perTask() {
        String perTaskUnit = unit.endsWith("/task") ? unit.substring(0, unit.length() - "/task".length()) : unit;
        return Figure.ci(new Value(score == null ? Double.NaN : score, scoreError == null ? Double.NaN : scoreError,
                perTaskUnit));
    }
}
