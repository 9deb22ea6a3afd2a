package threadmill.bench.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} options; an unknown name or a name without a value is one clear error. */
public final class CommandLine {

    private final Map<String, String> values = new HashMap<>();

    public CommandLine(String[] args, String... known) {
        Set<String> names = new TreeSet<>(Arrays.asList(known));
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !names.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + name + "'; known options: --"
                        + String.join(", --", names));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return value;
    }

    /** A comma-separated list, or the fallback when the option is absent. */
    public List<String> list(String name, List<String> fallback) {
        String value = values.get(name);
        return value == null ? fallback : List.of(value.split(","));
    }

    /** Comma-separated counts such as {@code 1,1k,10k,1M}. */
    public List<Integer> counts(String name, List<Integer> fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        List<Integer> counts = new ArrayList<>();
        for (String count : value.split(",")) {
            counts.add(count(name, count));
        }
        return counts;
    }

    /** A whole number; null when the option is absent. */
    public Long number(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    static int count(String name, String text) {
        String digits = text.trim();
        long scale = 1;
        if (digits.endsWith("k")) {
            scale = 1_000;
        } else if (digits.endsWith("M")) {
            scale = 1_000_000;
        }
        if (scale > 1) {
            digits = digits.substring(0, digits.length() - 1);
        }
        try {
            return Math.toIntExact(Long.parseLong(digits) * scale);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--" + name + " takes counts such as 1000, 10k or 1M, was '" + text + "'");
        }
    }
}
