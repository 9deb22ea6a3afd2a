package threadmill.bench.pitfalls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Virtual-thread pinning: {@code tasks} virtual threads each sleep {@code sleepMs},
 * {@code rounds} times, inside a region (variant): none, a {@code synchronized} block on the
 * task's own monitor, a {@link ReentrantLock}, or a class initializer (each task initializes
 * its own copy of a class, see {@link SleepInClassInit}). A sleep that unmounts lets all tasks
 * overlap (about rounds x sleepMs); a pinned one holds a carrier, so with P carriers the
 * sleeps run P at a time (tasks x rounds x sleepMs / P). Pinning is counted from the JFR
 * event {@code jdk.VirtualThreadPinned} with its threshold removed (its default of 20 ms
 * would hide 1 ms pins), and shows in the wall time; both are recorded with the JDK version,
 * because JEP 491 (JDK 24) changed the answer for {@code synchronized}.
 *
 * <p>A native frame on the stack also pins; making one from pure Java needs the foreign
 * function API (an upcall from native code), which release 21 has only as a preview, so that
 * variant is not part of this build.
 */
final class PinningPitfall {

    static final String NAME = "vt-pinning";
    private static final String PINNED = "jdk.VirtualThreadPinned";
    static final List<String> VARIANTS = List.of("no-region", "synchronized", "reentrant-lock", "class-init");

    private PinningPitfall() {
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
            pinned = RecordingFile.readAllEvents(events).stream()
                    .filter(event -> event.getEventType().getName().equals(PINNED)).count();
        } finally {
            Files.deleteIfExists(events);
        }
        double unpinned = (double) rounds * sleep.toMillis();
        double allPinned = (double) tasks * rounds * sleep.toMillis() / carriers;
        boolean pins = pinned >= tasks || wallMillis > allPinned / 2;
        String note = String.format(Locale.ROOT,
                "%s on JDK %s: %s (%d pinned events; %.0f ms against %.0f ms if nothing pins, %.0f ms if every sleep pins"
                        + " with %d carriers)",
                spec.variant(), Runtime.version().feature(), pins ? "pins" : "does not pin", pinned, wallMillis,
                unpinned, allPinned, carriers);
        return new PitfallResult(wallMillis, unpinned, tasks * (double) rounds / (wallMillis / 1000), pinned,
                null, note);
    }

    private static Runnable body(String variant, int rounds, Duration sleep) throws Exception {
        return switch (variant) {
            case "no-region" -> () -> {
                for (int r = 0; r < rounds; r++) {
                    BlockingSleepPitfall.sleepBlocking(sleep);
                }
            };
            case "synchronized" -> {
                Object monitor = new Object();
                yield () -> {
                    for (int r = 0; r < rounds; r++) {
                        synchronized (monitor) {
                            BlockingSleepPitfall.sleepBlocking(sleep);
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
                            BlockingSleepPitfall.sleepBlocking(sleep);
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
            default -> throw new IllegalArgumentException(
                    "unknown pinning variant '" + variant + "'; known: " + String.join(", ", VARIANTS));
        };
    }
}
