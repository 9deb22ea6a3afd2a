package threadmill.harness;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The arguments of the harness's mains: positionals and {@code --name value} options. */
public final class CommandLine {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    public CommandLine(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: --" + String.join(", --", known));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            options.put(name, args[++i]);
        }
    }

    public String positional(int index, String fallback) {
        return index < positionals.size() ? positionals.get(index) : fallback;
    }

    public int positionals() {
        return positionals.size();
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return number(name, fallback, Integer::valueOf, "a whole number");
    }

    public double decimal(String name, double fallback) {
        return number(name, fallback, Double::valueOf, "a number");
    }

    private <T> T number(String name, T fallback, java.util.function.Function<String, T> parse, String kind) {
        String value = options.get(name);
        try {
            return value == null ? fallback : parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be " + kind + ", was '" + value + "'");
        }
    }

    /** A duration as {@code 500ms}, {@code 10s}, {@code 2m} or ISO-8601 ({@code PT10S}). */
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
