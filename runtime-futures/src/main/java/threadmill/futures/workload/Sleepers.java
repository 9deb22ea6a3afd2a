package threadmill.futures.workload;

import java.time.Duration;
import threadmill.workload.SleepObserver;

/** What every sleeper of one fan-out shares, held once rather than copied into each task. */
record Sleepers(Duration sleep, SleepObserver observer) {
}
