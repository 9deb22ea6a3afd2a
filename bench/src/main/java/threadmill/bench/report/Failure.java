package threadmill.bench.report;

import java.util.Map;

/** One line of raw/failures.jsonl: something the suite could not measure. */
record Failure(String stage, String runtime, Map<String, String> params, String error, Map<String, String> osLimits,
               Json.Where where) {

    static Failure from(Json.Obj line) {
        return new Failure(line.string("stage"), line.optString("runtime"), line.scalars("params"),
                line.string("error"), line.scalars("osLimits"), line.where());
    }
}
