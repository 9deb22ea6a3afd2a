package threadmill.harness.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * A set of CPU numbers written as Linux writes them ({@code /sys/devices/system/cpu/online},
 * {@code taskset -c}): ranges and single numbers separated by commas, e.g. {@code 0-3,6}.
 * {@link #toString()} gives the canonical form, ranges merged and sorted.
 */
public record CpuSet(List<Integer> cpus) {

    /** The most CPU numbers a list may name; far beyond any machine, it bounds a typo like {@code 0-99999999}. */
    public static final int MAX_CPU = 4095;

    public CpuSet {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a CPU set names at least one CPU");
        }
        cpus = List.copyOf(new TreeSet<>(cpus));
    }

    /**
     * Reads a CPU list such as {@code 0}, {@code 0-3} or {@code 0,2-3}.
     *
     * @throws IllegalArgumentException naming the text and what a CPU list looks like
     */
    public static CpuSet parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text, "it is empty");
        }
        List<Integer> cpus = new ArrayList<>();
        for (String part : text.trim().split(",")) {
            String[] ends = part.trim().split("-", -1);
            if (ends.length > 2) {
                throw bad(text, "'" + part + "' is not a number or a range");
            }
            int first = number(text, ends[0]);
            int last = ends.length == 2 ? number(text, ends[1]) : first;
            if (last < first) {
                throw bad(text, "the range '" + part + "' runs backwards");
            }
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return new CpuSet(cpus);
    }

    private static int number(String text, String digits) {
        try {
            int cpu = Integer.parseInt(digits.trim());
            if (cpu < 0 || cpu > MAX_CPU) {
                throw bad(text, "CPU numbers run from 0 to " + MAX_CPU + ", and " + cpu + " is not one");
            }
            return cpu;
        } catch (NumberFormatException e) {
            throw bad(text, "'" + digits + "' is not a CPU number");
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("CPU list '" + text + "' cannot be read: " + why
                + "; write CPU numbers and ranges like 0, 0-3 or 0,2-3");
    }

    public int count() {
        return cpus.size();
    }

    public boolean containsAll(CpuSet other) {
        return cpus.containsAll(other.cpus);
    }

    public boolean overlaps(CpuSet other) {
        return !Collections.disjoint(cpus, other.cpus);
    }

    /** The first {@code n} CPUs of this set. */
    CpuSet first(int n) {
        return new CpuSet(cpus.subList(0, n));
    }

    /** The CPUs of this set after the first {@code n}. */
    CpuSet after(int n) {
        return new CpuSet(cpus.subList(n, cpus.size()));
    }

    /** The canonical list, e.g. {@code 0-3,6}: what taskset takes and env.json records. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cpus.size(); ) {
            int start = cpus.get(i);
            int end = start;
            while (i + 1 < cpus.size() && cpus.get(i + 1) == end + 1) {
                end = cpus.get(++i);
            }
            i++;
            out.append(out.isEmpty() ? "" : ",").append(start);
            if (end > start) {
                out.append('-').append(end);
            }
        }
        return out.toString();
    }
}
