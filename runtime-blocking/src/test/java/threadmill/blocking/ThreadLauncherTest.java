package threadmill.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class ThreadLauncherTest {

    /**
     * A joined fan-out holds no ended thread: kept in its array, a large fan-out's threads would
     * stay live for G1 until a concurrent cycle (see ThreadLauncher's StartedThreads).
     */
    @Test
    void joiningLetsGoOfTheEndedThreads() throws InterruptedException {
        List<WeakReference<Thread>> made = new ArrayList<>();
        ThreadFactory recording = task -> {
            Thread thread = Thread.ofVirtual().unstarted(task);
            made.add(new WeakReference<>(thread));
            return thread;
        };
        try (ThreadLauncher launcher = new ThreadLauncher(recording)) {
            TaskLauncher.LaunchedTasks tasks = launcher.launch(100, task -> () -> { });
            tasks.join();
            for (int attempt = 0; attempt < 10 && reachable(made) > 0; attempt++) {
                System.gc();
            }
            assertEquals(0, reachable(made), "ended threads still reachable after the join");
            Reference.reachabilityFence(tasks);
        }
    }

    private static long reachable(List<WeakReference<Thread>> threads) {
        return threads.stream().filter(thread -> thread.get() != null).count();
    }
}
