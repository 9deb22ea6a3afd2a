package threadmill.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** raw/env.json: what was run, where and how (written by the suite runner). */
record Env(String version, String commit, Boolean dirty, String suite, String command, String started,
           String jdkVendor, String jdkVersion, String vmName, String jdkHome,
           Map<String, List<String>> jvmFlags, String gc, String cpuModel, Double cores,
           Double memoryBytes, String kernel, String os, Map<String, String> osLimits, String maven) {

    static Env from(Json.Obj env) {
        Json.Obj threadmill = orEmpty(env, "threadmill");
        Json.Obj jdk = orEmpty(env, "jdk");
        Json.Obj cpu = orEmpty(env, "cpu");
        Map<String, List<String>> flags = new LinkedHashMap<>();
        Json.Obj jvmFlags = env.optObject("jvmFlags");
        if (jvmFlags != null) {
            jvmFlags.members().keySet().forEach(part -> flags.put(part, jvmFlags.strings(part)));
        }
        return new Env(threadmill.optString("version"), threadmill.optString("commit"),
                threadmill.optBoolean("dirty"), env.optString("suite"), env.optString("command"),
                env.optString("started"), jdk.optString("vendor"), jdk.optString("version"),
                jdk.optString("vmName"), jdk.optString("home"), Collections.unmodifiableMap(flags), env.optString("gc"),
                cpu.optString("model"), cpu.optNumber("cores"), env.optNumber("memoryBytes"),
                env.optString("kernel"), env.optString("os"), env.scalars("osLimits"), env.optString("maven"));
    }

    private static Json.Obj orEmpty(Json.Obj env, String key) {
        Json.Obj object = env.optObject(key);
        return object != null ? object : new Json.Obj(Map.of(), env.where());
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
