package threadmill.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How the numbers were made, and the command, JDK, commit and machine that reproduce them. */
final class MethodologySection {

    private MethodologySection() {
    }

    static void write(ReportContext ctx) {
        ctx.md.heading(2, "Methodology");
        jmhSettings(ctx);
        jvmFlags(ctx);
        ctx.md.bullets(List.of(
                "**Errors.** JMH scores are the mean over all measurement iterations of all forks; ± is the "
                        + "half-width of JMH's 99.9% confidence interval (Student t), and the interval is shown "
                        + "beside it. Probe and N × 10 s values are single shots: no error is known. A latency "
                        + "point has one histogram per JMH fork, and its percentiles are given with the spread of "
                        + "the forks.",
                "**Digits.** One rule prints every figure of the findings, the headline table and the JMH "
                        + "tables: the value is rounded at the first significant digit of its ± (69 ± 52 ns prints "
                        + "as 70 ns ±75 %), never to more than four significant digits, and a figure whose ± is "
                        + "above " + Figure.percent(100 * ctx.noiseBound) + " % of it (the bound of a "
                        + (ctx.run.env() == null || ctx.run.env().suite() == null ? "run of unknown suite"
                        : ctx.run.env().suite() + " run") + "; " + Figure.percent(100 * Figure.FULL_BOUND)
                        + " % in the full suite, " + Figure.percent(100 * Figure.QUICK_BOUND) + " % in the others) "
                        + "is marked (noisy). Where a figure's ± comes from: " + basisText() + ". A figure with "
                        + "none prints with three significant digits. results.csv keeps every value as measured.",
                "**Memory.** Each probe point is its own JVM: it starts N tasks that park once at the "
                        + "stated depth and, once all are parked, records heap used after GC, RSS, VmHWM (peak "
                        + "RSS), VmPTE (page tables) and the NMT summary (committed Java heap, Thread, Class). "
                        + "Per task = (value(N) − value(N=1)) / N; slope = least-squares fit of value over N. "
                        + warmUp(ctx),
                "**Network.** All socket traffic runs over loopback (127.0.0.1); the server side runs in its own "
                        + "JVM process, so client and server share no heap or GC.",
                "**Timers.** A sleep benchmark is mostly a timer benchmark. JDK virtual threads (loom): "
                        + "Thread.sleep parks the virtual thread and the JDK's delayed-task scheduler unparks it. "
                        + "futures: our 1 ms hierarchical timer wheel, turned by the worker threads between polls. Platform threads (threads, pool): the kernel's "
                        + "nanosleep. coroutines: delay() on Dispatchers.Default is timed by kotlinx.coroutines' "
                        + "DefaultExecutor thread, which resumes the coroutine on the dispatcher. tokio: the "
                        + "runtime's own hierarchical timer wheel."));
        reproduce(ctx);
    }

    private static String basisText() {
        List<String> bases = new ArrayList<>();
        for (Figure.Basis basis : Figure.Basis.values()) {
            bases.add(switch (basis) {
                case CI -> "JMH figures: " + basis.meaning;
                case SPREAD -> "latency percentiles and server figures: " + basis.meaning
                        + " (JMH forks, server windows), each a process or window of its own";
                case SWEEP -> "memory per task: " + basis.meaning;
                case SINGLE -> "N × 10 s figures: " + basis.meaning;
            });
        }
        return String.join("; ", bases);
    }

    /** What the memory points ran before their tasks parked, as their lines say. */
    private static String warmUp(ReportContext ctx) {
        List<String> warmUps = ctx.run.probe().stream().filter(p -> p.experiment().equals("memory"))
                .map(p -> p.value("warmupTasks")).map(w -> w == null ? "none" : Fmt.num(w) + " tasks")
                .distinct().toList();
        return warmUps.isEmpty() ? "" : "Warm-up before the N tasks were spawned (the same in every point, N=1 "
                + "included, so it cancels out of the per-task figures): " + String.join(", ", warmUps) + ".";
    }

    private static void jmhSettings(ReportContext ctx) {
        if (ctx.run.jmh().isEmpty()) {
            ctx.md.paragraph("JMH: " + ReportContext.NOT_MEASURED + " (no raw/jmh-*.json files).");
            return;
        }
        Map<String, Set<String>> settings = new LinkedHashMap<>();
        for (JmhResult r : ctx.run.jmh()) {
            settings.computeIfAbsent(r.group(), g -> new LinkedHashSet<>()).add("mode " + r.mode() + ", " + r.forks()
                    + " fork(s), " + r.threads() + " thread(s), warm-up " + r.warmupIterations() + " × "
                    + Env.orUnknown(r.warmupTime()) + ", measurement " + r.measurementIterations() + " × "
                    + Env.orUnknown(r.measurementTime()) + ", JDK " + Env.orUnknown(r.vmVersion()));
        }
        List<List<String>> rows = new ArrayList<>();
        settings.forEach((group, values) -> rows.add(List.of(group, String.join("; ", values))));
        ctx.md.table(List.of("JMH group", "settings (as recorded by JMH)"), rows);
    }

    /** Flags of every part: the suite's own record, then each JMH group's and each probe point's. */
    private static void jvmFlags(ReportContext ctx) {
        Map<String, Set<String>> parts = new LinkedHashMap<>();
        if (ctx.run.env() != null) {
            ctx.run.env().jvmFlags().forEach((part, flags) ->
                    parts.computeIfAbsent("env.json: " + part, k -> new LinkedHashSet<>()).add(join(flags)));
        }
        ctx.run.jmh().forEach(r -> parts.computeIfAbsent("JMH " + r.group() + " (forked JVM)",
                k -> new LinkedHashSet<>()).add(join(r.jvmArgs())));
        ctx.run.probe().forEach(p -> parts.computeIfAbsent("probe " + p.experiment() + " " + p.runtime()
                + (p.config().equals(ProbeResult.DEFAULT_CONFIG) ? "" : " (" + p.config() + ")"),
                k -> new LinkedHashSet<>()).add(join(p.jvmFlags())));
        ctx.run.pitfalls().forEach(p -> parts.computeIfAbsent("pitfall " + p.pitfall() + " " + p.runtime(),
                k -> new LinkedHashSet<>()).add(join(p.jvmFlags())));
        ctx.run.server().stream().filter(line -> line.serverJvmFlags() != null)
                .forEach(line -> parts.computeIfAbsent("server " + line.server() + " (its own JVM)",
                        k -> new LinkedHashSet<>()).add(join(line.serverJvmFlags())));
        if (parts.isEmpty()) {
            ctx.md.paragraph("JVM flags: not recorded.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        parts.forEach((part, flags) -> rows.add(List.of(part, String.join(" / ", flags))));
        ctx.md.table(List.of("part", "JVM flags"), rows);
    }

    private static String join(List<String> flags) {
        return flags.isEmpty() ? "(none recorded)" : Markdown.inline(String.join(" ", flags));
    }

    private static void reproduce(ReportContext ctx) {
        ctx.md.heading(2, "Reproduce");
        Env env = ctx.run.env();
        if (env == null) {
            ctx.md.paragraph("raw/env.json is missing: the command, JDK, commit and machine of this run are "
                    + "unknown.");
            return;
        }
        ctx.md.code(env.command() == null ? "(command not recorded)" : env.command());
        ctx.md.bullets(List.of(
                "Threadmill " + Env.orUnknown(env.version()) + ", commit " + env.commitText(),
                "Suite: " + Env.orUnknown(env.suite()) + ", started " + Env.orUnknown(env.started()),
                "JDK: " + env.jdkText() + " at " + Env.orUnknown(env.jdkHome()) + ", GC " + Env.orUnknown(env.gc()),
                "Machine: " + env.machineText(),
                "OS limits: " + (env.osLimits().isEmpty() ? "not recorded" : Params.text(env.osLimits())),
                "Maven: " + Env.orUnknown(env.maven())));
    }
}
