package threadmill.bench.raw;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** raw/env.json: the machine, JDK and code a run measured, written before anything is measured. */
public record RunEnvironment(Build threadmill, String suite, String command, String started, Jdk jdk,
                             Map<String, List<String>> jvmFlags, String gc, Cpu cpu, Long memoryBytes, String kernel,
                             String os, RawOsLimits osLimits, String maven, Pinning cpuLayout,
                             Map<String, ReferenceInfo> reference) {

    public RunEnvironment {
        jvmFlags = jvmFlags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(jvmFlags));
        reference = reference == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(reference));
    }

    /** The same environment with the native references' descriptions, once they are known. */
    public RunEnvironment withReference(Map<String, ReferenceInfo> references) {
        return new RunEnvironment(threadmill, suite, command, started, jdk, jvmFlags, gc, cpu, memoryBytes, kernel, os,
                osLimits, maven, cpuLayout, references);
    }

    /** The {@code threadmill} object: the code that ran. */
    public record Build(String version, String commit, Boolean dirty) {
    }

    /** The {@code jdk} object. */
    public record Jdk(String vendor, String version, String vmName, String home) {
    }

    /** The {@code cpu} object. */
    public record Cpu(String model, Integer cores) {
    }

    /**
     * The {@code cpuLayout} object: the CPUs the server comparison pinned its server processes
     * and its load generator to ({@code taskset -c} lists), null lists when it ran unpinned.
     */
    public record Pinning(String serverCpus, String clientCpus, String onlineCpus) {
    }
}
