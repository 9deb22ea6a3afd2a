package threadmill.futures.testing;

import java.lang.management.ManagementFactory;

/** Heap in use after full collections: what memory tests compare, with generous bounds. */
public final class Heap {

    private Heap() {
    }

    public static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
