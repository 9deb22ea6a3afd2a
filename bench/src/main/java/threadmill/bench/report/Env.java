package threadmill.bench.report;

import java.util.List;
import java.util.Map;
import threadmill.bench.raw.ReferenceInfo;
import threadmill.bench.raw.RunEnvironment;

/** raw/env.json ({@link RunEnvironment}): what was run, where and how, as the report uses it. */
record Env(String version, String commit, Boolean dirty, String suite, String command, String started,
           String jdkVendor, String jdkVersion, String vmName, String jdkHome,
           Map<String, List<String>> jvmFlags, String gc, String cpuModel, Double cores,
           Double memoryBytes, String kernel, String os, Map<String, String> osLimits, String maven,
           Map<String, ReferenceInfo> reference) {

    static Env from(RunEnvironment env) {
        RunEnvironment.Build build = env.threadmill() != null ? env.threadmill() : new RunEnvironment.Build(null, null, null);
        RunEnvironment.Jdk jdk = env.jdk() != null ? env.jdk() : new RunEnvironment.Jdk(null, null, null, null);
        RunEnvironment.Cpu cpu = env.cpu() != null ? env.cpu() : new RunEnvironment.Cpu(null, null);
        return new Env(build.version(), build.commit(), build.dirty(), env.suite(), env.command(), env.started(),
                jdk.vendor(), jdk.version(), jdk.vmName(), jdk.home(), env.jvmFlags(), env.gc(), cpu.model(),
                cpu.cores() == null ? null : cpu.cores().doubleValue(),
                env.memoryBytes() == null ? null : env.memoryBytes().doubleValue(), env.kernel(), env.os(),
                Scalars.of(env.osLimits()), env.maven(), env.reference() == null ? Map.of() : env.reference());
    }

    /** "abc1234 (dirty)", or "unknown". */
    String commitText() {
        if (commit == null) {
            return "unknown";
        }
        return Boolean.TRUE.equals(dirty) ? commit + " (dirty: uncommitted changes)" : commit;
    }

    String jdkText() {
        return orUnknown(jdkVendor) + " " + orUnknown(jdkVersion) + " (" + orUnknown(vmName) + ")";
    }

    String machineText() {
        String cores = this.cores == null ? "?" : Fmt.exact(this.cores);
        String memory = memoryBytes == null ? "?" : Fmt.num(memoryBytes / (1024.0 * 1024 * 1024)) + " GiB";
        return orUnknown(cpuModel) + ", " + cores + " cores, " + memory + ", " + orUnknown(os) + ", kernel "
                + orUnknown(kernel);
    }

    static String orUnknown(String text) {
        return text == null ? "unknown" : text;
    }
}
