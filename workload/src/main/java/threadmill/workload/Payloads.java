package threadmill.workload;

import java.nio.ByteBuffer;

/**
 * The bytes of each request: deterministic per (connection, request) so that an echo that
 * mixes up connections or reorders requests is caught, and cheap to produce and check so
 * that the check does not dominate what is measured.
 */
public final class Payloads {

    private Payloads() {
    }

    /** Fills {@code into} (from its position to its limit) with the payload of one request. */
    public static void fill(ByteBuffer into, int connection, int request) {
        int seed = seed(connection, request);
        for (int i = into.position(), end = into.limit(); i < end; i++) {
            into.put(i, byteAt(seed, i));
        }
    }

    /** Fills the whole array with the payload of one request. */
    public static void fill(byte[] into, int connection, int request) {
        int seed = seed(connection, request);
        for (int i = 0; i < into.length; i++) {
            into[i] = byteAt(seed, i);
        }
    }

    /** True when {@code echoed} (position to limit) is the payload of this request. */
    public static boolean matches(ByteBuffer echoed, int connection, int request) {
        int seed = seed(connection, request);
        for (int i = echoed.position(), end = echoed.limit(); i < end; i++) {
            if (echoed.get(i) != byteAt(seed, i)) {
                return false;
            }
        }
        return true;
    }

    /** True when the first {@code length} bytes of {@code echoed} are the payload of this request. */
    public static boolean matches(byte[] echoed, int length, int connection, int request) {
        int seed = seed(connection, request);
        for (int i = 0; i < length; i++) {
            if (echoed[i] != byteAt(seed, i)) {
                return false;
            }
        }
        return true;
    }

    /** The error every runtime throws when an echo does not match. */
    public static IllegalStateException mismatch(int connection, int request) {
        return new IllegalStateException(
                "echo of request " + request + " on connection " + connection + " did not match what was sent");
    }

    private static int seed(int connection, int request) {
        return connection * 31 + request * 17 + 1;
    }

    private static byte byteAt(int seed, int index) {
        return (byte) (seed + index * 7);
    }
}
