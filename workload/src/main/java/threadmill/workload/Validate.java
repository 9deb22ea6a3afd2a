package threadmill.workload;

import java.time.Duration;

/** Argument checks whose messages name the value and the limit it broke. */
public final class Validate {

    private Validate() {
    }

    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static Duration notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
        }
        return value;
    }
}
