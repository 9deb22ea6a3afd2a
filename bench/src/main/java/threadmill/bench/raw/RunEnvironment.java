package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** raw/env.json: the machine, JDK and code a run measured, written before anything is measured. */
public record RunEnvironment(
        @JsonPropertyDescription("the build that ran")
        Build threadmill,
        @JsonPropertyDescription("`smoke`, `quick` or `full`")
        String suite,
        @JsonPropertyDescription("the command line that reproduces the run")
        String command,
        @JsonPropertyDescription("when it started, UTC, ISO-8601 to the second")
        String started,
        @JsonPropertyDescription("the JDK every JVM of the run used")
        Jdk jdk,
        @JsonPropertyDescription("the JVM flags of each part: suite, benchmarks, probe, probeAbove1M, sleep10s, pitfalls")
        Map<String, List<String>> jvmFlags,
        @JsonPropertyDescription("the suite JVM's collector family: G1, ZGC, Shenandoah, Parallel or Serial")
        String gc,
        @JsonPropertyDescription("the processor")
        Cpu cpu,
        @JsonPropertyDescription("physical memory, bytes")
        Long memoryBytes,
        @JsonPropertyDescription("the kernel release")
        String kernel,
        @JsonPropertyDescription("the OS's pretty name")
        String os,
        @JsonPropertyDescription("the OS limits in force")
        RawOsLimits osLimits,
        @JsonPropertyDescription("the Maven version that started the run, or null")
        String maven) {

    public RunEnvironment {
        jvmFlags = jvmFlags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(jvmFlags));
    }

    /** The {@code threadmill} object: the code that ran. */
    public record Build(
            @JsonPropertyDescription("the project version")
            String version,
            @JsonPropertyDescription("the git commit, or null outside a checkout")
            String commit,
            @JsonPropertyDescription("true when tracked files had uncommitted changes")
            Boolean dirty) {
    }

    /** The {@code jdk} object. */
    public record Jdk(
            @JsonPropertyDescription("java.vendor")
            String vendor,
            @JsonPropertyDescription("java.runtime.version")
            String version,
            @JsonPropertyDescription("java.vm.name")
            String vmName,
            @JsonPropertyDescription("java.home")
            String home) {
    }

    /** The {@code cpu} object. */
    public record Cpu(
            @JsonPropertyDescription("the model name /proc/cpuinfo gives")
            String model,
            @JsonPropertyDescription("available processors")
            Integer cores) {
    }
}
