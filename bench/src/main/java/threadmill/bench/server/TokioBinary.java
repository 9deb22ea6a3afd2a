package threadmill.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import threadmill.harness.JsonLines;

/**
 * The tokio reference's binary ({@code reference/tokio}), or why there is none: given its
 * {@code build.sh}, runs it (from its own folder, where Cargo finds the offline source
 * configuration) and takes the one line it prints; given a binary, takes that. The version
 * comes from the binary's {@code info}.
 *
 * @param binary the built {@code tokio-reference}; null when not available
 * @param version the tokio version it was built with; null when unknown
 * @param notRun why there is no binary, starting {@code not run:} or {@code build failed:}; null when there is
 */
record TokioBinary(Path binary, String version, String notRun) {

    /** Longest a build may take: a first build compiles tokio and its dependencies. */
    private static final long BUILD_TIMEOUT_MINUTES = 15;

    /** What {@code location} gives: a build script is run, a binary is taken as it is, null means none. */
    static TokioBinary locate(Path location) {
        if (location == null) {
            return new TokioBinary(null, null, "not run: no tokio reference given (--tokio reference/tokio/build.sh)");
        }
        if (!Files.exists(location)) {
            return new TokioBinary(null, null, "not run: " + location + " does not exist");
        }
        if (location.getFileName().toString().endsWith(".sh")) {
            return build(location.toAbsolutePath());
        }
        return withVersion(location.toAbsolutePath());
    }

    private static TokioBinary build(Path script) {
        try {
            Process build = new ProcessBuilder(List.of("bash", script.toString())).directory(script.getParent().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line;
            try (InputStream out = build.getInputStream()) {
                line = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!build.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                return new TokioBinary(null, null, "build failed: " + script + " ran longer than "
                        + BUILD_TIMEOUT_MINUTES + " min");
            }
            return switch (build.exitValue()) {
                case 0 -> withVersion(Path.of(line));
                case 3 -> new TokioBinary(null, null, line.isEmpty() ? "not run: " + script + " found no cargo or sources" : line);
                default -> new TokioBinary(null, null, line.startsWith("build failed") ? line
                        : "build failed: " + script + " exited with " + build.exitValue());
            };
        } catch (IOException e) {
            return new TokioBinary(null, null, "not run: cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TokioBinary(null, null, "not run: interrupted while building");
        }
    }

    private static TokioBinary withVersion(Path binary) {
        try {
            Process info = new ProcessBuilder(binary.toString(), "info").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = info.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!info.waitFor(1, TimeUnit.MINUTES) || info.exitValue() != 0) {
                return new TokioBinary(null, null, "not run: " + binary + " info failed");
            }
            JsonNode version = JsonLines.mapper().readTree(out).get("tokioVersion");
            return new TokioBinary(binary, version == null || version.isNull() ? null : version.asText(), null);
        } catch (IOException e) {
            return new TokioBinary(null, null, "not run: cannot run " + binary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TokioBinary(null, null, "not run: interrupted");
        }
    }

    boolean available() {
        return binary != null;
    }
}
