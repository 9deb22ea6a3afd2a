package threadmill.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import threadmill.bench.raw.FailureLine;
import threadmill.bench.raw.LatencyLine;
import threadmill.bench.raw.PitfallLine;
import threadmill.bench.raw.ProbeLine;
import threadmill.bench.raw.ReferenceLine;
import threadmill.bench.raw.RunEnvironment;
import threadmill.bench.raw.ServerLine;
import threadmill.harness.JsonLines;

/**
 * Everything under a run's raw/ folder, read through the schema records the writers wrote
 * ({@code threadmill.bench.raw}). Each file is optional: what is missing shows in the report
 * as not measured. What is there must be well-formed, or loading stops with an error that
 * names the file, the line and the column.
 */
record RawRun(Path runDir, Env env, List<JmhResult> jmh, List<ProbeResult> probe, List<LatencyRecord> latency,
              List<Pitfall> pitfalls, List<Failure> failures, List<ServerLine> server,
              List<ReferenceResult> reference, List<String> missingFiles) {

    private static final TypeReference<List<JmhResult.Entry>> JMH_FILE = new TypeReference<>() {
    };

    static RawRun load(Path runDir) {
        Path raw = runDir.resolve("raw");
        if (!Files.isDirectory(raw)) {
            throw new IllegalArgumentException("not a run directory: " + runDir.toAbsolutePath()
                    + " has no raw/ folder (expected " + raw.toAbsolutePath() + ")");
        }
        List<String> missing = new ArrayList<>();
        Path envFile = raw.resolve("env.json");
        Env env = null;
        if (Files.isRegularFile(envFile)) {
            env = Env.from(document(envFile, RunEnvironment.class));
        } else {
            missing.add("raw/env.json");
        }
        Hgrm.Loader histograms = relative -> {
            Path file = raw.resolve(relative).normalize();
            if (!file.startsWith(raw) || !Files.isRegularFile(file)) {
                return null;
            }
            return Hgrm.read(file, display(file));
        };
        return new RawRun(runDir, env, jmh(raw),
                lines(raw, "probe.jsonl", ProbeLine.class, ProbeResult::from, missing),
                lines(raw, "latency.jsonl", LatencyLine.class, line -> LatencyRecord.from(line, histograms), missing),
                lines(raw, "pitfalls.jsonl", PitfallLine.class, Pitfall::from, missing),
                lines(raw, "failures.jsonl", FailureLine.class, Failure::from, missing),
                lines(raw, "server.jsonl", ServerLine.class, line -> line, missing),
                lines(raw, "reference.jsonl", ReferenceLine.class, ReferenceResult::from, missing), List.copyOf(missing));
    }

    /** The run's name: its folder. */
    String name() {
        return runDir.toAbsolutePath().normalize().getFileName().toString();
    }

    private static List<JmhResult> jmh(Path raw) {
        List<JmhResult> results = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(raw)) {
            files = listing.filter(p -> p.getFileName().toString().matches("jmh-.+\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + raw, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String group = name.substring("jmh-".length(), name.length() - ".json".length());
            List<JmhResult.Entry> entries;
            try {
                entries = JsonLines.mapper().readValue(read(file), JMH_FILE);
            } catch (JsonProcessingException e) {
                throw RawFormatException.of(display(file), 1, e);
            }
            entries.forEach(entry -> results.add(JmhResult.from(group, entry)));
        }
        return List.copyOf(results);
    }

    private static <T> T document(Path file, Class<T> type) {
        try {
            return JsonLines.read(read(file), type);
        } catch (JsonProcessingException e) {
            throw RawFormatException.of(display(file), 1, e);
        }
    }

    /** Every non-blank line of a .jsonl file as its schema record, made into what the report uses. */
    private static <L, T> List<T> lines(Path raw, String name, Class<L> schema, Function<L, T> use,
                                        List<String> missing) {
        Path file = raw.resolve(name);
        if (!Files.isRegularFile(file)) {
            missing.add("raw/" + name);
            return List.of();
        }
        List<T> out = new ArrayList<>();
        String[] lines = read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                out.add(use.apply(JsonLines.read(lines[i], schema)));
            } catch (JsonProcessingException e) {
                throw RawFormatException.of(display(file), i + 1, e);
            }
        }
        return List.copyOf(out);
    }

    /** The path as the caller gave the run dir, so the reader can open the file named in an error. */
    private static String display(Path file) {
        return file.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
