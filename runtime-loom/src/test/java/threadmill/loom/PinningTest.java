package threadmill.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadmill.workload.RequestFanOut;
import threadmill.workload.RunningServer;
import threadmill.workload.SleepFanOut;
import threadmill.harness.load.Load;
import threadmill.harness.load.LoadGenerator;
import threadmill.harness.load.LoadResult;
import threadmill.harness.echo.NeutralEchoServer;
import threadmill.workload.Sockets;

/**
 * The loom runtime's tasks never pin their carrier while they wait (JFR's VirtualThreadPinned,
 * any duration). The same recording also catches a wait that does pin, on purpose: without that
 * positive control, a recording that saw nothing (an event renamed, a threshold that filters
 * everything, events not delivered before the stream stops) would pass as "no pinning".
 */
@Timeout(120)
class PinningTest {

    @Test
    void noTaskPinsItsCarrierWhileSleepingOrDoingSocketIo() throws Exception {
        try (VirtualThreadRuntime runtime = new VirtualThreadRuntime();
                NeutralEchoServer target = NeutralEchoServer.start(Sockets.DEFAULT_BIND, 1)) {
            exercise(runtime, target); // first run: class loading and initialisation out of the way

            List<RecordedEvent> pinned = new CopyOnWriteArrayList<>();
            try (RecordingStream recording = new RecordingStream()) {
                recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
                recording.onEvent("jdk.VirtualThreadPinned", pinned::add);
                recording.startAsync();

                exercise(runtime, target);
                Thread.ofVirtual().start(PinsItsCarrier::initialise).join();

                recording.stop();
            }

            List<RecordedEvent> control = pinned.stream().filter(PinningTest::fromTheControl).toList();
            List<RecordedEvent> tasks = pinned.stream().filter(e -> !fromTheControl(e)).toList();
            assertFalse(control.isEmpty(), "the recording missed the control's pinned sleep: it cannot see pinning at all");
            assertTrue(tasks.isEmpty(), tasks.size() + " pinned waits, first: " + (tasks.isEmpty() ? "" : tasks.get(0)));
        }
    }

    private static boolean fromTheControl(RecordedEvent event) {
        return event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                .anyMatch(frame -> frame.getMethod().getType().getName().equals(PinsItsCarrier.class.getName()));
    }

    /**
     * A virtual thread that sleeps while it initialises a class pins its carrier on every JDK
     * since 21: the JVM cannot unmount a thread in the middle of a class initializer (JEP 491
     * lifted the pinning of {@code synchronized} in JDK 24, not this one).
     */
    private static final class PinsItsCarrier {

        static {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void initialise() {
            // Running this initialises the class, sleeping in its initializer.
        }
    }

    private static void exercise(VirtualThreadRuntime runtime, NeutralEchoServer target) throws Exception {
        runtime.sleepFanOut(new SleepFanOut(1000, Duration.ofMillis(5)));
        runtime.requestFanOut(new RequestFanOut(50, 10, 4096, target.address()));
        try (RunningServer server = runtime.startEchoServer(Sockets.DEFAULT_BIND)) {
            LoadResult result = LoadGenerator.run(Load.closed(server.address(), 50, 10, 4096).withSelectorThreads(1));
            assertEquals(0, result.errors(), result.firstError());
        }
    }
}
