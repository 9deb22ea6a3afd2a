package threadmill.bench.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark starts from (JMH reads these annotations through
 * superclasses; a benchmark overrides one by annotating itself). Two forks, so that one JVM's
 * JIT luck is not the result; warm-up before measuring; the heap fixed and the GC named, so
 * that they are recorded and equal for every runtime. The suite runner overrides the counts
 * and times for its quick, full and smoke runs; {@code -jvmArgsAppend} adds to the flags and
 * {@code -jvmArgs} replaces them.
 */
@Fork(value = 2, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class DefaultRun {
}
