package threadmill.bench.pitfalls;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import threadmill.bench.raw.RawDir;
import threadmill.harness.JsonLines;
import threadmill.workload.TaskRuntimeProvider;
import threadmill.workload.TaskRuntimes;

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
        System.out.println(JsonLines.write(result.toLine(spec)));
        System.out.flush();
        System.exit(0);
    }

    /** Runs the runtime's side of the pitfall, found by name in the registry. */
    static PitfallResult measure(PitfallSpec spec, RawDir raw) throws Exception {
        TaskRuntimeProvider runtime = TaskRuntimes.provider(spec.runtime());
        return switch (spec.pitfall()) {
            case BlockingSleepPitfall.NAME -> BlockingSleepPitfall.measure(spec, runtime.pitfalls());
            case CpuHogPitfall.NAME -> CpuHogPitfall.measure(spec, runtime.pitfalls(), raw);
            case PinningPitfall.NAME -> {
                if (!runtime.tasksAreVirtualThreads()) {
                    throw new IllegalArgumentException("pitfall " + PinningPitfall.NAME + " is about virtual threads; the"
                            + " tasks of runtime " + runtime.name() + " are not");
                }
                yield PinningPitfall.run(spec);
            }
            default -> throw new IllegalArgumentException("no pitfall measurement '" + spec.pitfall() + "'; known: "
                    + String.join(", ", BlockingSleepPitfall.NAME, CpuHogPitfall.NAME, PinningPitfall.NAME));
        };
    }
}
