package threadmill.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The loom runtime's tasks never pin their carrier while they wait (JFR's VirtualThreadPinned, any duration). */
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

                recording.stop();
            }

            assertTrue(pinned.isEmpty(), pinned.size() + " pinned waits, first: " + (pinned.isEmpty() ? "" : pinned.get(0)));
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
