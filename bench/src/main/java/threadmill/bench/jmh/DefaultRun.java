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
 * page for the first time: a page fault per fresh 4 KiB page, charged to whatever allocates
 * there first, which on a fan-out of a million tasks is the spawning loop. Left in, it would
 * charge most the runtime that collects least, whose young generation keeps moving on to
 * fresh pages, and it would shrink from iteration to iteration as the heap warms. Resident
 * memory is the memory probe's job, which runs without pre-touch. The suite runner overrides
 * the counts and times for its quick, full and smoke runs; {@code -jvmArgsAppend} adds to the
 * flags and {@code -jvmArgs} replaces them.
 */
@Fork(value = 2, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class DefaultRun {
}
