package threadmill.harness;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The arguments of every Threadmill main: positionals and {@code --name value} options. An
 * unknown option, an option without its value or a value of the wrong kind is one
 * IllegalArgumentException that names the option and the value; a main prints it and exits
 * with 2, before anything runs.
 */
public final class CommandLine {

    private final Set<String> known;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    /** Reads {@code args}; {@code knownOptions} are the option names without their dashes. */
    public CommandLine(String[] args, String... knownOptions) {
        this.known = new TreeSet<>(Arrays.asList(knownOptions));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw unknown(arg);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            options.put(name, args[++i]);
        }
    }

    /** For a main that takes options only: a positional argument is an unknown option. */
    public CommandLine optionsOnly() {
        if (!positionals.isEmpty()) {
            throw unknown(positionals.get(0));
        }
        return this;
    }

    private IllegalArgumentException unknown(String arg) {
        return new IllegalArgumentException("unknown option '" + arg + "'; known options: --" + String.join(", --", known));
    }

    public int positionals() {
        return positionals.size();
    }

    public String positional(int index, String fallback) {
        return index < positionals.size() ? positionals.get(index) : fallback;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return value;
    }

    /** A comma-separated list, or the fallback when the option is absent. */
    public List<String> list(String name, List<String> fallback) {
        String value = options.get(name);
        return value == null ? fallback : List.of(value.split(","));
    }

    public int integer(String name, int fallback) {
        return number(name, fallback, Integer::valueOf, "a whole number");
    }

    /** A whole number; null when the option is absent. */
    public Long wholeNumber(String name) {
        return number(name, null, Long::valueOf, "a whole number");
    }

    public double decimal(String name, double fallback) {
        return number(name, fallback, Double::valueOf, "a number");
    }

    private <T> T number(String name, T fallback, Function<String, T> parse, String kind) {
        String value = options.get(name);
        try {
            return value == null ? fallback : parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be " + kind + ", was '" + value + "'");
        }
    }

    /** Comma-separated counts such as {@code 1,1k,10k,1M}, or the fallback when the option is absent. */
    public List<Integer> counts(String name, List<Integer> fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        List<Integer> counts = new ArrayList<>();
        for (String count : value.split(",")) {
            counts.add(count(name, count));
        }
        return counts;
    }

    private static int count(String name, String text) {
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

    /** A duration as {@code 500ms}, {@code 10s}, {@code 2m} or ISO-8601 ({@code PT10S}); null when absent. */
    public Duration duration(String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(value);
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            throw new NumberFormatException("no unit");
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 500ms, 10s or 2m, was '" + value + "'");
        }
    }

    /** Parses {@code host:port} or {@code [v6]:port}; the error names the text. */
    public static InetSocketAddress address(String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, was '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535, was '" + hostPort + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535, was " + port);
        }
        return new InetSocketAddress(host, port);
    }
}
