package threadmill.bench.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pitfall measurement and the JVM it runs in: its own JVM, because the scheduler
 * properties that make the pitfall show (one carrier, two carriers) are read once at start-up.
 *
 * @param params whole-number settings such as tasks, sleepMs, rounds; passed to the child as name=value
 */
public record PitfallSpec(String pitfall, String runtime, String variant, List<String> jvmFlags,
                          Map<String, Long> params) {

    public PitfallSpec {
        jvmFlags = List.copyOf(jvmFlags);
        params = new LinkedHashMap<>(params);
    }

    public long param(String name) {
        Long value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("pitfall " + pitfall + " needs the parameter " + name);
        }
        return value;
    }

    /** The params as a pitfalls.jsonl line records them. */
    public Map<String, Object> paramsWithoutVariant() {
        return new LinkedHashMap<>(params);
    }

    /** The params and the variant, as latency.jsonl and failures.jsonl record them. */
    public Map<String, Object> paramsWithVariant() {
        Map<String, Object> json = paramsWithoutVariant();
        json.put("variant", variant);
        return json;
    }

    /** Generous: the slowest pitfall (pinned, serialised sleeps) runs for tens of seconds. */
    public Duration timeout() {
        return Duration.ofMinutes(3);
    }

    /** The arguments of {@link PitfallPoint}'s main. */
    public List<String> childArgs(String rawDir) {
        List<String> args = new ArrayList<>(List.of(pitfall, runtime, variant, rawDir));
        params.forEach((name, value) -> args.add(name + "=" + value));
        return args;
    }

    /** Parses what {@link #child} passes. */
    static PitfallSpec fromArgs(String[] args, List<String> jvmFlags) {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: PitfallPoint <pitfall> <runtime> <variant> <raw-dir> [name=value...]");
        }
        Map<String, Long> params = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            params.put(pair[0], Long.parseLong(pair[1]));
        }
        return new PitfallSpec(args[0], args[1], args[2], jvmFlags, params);
    }
}
