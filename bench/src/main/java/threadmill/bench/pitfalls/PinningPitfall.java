package threadmill.bench.pitfalls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import threadmill.workload.RuntimePitfalls;
import threadmill.workload.TaskRuntimeProvider;

/**
 * Virtual-thread pinning: {@code tasks} virtual threads each sleep {@code sleepMs},
 * {@code rounds} times, inside a region (variant): none, a {@code synchronized} block on the
 * task's own monitor, a {@link ReentrantLock}, a class initializer (each task initializes
 * its own copy of a class, see {@link SleepInClassInit}), or a native frame (the sleep is
 * invoked through core reflection's native accessor, see {@link SleepThroughNativeFrame}). A sleep that unmounts lets all tasks
 * overlap (about rounds x sleepMs); a pinned one holds a carrier, so with P carriers the
 * sleeps run P at a time (tasks x rounds x sleepMs / P). Pinning is counted from the JFR
 * event {@code jdk.VirtualThreadPinned} with its threshold removed (its default of 20 ms
 * would hide 1 ms pins), and shows in the wall time; both are recorded with the JDK version,
 * because JEP 491 (JDK 24) changed the answer for {@code synchronized}.
 */
final class PinningPitfall {

    static final String NAME = "vt-pinning";
    private static final String PINNED = "jdk.VirtualThreadPinned";
    static final List<String> VARIANTS = List.of("no-region", "synchronized", "reentrant-lock", "class-init",
            "native-frame");

    /** How a variant that is not plain Java syntax makes its region, for the note. */
    private static final Map<String, String> HOW = Map.of(
            "class-init", " (Thread.sleep in a static initializer)",
            "native-frame", " (Thread.sleep invoked by Method.invoke with " + SleepThroughNativeFrame.FLAG
                    + ", so under the native NativeMethodAccessorImpl.invoke0)");

    /** Two carriers: pinned sleeps then run two at a time, which the wall time shows. */
    static final List<String> TWO_CARRIERS = List.of("-Djdk.virtualThreadScheduler.parallelism=2");

    private PinningPitfall() {
    }

    /**
     * Every variant, for a runtime whose tasks are virtual threads; none for another. The
     * measurement runs virtual threads of its own, in the regions a task body could enter.
     */
    static List<PitfallSpec> plan(TaskRuntimeProvider runtime, Map<String, Long> params) {
        if (!runtime.tasksAreVirtualThreads()) {
            return List.of();
        }
        return VARIANTS.stream()
                .map(variant -> new PitfallSpec(NAME, runtime.name(), variant, jvmFlags(variant), params))
                .toList();
    }

    /**
     * Whether a JDK of this feature release is known to pin a virtual thread that sleeps in this
     * variant's region: for the plan's time only; the measurement counts the pins.
     */
    static boolean pins(String variant, int jdkFeature) {
        return switch (variant) {
            case "class-init", "native-frame" -> true;
            case "synchronized" -> jdkFeature < 24;
            default -> false;
        };
    }

    /** Two carriers for every variant; the native-frame one also needs reflection's native accessor. */
    static List<String> jvmFlags(String variant) {
        List<String> flags = new ArrayList<>(TWO_CARRIERS);
        if (variant.equals("native-frame")) {
            flags.add(SleepThroughNativeFrame.FLAG);
        }
        return flags;
    }

    static PitfallResult run(PitfallSpec spec) throws Exception {
        int tasks = (int) spec.param("tasks");
        int rounds = (int) spec.param("rounds");
        Duration sleep = Duration.ofMillis(spec.param("sleepMs"));
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        SleepInClassInit.configure(rounds, sleep);
        List<Runnable> bodies = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            bodies.add(body(spec.variant(), rounds, sleep));
        }
        // One task first, unrecorded: the first sleep on a virtual thread initializes JDK classes,
        // and that one-time class initialization pins and would be counted against the variant.
        Thread.ofVirtual().start(body(spec.variant(), rounds, sleep)).join();
        long pinned;
        List<String> reasons;
        double wallMillis;
        Path events = Files.createTempFile("threadmill-pinning-", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(PINNED).withoutThreshold();
            recording.start();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (Runnable body : bodies) {
                threads.add(Thread.ofVirtual().start(body));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            wallMillis = PitfallResult.millisSince(start);
            recording.stop();
            recording.dump(events);
            List<RecordedEvent> pins = RecordingFile.readAllEvents(events).stream()
                    .filter(event -> event.getEventType().getName().equals(PINNED)).toList();
            pinned = pins.size();
            // JDK 24+ says why each pin happened; JDK 21's event has no such field.
            reasons = pins.stream().filter(event -> event.hasField("pinnedReason"))
                    .map(event -> event.getString("pinnedReason")).distinct().sorted().toList();
        } finally {
            Files.deleteIfExists(events);
        }
        double unpinned = (double) rounds * sleep.toMillis();
        double allPinned = (double) tasks * rounds * sleep.toMillis() / carriers;
        boolean pinning = pinned >= tasks || wallMillis > allPinned / 2;
        String note = String.format(Locale.ROOT,
                "%s%s on JDK %s: %s (%d pinned events%s; %.0f ms against %.0f ms if nothing pins, %.0f ms if every"
                        + " sleep pins with %d carriers)",
                spec.variant(), HOW.getOrDefault(spec.variant(), ""), Runtime.version(),
                pinning ? "pins" : "does not pin", pinned, reasons.isEmpty() ? "" : ", reason: " + String.join(" / ", reasons),
                wallMillis, unpinned, allPinned, carriers);
        return new PitfallResult(wallMillis, unpinned, tasks * (double) rounds / (wallMillis / 1000), pinned,
                null, note);
    }

    private static Runnable body(String variant, int rounds, Duration sleep) throws Exception {
        return switch (variant) {
            case "no-region" -> () -> {
                for (int r = 0; r < rounds; r++) {
                    RuntimePitfalls.sleepBlocking(sleep);
                }
            };
            case "synchronized" -> {
                Object monitor = new Object();
                yield () -> {
                    for (int r = 0; r < rounds; r++) {
                        synchronized (monitor) {
                            RuntimePitfalls.sleepBlocking(sleep);
                        }
                    }
                };
            }
            case "reentrant-lock" -> {
                ReentrantLock lock = new ReentrantLock();
                yield () -> {
                    for (int r = 0; r < rounds; r++) {
                        lock.lock();
                        try {
                            RuntimePitfalls.sleepBlocking(sleep);
                        } finally {
                            lock.unlock();
                        }
                    }
                };
            }
            case "class-init" -> {
                ClassLoader ownCopy = SleepInClassInit.isolatedLoader();
                yield () -> SleepInClassInit.initialize(ownCopy);
            }
            case "native-frame" -> {
                SleepThroughNativeFrame.requireNativeAccessor();
                yield () -> {
                    for (int r = 0; r < rounds; r++) {
                        SleepThroughNativeFrame.sleep(sleep);
                    }
                };
            }
            default -> throw new IllegalArgumentException(
                    "unknown pinning variant '" + variant + "'; known: " + String.join(", ", VARIANTS));
        };
    }
}
