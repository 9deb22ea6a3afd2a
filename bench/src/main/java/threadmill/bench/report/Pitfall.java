package threadmill.bench.report;

import java.util.List;
import java.util.Map;

/** One line of raw/pitfalls.jsonl. */
record Pitfall(String pitfall, String runtime, String variant, Map<String, String> params, Double wallMillis,
               Double expectedMillis, Double throughputPerSecond, Double pinnedEvents, Map<String, String> latency,
               List<String> jvmFlags, String note, Json.Where where) {

    static Pitfall from(Json.Obj line) {
        return new Pitfall(line.string("pitfall"), line.string("runtime"), line.optString("variant"),
                line.scalars("params"), line.optNumber("wallMillis"), line.optNumber("expectedMillis"),
                line.optNumber("throughputPerSecond"), line.optNumber("pinnedEvents"), line.scalars("latency"),
                line.strings("jvmFlags"), line.optString("note"), line.where());
    }
}
