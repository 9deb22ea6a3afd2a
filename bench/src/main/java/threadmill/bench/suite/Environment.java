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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import threadmill.bench.probe.ProcFile;
import threadmill.bench.raw.RawOsLimits;
import threadmill.bench.raw.RunEnvironment;

/** The machine, JDK and code a run measured: raw/env.json, written before anything is measured. */
public final class Environment {

    private Environment() {
    }

    public static RunEnvironment describe(String suite, String command, Instant started,
                                          Map<String, List<String>> jvmFlags, Path repoRoot,
                                          RunEnvironment.Pinning cpuLayout) {
        String commit = git(repoRoot, "rev-parse", "HEAD");
        String status = commit == null ? null : git(repoRoot, "status", "--porcelain", "--untracked-files=no");
        return new RunEnvironment(
                new RunEnvironment.Build(version(), commit, status == null ? null : !status.isBlank()),
                suite, command, started.truncatedTo(ChronoUnit.SECONDS).toString(),
                new RunEnvironment.Jdk(System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                        System.getProperty("java.vm.name"), System.getProperty("java.home")),
                jvmFlags, garbageCollector(),
                new RunEnvironment.Cpu(cpuModel(ProcFile.read("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors()),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize(),
                trimmed(ProcFile.read("/proc/sys/kernel/osrelease")), osName(ProcFile.read("/etc/os-release")),
                RawOsLimits.current(), System.getProperty("threadmill.maven.version"), cpuLayout, null);
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
