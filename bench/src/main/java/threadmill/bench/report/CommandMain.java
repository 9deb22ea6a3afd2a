package threadmill.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the report commands share on the command line: a usage line and exit code 2 for the
 * wrong number of arguments, one {@code error: ...} line and exit code 1 for bad input, and a
 * {@code wrote ...} line per file written.
 */
final class CommandMain {

    /** The command's work, given its arguments; returns the files it wrote. */
    interface Body {
        List<Path> run(String[] args) throws IOException;
    }

    private CommandMain() {
    }

    static void run(String[] args, int minArgs, int maxArgs, String usage, Body body) {
        if (args.length < minArgs || args.length > maxArgs) {
            System.err.println("usage: " + usage);
            System.exit(2);
        }
        try {
            body.run(args).forEach(p -> System.out.println("wrote " + p));
        } catch (RawFormatException | IllegalArgumentException | IOException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
