package threadmill.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything under a run's raw/ folder. Each file is optional: what is missing shows in the
 * report as not measured. What is there must be well-formed, or loading stops with an error
 * that names the file and the line.
 */
record RawRun(Path runDir, Env env, List<JmhResult> jmh, List<ProbePoint> probe, List<LatencyRecord> latency,
              List<Pitfall> pitfalls, List<Failure> failures, List<String> missingFiles) {

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
            env = Env.from(object(JsonReader.parse(display(envFile), read(envFile)), display(envFile)));
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
        return new RawRun(runDir, env, jmh(raw), lines(raw, "probe.jsonl", ProbePoint::from, missing),
                lines(raw, "latency.jsonl", line -> LatencyRecord.from(line, histograms), missing),
                lines(raw, "pitfalls.jsonl", Pitfall::from, missing),
                lines(raw, "failures.jsonl", Failure::from, missing), List.copyOf(missing));
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
            Json document = JsonReader.parse(display(file), read(file));
            if (!(document instanceof Json.Arr array)) {
                throw new RawFormatException(document.where(), "a JMH result file must be a JSON array, found "
                        + Json.describe(document));
            }
            for (Json entry : array.items()) {
                results.add(JmhResult.from(group, object(entry, display(file))));
            }
        }
        return List.copyOf(results);
    }

    private static <T> List<T> lines(Path raw, String name, Function<Json.Obj, T> parser, List<String> missing) {
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
            out.add(parser.apply(object(JsonReader.parse(display(file), lines[i], i + 1), display(file))));
        }
        return List.copyOf(out);
    }

    private static Json.Obj object(Json value, String file) {
        if (value instanceof Json.Obj object) {
            return object;
        }
        throw new RawFormatException(value.where(), "expected a JSON object, found " + Json.describe(value)
                + " in " + file);
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
