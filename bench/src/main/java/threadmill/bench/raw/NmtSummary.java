package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's own account of its native memory (Native Memory Tracking, summary level), in
 * bytes: the heap, the thread stacks (reserved: address space, committed: touched), the class
 * metadata and the total; the {@code nmt} object of a probe.jsonl line. Read in-process
 * through the DiagnosticCommand MBean, which is what
 * {@code jcmd <pid> VM.native_memory summary scale=b} calls, without attaching a second JVM.
 */
public record NmtSummary(
        @JsonProperty(required = true) long javaHeapCommitted, @JsonProperty(required = true) long threadCommitted,
        @JsonProperty(required = true) long threadReserved, @JsonProperty(required = true) long threadCount,
        @JsonProperty(required = true) long classCommitted, @JsonProperty(required = true) long totalCommitted) {

    private static final Pattern TOTAL = Pattern.compile("Total: reserved=(\\d+), committed=(\\d+)");
    private static final Pattern THREAD_COUNT = Pattern.compile("\\(threads #(\\d+)\\)");

    /** The summary of this JVM, or null when it was not started with NativeMemoryTracking. */
    public static NmtSummary ofThisJvm() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary", "scale=b"}}, new String[] {String[].class.getName()});
            return parse(String.valueOf(text));
        } catch (JMException e) {
            return null;
        }
    }

    /** Parses the text of an NMT summary printed with {@code scale=b}; null when NMT is off. */
    public static NmtSummary parse(String summary) {
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            return null;
        }
        Matcher threads = THREAD_COUNT.matcher(summary);
        return new NmtSummary(
                category(summary, "Java Heap", 2),
                category(summary, "Thread", 2),
                category(summary, "Thread", 1),
                threads.find() ? Long.parseLong(threads.group(1)) : 0,
                category(summary, "Class", 2),
                Long.parseLong(total.group(2)));
    }

    /** Group 1 is reserved, group 2 committed, of a line such as {@code -  Thread (reserved=.., committed=..)}. */
    private static long category(String summary, String name, int group) {
        Matcher line = Pattern.compile("-\\s+" + Pattern.quote(name) + " \\(reserved=(\\d+), committed=(\\d+)")
                .matcher(summary);
        if (!line.find()) {
            throw new IllegalArgumentException("NMT summary has no '" + name + "' category");
        }
        return Long.parseLong(line.group(group));
    }
}
