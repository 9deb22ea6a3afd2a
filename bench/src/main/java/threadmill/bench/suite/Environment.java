package threadmill.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import threadmill.bench.probe.JsonLine;
import threadmill.bench.probe.ProcFile;
import threadmill.workload.OsLimits;

/** The machine, JDK and code a run measured: raw/env.json, written before anything is measured. */
final class Environment {

    private Environment() {
    }

    static JsonLine describe(String suite, String command, Instant started, JsonLine jvmFlags, Path repoRoot) {
        String commit = git(repoRoot, "rev-parse", "HEAD");
        String status = commit == null ? null : git(repoRoot, "status", "--porcelain", "--untracked-files=no");
        return new JsonLine()
                .put("threadmill", new JsonLine()
                        .put("version", version())
                        .put("commit", commit)
                        .put("dirty", status == null ? null : !status.isBlank()))
                .put("suite", suite)
                .put("command", command)
                .put("started", started.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("jdk", new JsonLine()
                        .put("vendor", System.getProperty("java.vendor"))
                        .put("version", System.getProperty("java.runtime.version"))
                        .put("vmName", System.getProperty("java.vm.name"))
                        .put("home", System.getProperty("java.home")))
                .put("jvmFlags", jvmFlags)
                .put("gc", garbageCollector())
                .put("cpu", new JsonLine()
                        .put("model", cpuModel(ProcFile.read("/proc/cpuinfo")))
                        .put("cores", Runtime.getRuntime().availableProcessors()))
                .put("memoryBytes", ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize())
                .put("kernel", trimmed(ProcFile.read("/proc/sys/kernel/osrelease")))
                .put("os", osName(ProcFile.read("/etc/os-release")))
                .put("osLimits", JsonLine.raw(OsLimits.current().toJson()))
                .put("maven", System.getProperty("threadmill.maven.version"));
    }

    /** As the build passes it, else as Maven recorded it in the jar, else null. */
    static String version() {
        String version = System.getProperty("threadmill.version");
        if (version != null) {
            return version;
        }
        try (InputStream in = Environment.class.getResourceAsStream("/META-INF/maven/threadmill/bench/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    /** The collector of this JVM by its family name (G1, ZGC, Shenandoah, Parallel, Serial), or null. */
    static String garbageCollector() {
        List<String> names = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        if (names.isEmpty()) {
            return null;
        }
        String first = names.get(0);
        for (String family : List.of("G1", "ZGC", "Shenandoah")) {
            if (first.startsWith(family)) {
                return family;
            }
        }
        if (first.startsWith("PS ")) {
            return "Parallel";
        }
        return first.equals("Copy") || first.equals("MarkSweepCompact") ? "Serial" : String.join(", ", names);
    }

    static String cpuModel(String cpuinfo) {
        if (cpuinfo == null) {
            return null;
        }
        return cpuinfo.lines().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(null);
    }

    static String osName(String osRelease) {
        if (osRelease == null) {
            return null;
        }
        return osRelease.lines().filter(line -> line.startsWith("PRETTY_NAME=")).findFirst()
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", "")).orElse(null);
    }

    private static String git(Path repoRoot, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repoRoot.toString()));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return null;
            }
            return out.trim();
        } catch (IOException e) {
            return null; // no git on this machine: not a checkout we can name
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
