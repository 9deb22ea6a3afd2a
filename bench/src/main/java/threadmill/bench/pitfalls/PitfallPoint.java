package threadmill.bench.pitfalls;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import threadmill.bench.probe.RawDir;

/**
 * The child JVM of one pitfall measurement:
 * {@code PitfallPoint <pitfall> <runtime> <variant> <raw-dir> [name=value...]}. Prints the
 * pitfalls.jsonl line on standard output; a lateness histogram goes to the raw folder itself.
 */
public final class PitfallPoint {

    private PitfallPoint() {
    }

    public static void main(String[] args) throws Exception {
        PitfallSpec spec = PitfallSpec.fromArgs(args, ManagementFactory.getRuntimeMXBean().getInputArguments());
        RawDir raw = new RawDir(Path.of(args[3]));
        PitfallResult result = measure(spec, raw);
        System.out.println(result.toLine(spec));
        System.out.flush();
        System.exit(0);
    }

    static PitfallResult measure(PitfallSpec spec, RawDir raw) throws Exception {
        String key = spec.pitfall() + "/" + spec.runtime();
        return switch (key) {
            case BlockingSleepPitfall.NAME + "/futures" -> FuturesSleepPitfall.run(spec);
            case BlockingSleepPitfall.NAME + "/loom" -> BlockingSleepPitfall.onVirtualThreads(spec);
            case CpuHogPitfall.NAME + "/futures", CpuHogPitfall.NAME + "/loom", CpuHogPitfall.NAME + "/threads" -> {
                Lateness lateness = new Lateness();
                PitfallResult result = switch (spec.runtime()) {
                    case "futures" -> FuturesCpuHog.run(spec, lateness);
                    case "loom" -> CpuHogPitfall.onThreads(spec, Thread.ofVirtual().factory(), lateness);
                    default -> CpuHogPitfall.onThreads(spec, Thread.ofPlatform().factory(), lateness);
                };
                lateness.write(raw, spec);
                yield result;
            }
            case PinningPitfall.NAME + "/loom" -> PinningPitfall.run(spec);
            default -> throw new IllegalArgumentException("no pitfall measurement '" + key + "'");
        };
    }
}
