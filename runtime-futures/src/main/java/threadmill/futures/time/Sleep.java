package threadmill.futures.time;

import java.time.Duration;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;

/**
 * Completes once its deadline has passed ({@code tokio::time::Sleep}). The deadline is fixed at
 * creation; the object is its own timer-wheel entry; cancelling it (dropping it in Rust) removes
 * the entry from the wheel at once. If the runtime whose wheel holds it shuts down first, polling
 * it throws {@link java.util.concurrent.CancellationException}: it never completes early.
 */
public final class Sleep extends TimerEntry implements Future<Void> {

    public Sleep(Duration duration) {
        super(duration);
    }

    @Override
    public Poll<Void> poll(Context cx) {
        return pollElapsed(cx) ? Poll.ready(null) : Poll.pending();
    }

    @Override
    public void cancel() {
        disarm();
    }
}
