package threadmill.bench.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import threadmill.workload.OsLimits;

/** The files of a run's {@code raw/} folder, as RAW-FORMAT.md names them. */
public record RawDir(Path path) {

    public RawDir {
        try {
            Files.createDirectories(path.resolve("hgrm"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the raw results folder " + path, e);
        }
    }

    public LineFile probe() {
        return new LineFile(path.resolve("probe.jsonl"));
    }

    public LineFile pitfalls() {
        return new LineFile(path.resolve("pitfalls.jsonl"));
    }

    public LineFile latency() {
        return new LineFile(path.resolve("latency.jsonl"));
    }

    public LineFile failures() {
        return new LineFile(path.resolve("failures.jsonl"));
    }

    public Path hgrm(String fileName) {
        return path.resolve("hgrm").resolve(fileName);
    }

    public Path suiteLog() {
        return path.resolve("suite.log");
    }

    /** Records a failure so the report shows it; the run goes on. */
    public void failed(String stage, String runtime, JsonLine params, String error) {
        failures().append(new JsonLine()
                .put("stage", stage)
                .put("runtime", runtime)
                .put("params", params)
                .put("error", error)
                .put("osLimits", JsonLine.raw(OsLimits.current().toJson())));
    }
}
