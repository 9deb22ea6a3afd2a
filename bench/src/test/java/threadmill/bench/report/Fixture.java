package threadmill.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The hand-written raw runs under src/test/resources, copied where a test may change them:
 * report-fixture (a small smoke run in the shapes before issue 16) and report-fixture-phase2 (a
 * full run with the shapes PHASE2.md agreed: flag configurations, worker counts, the tokio
 * reference, the pinned server windows, coroutines).
 */
final class Fixture {

    static final String PHASE2 = "/report-fixture-phase2";

    private Fixture() {
    }

    static Path copyTo(Path target) {
        return copyTo(target, "/report-fixture");
    }

    static Path copyTo(Path target, String fixture) {
        try {
            copy(Path.of(Fixture.class.getResource(fixture).toURI()), target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder and everything in it. */
    static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
