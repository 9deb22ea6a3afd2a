package threadmill.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {

    private static final long BYTES_PER_TASK = 1024;


    @Test
    void refusesSizesBeyondTheMaxHeapNamingBoth() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long tasks = maxHeap / BYTES_PER_TASK + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeapBudget.requireFits("tasks", tasks, BYTES_PER_TASK));
        assertTrue(e.getMessage().startsWith("tasks=" + tasks + " needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("max heap of ") && e.getMessage().contains("Runtime.maxMemory()"), e.getMessage());
    }

    @Test
    void acceptsSizesThatFit() {
        assertDoesNotThrow(() -> HeapBudget.requireFits("tasks", 1000, BYTES_PER_TASK));
    }

    @Test
    void checksConnectionsWithTheirBuffers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sockets(1_000_000, 1, 1 << 20).checkSizes());
        assertTrue(e.getMessage().startsWith("connections=1000000 needs about "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sockets(0, 1, 1).checkSizes());
        assertThrows(IllegalArgumentException.class, () -> sockets(1, 0, 1).checkSizes());
        assertThrows(IllegalArgumentException.class, () -> sockets(1, 1, 0).checkSizes());
        assertDoesNotThrow(() -> sockets(10_000, 10, 128).checkSizes());
    }

    private static SocketSizes sockets(int connections, int requests, int payload) {
        SocketSizes sizes = new SocketSizes() { };
        sizes.connections = connections;
        sizes.requests = requests;
        sizes.payload = payload;
        return sizes;
    }
}
