package threadmill.bench.report;

import java.util.Map;
import threadmill.bench.raw.FailureLine;

/** One line of raw/failures.jsonl ({@link FailureLine}): something the suite could not measure. */
record Failure(String stage, String runtime, Map<String, String> params, String error, Map<String, String> osLimits) {

    static Failure from(FailureLine line) {
        return new Failure(line.stage(), line.runtime(), Scalars.of(line.params()), line.error(),
                Scalars.of(line.osLimits()));
    }
}
