package threadmill.futures.task;

import java.util.Optional;
import threadmill.futures.Context;
import threadmill.futures.Future;
import threadmill.futures.Poll;

/**
 * A value visible to one future and everything it polls, across await points and across the
 * threads it migrates to (tokio's {@code task_local!}). {@link #scope} wraps a future; each poll
 * of the wrapper installs the value in a thread-local slot and restores the previous one after,
 * so tasks that do not use task-locals pay nothing.
 */
public final class TaskLocal<T> {

    private final ThreadLocal<T> slot = new ThreadLocal<>();
    private final String name;

    public TaskLocal(String name) {
        this.name = name;
    }

    /** {@code future}, with this task-local set to {@code value} while it is polled. */
    public <R> Future<R> scope(T value, Future<R> future) {
        if (value == null) {
            throw new IllegalArgumentException("task-local " + name + " cannot be scoped to null");
        }
        return new Scoped<>(value, future);
    }

    /** The value of the innermost enclosing scope. */
    public T get() {
        T value = slot.get();
        if (value == null) {
            throw new IllegalStateException("task-local " + name + " read outside of its scope");
        }
        return value;
    }

    /** The value, or empty outside of any scope ({@code try_with}). */
    public Optional<T> tryGet() {
        return Optional.ofNullable(slot.get());
    }

    private final class Scoped<R> implements Future<R> {

        private final T value;
        private final Future<R> inner;

        Scoped(T value, Future<R> inner) {
            this.value = value;
            this.inner = inner;
        }

        @Override
        public Poll<R> poll(Context cx) {
            T outer = enter();
            try {
                return inner.poll(cx);
            } finally {
                exit(outer);
            }
        }

        @Override
        public void cancel() {
            T outer = enter();
            try {
                inner.cancel();
            } finally {
                exit(outer);
            }
        }

        private T enter() {
            T outer = slot.get();
            slot.set(value);
            return outer;
        }

        private void exit(T outer) {
            if (outer == null) {
                slot.remove();
            } else {
                slot.set(outer);
            }
        }
    }
}
