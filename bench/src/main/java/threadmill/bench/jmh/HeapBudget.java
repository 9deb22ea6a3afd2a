package threadmill.bench.jmh;

import java.util.Locale;

/**
 * Refuses sizes that cannot fit the heap this JVM was given, before anything runs, instead of
 * an OutOfMemoryError minutes into a trial. Heap per task is what the runtime's provider
 * declares ({@code TaskRuntimeProvider.heapBytesPerTask()}); per connection an estimate on the
 * generous side: a run refused here could in rare cases have fitted (raise -Xmx), and a run
 * that passes can still run out of heap.
 */
final class HeapBudget {

    /**
     * Heap per live connection of the request fan-out besides its two payload buffers: socket,
     * channel and stream objects and the task that drives them.
     */
    static final long BYTES_PER_CONNECTION = 4096;

    private HeapBudget() {
    }

    /** Throws unless {@code count} items of {@code bytesEach} fit in {@link Runtime#maxMemory()}. */
    static void requireFits(String name, long count, long bytesEach) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long needed = count * bytesEach;
        if (needed > maxHeap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s=%d needs about %s of heap (estimate: %d B each), more than the max heap "
                            + "of %s (Runtime.maxMemory()); lower %s or raise -Xmx",
                    name, count, mebibytes(needed), bytesEach, mebibytes(maxHeap), name));
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
