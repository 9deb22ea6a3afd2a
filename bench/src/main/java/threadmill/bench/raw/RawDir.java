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

    /** The file each kind of line goes to. */
    private static final Map<Class<? extends Record>, String> LINE_FILES = Map.of(ProbeLine.class, "probe.jsonl",
            PitfallLine.class, "pitfalls.jsonl", LatencyLine.class, "latency.jsonl", ServerLine.class, "server.jsonl",
            ReferenceLine.class, "reference.jsonl", FailureLine.class, "failures.jsonl");

    /** The system property that tells a JMH fork where the run's raw folder is. */
    public static final String PROPERTY = "threadmill.raw.dir";

    public RawDir {
        try {
            Files.createDirectories(path.resolve("hgrm"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the raw results folder " + path, e);
        }
    }

    /**
     * Appends {@code line} to the file of its kind (probe.jsonl, pitfalls.jsonl, latency.jsonl,
     * server.jsonl, reference.jsonl, failures.jsonl), forced to disk before this returns.
     *
     * @throws IllegalArgumentException for a record that is no raw line
     */
    public void append(Record line) {
        String file = LINE_FILES.get(line.getClass());
        if (file == null) {
            throw new IllegalArgumentException(line.getClass().getSimpleName() + " is not a raw line; the raw lines are "
                    + LINE_FILES.keySet().stream().map(Class::getSimpleName).sorted().toList());
        }
        new LineFile(path.resolve(file)).append(JsonLines.write(line));
    }

    /** Records a failure so the report shows it, with the OS limits in force; the run goes on. */
    public void failed(String stage, String runtime, Map<String, ?> params, String error) {
        append(new FailureLine(stage, runtime, new LinkedHashMap<>(params), error, RawOsLimits.current()));
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
}
