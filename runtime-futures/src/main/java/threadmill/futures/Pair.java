package threadmill.futures;

/** The outputs of {@link Futures#join}: Rust's {@code (a, b)} tuple from {@code join!(a, b)}. */
public record Pair<A, B>(A first, B second) {
}
