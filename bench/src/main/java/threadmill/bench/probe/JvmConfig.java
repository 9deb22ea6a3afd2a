package threadmill.bench.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JVM-flags configurations of the matrix (issue 18): the collector and whether object
 * headers are compact, each with a label a probe line records as {@code config} beside its
 * exact {@code jvmFlags}. A parked task is a few objects, so the header size (12 bytes, or 8
 * compact, JEP 519) is a share of every one of them; the collector decides how a million live
 * tasks are laid out, scanned and how much memory it keeps around them.
 *
 * <p>{@link #DEFAULT} is the JDK's own choice: the collector it picks on a server-class
 * machine (G1) and headers as that JDK sets them (off up to JDK 25). Every other configuration
 * names its collector and its header setting, so that a JDK whose defaults change later
 * measures the same thing.
 */
public enum JvmConfig {

    DEFAULT("default", Collector.G1, Headers.JDK_DEFAULT),
    COH("coh", Collector.G1, Headers.COMPACT),
    ZGC("zgc", Collector.ZGC, Headers.STANDARD),
    PARALLEL("parallel", Collector.PARALLEL, Headers.STANDARD),
    SERIAL("serial", Collector.SERIAL, Headers.STANDARD),
    COH_ZGC("coh-zgc", Collector.ZGC, Headers.COMPACT),
    COH_PARALLEL("coh-parallel", Collector.PARALLEL, Headers.COMPACT),
    COH_SERIAL("coh-serial", Collector.SERIAL, Headers.COMPACT);

    /** The first JDK in which compact object headers are a product option (JEP 519). */
    static final int COMPACT_HEADERS_PRODUCT = 25;
    /** The first JDK that has them at all, as an experimental option (JEP 450). */
    static final int COMPACT_HEADERS_EXPERIMENTAL = 24;
    /** The first JDK whose ZGC is generational only (JEP 490); from 21 to 23 it takes a flag. */
    static final int ZGC_GENERATIONAL_ONLY = 24;

    private final String label;
    private final Collector collector;
    private final Headers headers;

    JvmConfig(String label, Collector collector, Headers headers) {
        this.label = label;
        this.collector = collector;
        this.headers = headers;
    }

    public String label() {
        return label;
    }

    /** The configurations of the whole matrix, and of the quick suite's slice of it. */
    public static List<JvmConfig> matrix(boolean full) {
        return full ? List.of(values()) : List.of(DEFAULT, COH);
    }

    public static JvmConfig named(String label) {
        return Arrays.stream(values()).filter(config -> config.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown config '" + label + "'; known: "
                        + Arrays.stream(values()).map(JvmConfig::label).collect(Collectors.joining(", "))));
    }

    /**
     * Why a JDK of this feature release cannot run this configuration, if it cannot: compact
     * headers do not exist before JDK 24.
     */
    public Optional<String> unsupportedOn(int jdkFeature) {
        if (headers == Headers.COMPACT && jdkFeature < COMPACT_HEADERS_EXPERIMENTAL) {
            return Optional.of("config " + label + " needs compact object headers, which JDK " + jdkFeature
                    + " does not have (experimental in JDK " + COMPACT_HEADERS_EXPERIMENTAL + ", a product option from JDK "
                    + COMPACT_HEADERS_PRODUCT + ")");
        }
        return Optional.empty();
    }

    /**
     * The flags that select the collector and the headers on a JDK of this feature release, for
     * a point that names its collector. {@link #DEFAULT} names G1 and leaves the headers to the JDK.
     */
    public List<String> flags(int jdkFeature) {
        List<String> flags = new ArrayList<>(collector.flags(jdkFeature));
        flags.addAll(headers.flags(jdkFeature));
        return flags;
    }

    /**
     * The flags of a point that otherwise runs with the JDK's defaults (the sleep-10-s
     * experiment): none for {@link #DEFAULT}, as the published tables ran it.
     */
    public List<String> flagsOverDefaults(int jdkFeature) {
        return this == DEFAULT ? List.of() : flags(jdkFeature);
    }

    private enum Collector {
        G1, ZGC, PARALLEL, SERIAL;

        List<String> flags(int jdkFeature) {
            return switch (this) {
                case G1 -> List.of("-XX:+UseG1GC");
                case ZGC -> jdkFeature < ZGC_GENERATIONAL_ONLY ? List.of("-XX:+UseZGC", "-XX:+ZGenerational")
                        : List.of("-XX:+UseZGC");
                case PARALLEL -> List.of("-XX:+UseParallelGC");
                case SERIAL -> List.of("-XX:+UseSerialGC");
            };
        }
    }

    private enum Headers {
        JDK_DEFAULT, STANDARD, COMPACT;

        List<String> flags(int jdkFeature) {
            if (this == JDK_DEFAULT || jdkFeature < COMPACT_HEADERS_EXPERIMENTAL) {
                return List.of();
            }
            String flag = this == COMPACT ? "-XX:+UseCompactObjectHeaders" : "-XX:-UseCompactObjectHeaders";
            return jdkFeature < COMPACT_HEADERS_PRODUCT ? List.of("-XX:+UnlockExperimentalVMOptions", flag)
                    : List.of(flag);
        }
    }
}
