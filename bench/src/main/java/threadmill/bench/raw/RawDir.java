package threadmill.bench.raw;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import threadmill.harness.JsonLines;

/**
 * A run's {@code raw/} folder and its files, as RAW-FORMAT.md names them; each file is written
 * only through the schema record of its lines, with {@link JsonLines}, so writers and the
 * report read one format.
 */
public record RawDir(Path path) {

    /** The system property that tells a JMH fork where the run's raw folder is. */
    public static final String PROPERTY = "threadmill.raw.dir";

    public RawDir {
        try {
            Files.createDirectories(path.resolve("hgrm"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the raw results folder " + path, e);
        }
    }

    public void probe(ProbeLine line) {
        append("probe.jsonl", line);
    }

    public void pitfall(PitfallLine line) {
        append("pitfalls.jsonl", line);
    }

    public void latency(LatencyLine line) {
        append("latency.jsonl", line);
    }

    public void server(ServerLine line) {
        append("server.jsonl", line);
    }

    public void reference(ReferenceLine line) {
        append("reference.jsonl", line);
    }

    public void failure(FailureLine line) {
        append("failures.jsonl", line);
    }

    /** Records a failure so the report shows it, with the OS limits in force; the run goes on. */
    public void failed(String stage, String runtime, Map<String, ?> params, String error) {
        failure(new FailureLine(stage, runtime, new LinkedHashMap<>(params), error, RawOsLimits.current()));
    }

    public void environment(RunEnvironment environment) {
        Path file = path.resolve("env.json");
        try {
            Files.writeString(file, JsonLines.write(environment) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Writes a histogram recorded in nanoseconds as {@code hgrm/<baseName>.hgrm}, in
     * microseconds, or as {@code <baseName>-2.hgrm}, ... when an earlier fork took the name;
     * returns its path relative to this folder, as latency.jsonl names it.
     */
    public String histogram(String baseName, Histogram nanos) {
        Path dir = path.resolve("hgrm");
        Path file = dir.resolve(baseName + ".hgrm");
        for (int fork = 2; Files.exists(file); fork++) {
            file = dir.resolve(baseName + "-" + fork + ".hgrm");
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), false,
                StandardCharsets.UTF_8)) {
            nanos.outputPercentileDistribution(out, 1000.0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return path.relativize(file).toString().replace('\\', '/');
    }

    public Path suiteLog() {
        return path.resolve("suite.log");
    }

    private void append(String file, Object line) {
        new LineFile(path.resolve(file)).append(JsonLines.write(line));
    }
}
