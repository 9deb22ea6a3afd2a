package threadmill.futures.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import threadmill.futures.Context;
import threadmill.futures.CoopBudget;
import threadmill.futures.Future;
import threadmill.futures.Futures;
import threadmill.futures.Poll;
import threadmill.futures.net.TcpListener;
import threadmill.futures.net.TcpStream;
import threadmill.futures.runtime.Tunables;
import threadmill.futures.task.JoinError;
import threadmill.futures.task.JoinHandle;
import threadmill.futures.testing.AsyncTest;
import threadmill.futures.testing.Await;
import threadmill.futures.testing.WaitLog;

class WorkerPoolTest {

    /**
     * Two workers keep thousands of sleeping tasks waiting at once (two threads running them
     * one after another would have two). Counted, not timed: at least a tenth of them waited
     * together, which a loaded machine that stalls the spawning thread for a while still shows.
     */
    @Test
    void thousandsOfSleepingTasksRunConcurrently() {
        WaitLog log = new WaitLog();
        try (WorkerPool pool = new WorkerPool(2)) {
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int v = i;
                handles.add(pool.spawn(log.trace("task " + i, Futures.sleep(Duration.ofSeconds(1))).map(x -> v)));
            }
            long sum = 0;
            for (int v : pool.blockOn(Futures.joinAll(handles))) {
                sum += v;
            }
            assertEquals(10_000L * 9_999 / 2, sum);
        }
        assertTrue(log.mostWaitingAtOnce() >= 1_000, log.mostWaitingAtOnce() + " tasks waited at once");
    }

    @Test
    void tasksSpawnTasksAndWorkIsSharedAcrossWorkers() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (WorkerPool pool = new WorkerPool(2)) {
            Future<List<Integer>> parent = Futures.pollFn(cx -> Poll.ready(0)).then(x -> {
                List<JoinHandle<Integer>> children = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    int v = i;
                    children.add(pool.spawn(Futures.pollFn(c -> {
                        threads.add(Thread.currentThread().getName());
                        busy(100_000);
                        return Poll.ready(v);
                    })));
                }
                return Futures.joinAll(children);
            });
            assertEquals(2_000, pool.blockOn(pool.spawn(parent)).size());
        }
        assertEquals(2, threads.size(), "spawned from one worker, stolen by the other: " + threads);
    }

    private static long busy(int iterations) {
        long x = 0;
        for (int i = 0; i < iterations; i++) {
            x += i * 31L ^ x;
        }
        return x;
    }

    /**
     * A server's accept loop runs on one worker, and each connection's first read registers its
     * socket from there: the sockets must still spread over both workers' selectors, whose
     * readiness decides where their tasks run, and closing them must leave nothing counted.
     */
    @Test
    void socketsOpenedOnOneWorkerAreSpreadOverThePoolsSelectors() throws IOException {
        int connections = 200;
        List<Socket> clients = new ArrayList<>();
        try (TcpListener listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                WorkerPool pool = new WorkerPool(2)) {
            for (int i = 0; i < connections; i++) {
                clients.add(new Socket(listener.localAddress().getAddress(), listener.localAddress().getPort()));
            }
            List<TcpStream> streams = pool.blockOn(pool.spawn(new AcceptAndWaitToRead(listener, connections)));
            int first = pool.workers[0].driver.reactor().channels();
            int second = pool.workers[1].driver.reactor().channels();
            assertTrue(first + second >= connections, first + " + " + second + " registered");
            assertTrue(Math.abs(first - second) <= connections / 10, first + " vs " + second + " sockets");

            streams.forEach(TcpStream::close);
            listener.close();
            assertEquals(0, pool.workers[0].driver.reactor().channels() + pool.workers[1].driver.reactor().channels());
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    /** Accepts {@code n} connections and starts a read on each, which registers its socket. */
    private static final class AcceptAndWaitToRead implements Future<List<TcpStream>> {
        private final TcpListener listener;
        private final int n;
        private final List<TcpStream> accepted = new ArrayList<>();

        AcceptAndWaitToRead(TcpListener listener, int n) {
            this.listener = listener;
            this.n = n;
        }

        @Override
        public Poll<List<TcpStream>> poll(Context cx) {
            while (accepted.size() < n) {
                Poll<TcpStream> next = listener.pollAccept(cx);
                if (next.isPending()) {
                    return Poll.pending();
                }
                TcpStream stream = next.value();
                assertTrue(stream.pollRead(cx, ByteBuffer.allocate(1)).isPending(), "the client sent nothing");
                accepted.add(stream);
            }
            return Poll.ready(accepted);
        }
    }

    /**
     * More than half a ring of tasks that keep waking each other (here: themselves) on the only
     * worker, and a socket that becomes readable meanwhile. The worker's turn after each pass of
     * its queue must still select, within the room of its run queue, and wake the reader; with
     * under 512 slots free it used to skip the select every time, and the reader waited as long
     * as the others ran.
     */
    @Test
    void aReadySocketIsServedWhileMoreThanHalfARingOfTasksKeepWakingEachOther() throws Exception {
        int spinners = LocalQueue.CAPACITY / 2 + 100;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean reading = new AtomicBoolean();
        CountDownLatch served = new CountDownLatch(1);
        try (TcpListener listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                Socket client = new Socket(listener.localAddress().getAddress(), listener.localAddress().getPort());
                WorkerPool pool = new WorkerPool(1)) {
            pool.spawn(listener.accept().then(stream -> Futures.pollFn(cx -> {
                if (stream.pollRead(cx, ByteBuffer.allocate(1)).isPending()) {
                    reading.set(true);
                    return Poll.pending();
                }
                served.countDown();
                stream.close();
                return Poll.ready(null);
            })));
            Await.until(reading::get, "the reader waits for its socket");
            for (int i = 0; i < spinners; i++) {
                pool.spawn(Futures.pollFn(cx -> stop.get() ? Poll.ready(null) : CoopBudget.yieldTo(cx)));
            }
            Await.until(() -> pool.workers[0].queue.room() < LocalQueue.CAPACITY / 2, "over half the ring runnable");
            try {
                client.getOutputStream().write(1);
                assertTrue(served.await(20, TimeUnit.SECONDS), "the readable socket was never served");
            } finally {
                stop.set(true);
            }
        }
    }

    /**
     * A thousand tasks queued on the only worker, each yielding 30 times: the worker turns its
     * driver once per pass of its queue, about 30 times in all, not every 61 tasks (about 490
     * times). With the JDK's level-triggered selector, every extra select reports again each
     * socket whose woken task still waits in the queue.
     */
    @Test
    void aBusyWorkerSelectsOncePerPassOfItsQueueNotEveryFairnessInterval() throws Exception {
        int tasks = 1000;
        int yields = 30;
        CountDownLatch done = new CountDownLatch(tasks);
        try (WorkerPool pool = new WorkerPool(1)) {
            Driver driver = pool.workers[0].driver;
            int before = driver.turns();
            pool.spawn(Futures.pollFn(spawner -> {
                for (int i = 0; i < tasks; i++) {
                    int[] left = {yields};
                    pool.spawn(Futures.pollFn(cx -> {
                        if (--left[0] > 0) {
                            return CoopBudget.yieldTo(cx);
                        }
                        done.countDown();
                        return Poll.ready(null);
                    }));
                }
                return Poll.ready(null);
            }));
            assertTrue(done.await(30, TimeUnit.SECONDS), "the yielding tasks did not finish");
            int turns = driver.turns() - before;
            assertTrue(turns < tasks * yields / Tunables.FAIRNESS_INTERVAL / 4,
                    turns + " turns for " + tasks * yields + " polls of " + tasks + " queued tasks");
        }
    }

    /**
     * A task closes a listener whose socket is registered in the selector of another worker,
     * which is busy. Its worker must not wait for that selector: the release is handed to it, and
     * the listener stops accepting once that worker gets to its next select. The closing worker
     * used to nap until then (here: until the other worker's task ends, 800 ms), up to a second.
     */
    @Test
    void closingAListenerFromAWorkerHandsTheReleaseToItsSelectorInsteadOfWaiting() throws Exception {
        AtomicBoolean ownerHeldTooLong = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WorkerPool owner = new WorkerPool(1); WorkerPool closer = new WorkerPool(1)) {
            TcpListener listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress address = listener.localAddress();
            JoinHandle<TcpStream> accepting = owner.spawn(listener.accept());
            Await.until(() -> owner.workers[0].driver.reactor().channels() == 1, "the listener waits in the owner's selector");
            owner.spawn(Futures.pollFn(cx -> {
                holding.countDown();
                try {
                    ownerHeldTooLong.set(!release.await(800, TimeUnit.MILLISECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Poll.ready(null);
            }));
            holding.await();

            closer.blockOn(closer.spawn(Futures.pollFn(cx -> {
                listener.close();
                return Poll.ready(null);
            })));
            assertFalse(ownerHeldTooLong.get(), "the closing worker waited for the busy worker's selector");
            release.countDown();

            Await.until(() -> refuses(address), "the listener's socket released by its own selector");
            JoinError e = assertThrows(JoinError.class, () -> AsyncTest.run(accepting));
            assertInstanceOf(java.io.UncheckedIOException.class, e.getCause());
        }
    }

    private static boolean refuses(InetSocketAddress address) {
        try (Socket probe = new Socket()) {
            probe.connect(address, 1_000);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void closeStopsEveryThreadItStarted() throws InterruptedException {
        String prefix;
        try (WorkerPool pool = new WorkerPool(3)) {
            pool.blockOn(pool.spawnBlocking(() -> 1));
            prefix = pool.blockOn(pool.spawn(Futures.pollFn(cx -> Poll.ready(Thread.currentThread().getName()))));
            prefix = prefix.substring(0, prefix.indexOf("-worker-"));
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith(prefix + "-") && t.isAlive(), "still running: " + t.getName());
        }
    }

    /**
     * close() returns only once the blocking pool's threads have ended, not merely once its
     * executor reports termination, which its last thread signals just before it ends.
     */
    @Test
    void closeReturnsOnlyOnceTheBlockingThreadsHaveEnded() {
        for (int round = 0; round < 200; round++) {
            WorkerPool pool = new WorkerPool(1);
            Thread ran = pool.blockOn(pool.spawnBlocking(Thread::currentThread));
            pool.close();
            assertFalse(ran.isAlive(), "round " + round + ": close returned while " + ran.getName() + " was alive");
        }
    }

    @Test
    void blockOnParksInsteadOfSpinning() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (WorkerPool pool = new WorkerPool(2)) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            pool.blockOn(pool.spawn(Futures.sleep(Duration.ofSeconds(1))));
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            assertTrue(cpuMillis < 100, "waiting 1 s used " + cpuMillis + " ms of CPU");
        }
    }

    @Test
    void badSizesAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
        assertTrue(e.getMessage().contains("between 1 and 1024, was 0"), e.getMessage());
    }

    @Test
    void aPoolCannotBeClosedFromItsOwnWorker() {
        try (WorkerPool pool = new WorkerPool(1)) {
            JoinError e = assertThrows(JoinError.class,
                    () -> pool.blockOn(pool.spawn(Futures.pollFn(cx -> {
                        pool.close();
                        return Poll.ready(null);
                    }))));
            assertTrue(e.getCause() instanceof IllegalStateException);
        }
    }

    /**
     * The first scenario: a thread in blockOn on a long sleep, another thread closes the
     * pool. blockOn must end at once with the shutdown error; it used to return normally, as if
     * the sleep had elapsed.
     */
    @Test
    void closingThePoolEndsABlockOnSleepWithTheShutdownErrorNotAsElapsed() throws Exception {
        WorkerPool pool = new WorkerPool(2);
        CompletableFuture<Object> outcome = blockOnAnotherThread(pool, Futures.sleep(Duration.ofSeconds(60)));
        Await.until(() -> pool.armedTimers() == 1, "the sleep is armed");
        pool.close();
        Object ended = outcome.get(30, TimeUnit.SECONDS);
        assertInstanceOf(CancellationException.class, ended, String.valueOf(ended));
    }

    /** A timer first polled after the pool closed must fail at once, not wait in a closed wheel. */
    @Test
    void aTimerArmedAfterThePoolClosedFailsInsteadOfWaitingForever() throws Exception {
        WorkerPool pool = new WorkerPool(1);
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        CompletableFuture<Object> outcome = blockOnAnotherThread(pool, Futures.pollFn(cx -> {
            polling.countDown();
            awaitQuietly(closed);
            return Poll.ready(null);
        }).then(v -> Futures.sleep(Duration.ofSeconds(60))));
        polling.await();
        pool.close();
        closed.countDown();
        Object ended = outcome.get(30, TimeUnit.SECONDS);
        assertInstanceOf(CancellationException.class, ended, String.valueOf(ended));
    }

    /**
     * Runs {@code pool.blockOn(future)} on a thread of its own. The outcome is what it threw, or,
     * if it returned, a message saying so (every caller here expects it to throw).
     */
    private static CompletableFuture<Object> blockOnAnotherThread(WorkerPool pool, Future<?> future) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                outcome.complete("blockOn returned " + pool.blockOn(future) + ", as if the sleep had elapsed");
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        return outcome;
    }

    /**
     * The second scenario: more blocking jobs than the blocking pool has threads, all
     * sleeping, then close. Every handle must be finished when close returns, as cancelled:
     * the jobs still queued (they used to be dropped, their handles pending forever) and the
     * running ones, which close interrupts.
     */
    @Test
    void closingThePoolCompletesEveryBlockingJobAsCancelledQueuedOrRunning() throws InterruptedException {
        int jobs = BlockingPool.MAX_THREADS + 188;
        AtomicInteger running = new AtomicInteger();
        List<JoinHandle<Integer>> handles = new ArrayList<>();
        WorkerPool pool = new WorkerPool(1);
        try {
            for (int i = 0; i < jobs; i++) {
                handles.add(pool.spawnBlocking(() -> {
                    running.incrementAndGet();
                    Thread.sleep(20_000);
                    return 1;
                }));
            }
            Await.until(() -> running.get() == BlockingPool.MAX_THREADS, "every blocking thread busy");
        } finally {
            pool.close();
        }
        long unfinished = handles.stream().filter(h -> !h.isFinished()).count();
        assertEquals(0, unfinished, unfinished + " of " + jobs + " handles unfinished after close");
        for (JoinHandle<Integer> h : handles) {
            JoinError e = assertThrows(JoinError.class, () -> AsyncTest.run(h));
            assertTrue(e.isCancelled(), "completed as " + e);
        }
    }

    /**
     * Two threads close the pool while a task still holds its only worker: the second close,
     * like the first, returns only once the worker's thread has ended (it used to return at
     * once, seeing the pool already closed).
     */
    @Test
    void aSecondConcurrentCloseWaitsForTheWorkersLikeTheFirst() throws InterruptedException {
        WorkerPool pool = new WorkerPool(1);
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        pool.spawn(Futures.pollFn(cx -> {
            worker.complete(Thread.currentThread());
            sleepQuietly(2_000);
            return Poll.ready(null);
        }));
        Thread workerThread = worker.join();
        Thread firstCloser = new Thread(pool::close);
        firstCloser.start();
        Await.until(pool::isClosed, "the first close began");
        pool.close();
        assertFalse(workerThread.isAlive(), "the second close returned while the worker was still running");
        firstCloser.join();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Spawned after close: never run, finished at once, and its handle says cancelled. */
    @Test
    void aSpawnAfterCloseIsCancelledNotLost() {
        WorkerPool pool = new WorkerPool(1);
        pool.close();
        AtomicBoolean polled = new AtomicBoolean();
        JoinHandle<Integer> late = pool.spawn(Futures.pollFn(cx -> {
            polled.set(true);
            return Poll.ready(1);
        }));
        assertTrue(late.isFinished(), "completed at once, not queued in a closed pool");
        JoinError e = assertThrows(JoinError.class, () -> AsyncTest.run(late));
        assertTrue(e.isCancelled(), "completed as " + e);
        assertFalse(polled.get(), "a closed pool ran it");
    }
}
