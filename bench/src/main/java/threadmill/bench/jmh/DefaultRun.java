package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark starts from (JMH reads these annotations through
 * superclasses; a benchmark overrides one by annotating itself). Two forks, so that one JVM's
 * JIT luck is not the result; warm-up before measuring; the heap fixed and the GC named, so
 * that they are recorded and equal for every runtime; and the heap touched at start-up
 * ({@code AlwaysPreTouch}), so that no score pays the operating system for handing the JVM a
 * page for the first time. On the virtual machines here that costs about 8 µs per 4 KiB page,
 * ~150 ns for each task of a million-task spawn whose young generation has not yet been used
 * (measured: SpawnBenchmark at 1M, futures, 200 ± 120 ns/task rising from iteration to
 * iteration without it, 100 ± 6 with it), and it would charge most the runtime that
 * collects least, whose young generation keeps moving on to fresh pages. Resident memory is
 * the memory probe's job, which runs without pre-touch. The suite runner overrides the counts
 * and times for its quick, full and smoke runs; {@code -jvmArgsAppend} adds to the flags and
 * {@code -jvmArgs} replaces them.
 */
@Fork(value = 2, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class DefaultRun {
}
