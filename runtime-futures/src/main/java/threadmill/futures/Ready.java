package threadmill.futures;

/** {@link Futures#ready}: a future that is ready with its value on the first poll. */
final class Ready<T> implements Future<T> {

    private T value;
    private boolean taken;

    Ready(T value) {
        this.value = value;
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (taken) {
            Completion.check(null);
        }
        taken = true;
        T v = value;
        value = null;
        return Poll.ready(v);
    }
}
