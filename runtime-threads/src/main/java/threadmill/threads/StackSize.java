package threadmill.threads;

import java.util.Locale;

/** A thread stack size as written on a command line: bytes, or with a k, m or g suffix like -Xss. */
final class StackSize {

    private StackSize() {
    }

    /** Parses {@code 262144}, {@code 256k}, {@code 1m} or {@code 1g}; the error names the text. */
    static long parse(String name, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        try {
            long bytes = Math.multiplyExact(Long.parseLong(digits), unit);
            if (bytes < 0) {
                throw new NumberFormatException("negative");
            }
            return bytes;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a stack size like 262144, 256k, 1m or 1g (0 = the JVM default), was '"
                    + text + "'");
        }
    }
}
