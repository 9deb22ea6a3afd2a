package threadmill.harness.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import threadmill.workload.Json;

/**
 * What a {@link LoadGenerator} run measured (warm-up excluded).
 *
 * @param requests round trips completed and verified
 * @param bytes payload bytes echoed and verified
 * @param wallNanos from the start of the measured phase to the last reply
 * @param requestsPerSecond {@code requests} over {@code wallNanos}
 * @param errors connections that failed (refused mid-run, reset, closed early, wrong echo,
 *        no reply in time); a failed connection sends nothing more
 * @param firstError the message of the first error, or {@code null}
 * @param latencyNanos round-trip latency in ns, from the intended send time (open loop) or
 *        corrected for coordinated omission with the warm-up median as the expected
 *        interval (closed loop)
 */
public record LoadResult(long requests, long bytes, long wallNanos, double requestsPerSecond, long errors,
        String firstError, Histogram latencyNanos) {

    private static final double NANOS_PER_MICRO = 1000.0;

    /**
     * One JSON line: the counts, percentiles in µs, and the whole histogram (HdrHistogram's
     * compressed encoding, base64) so that a parent process gets it losslessly.
     */
    public String toJson() {
        Histogram h = latencyNanos;
        return "{\"requests\":" + requests
                + ",\"bytes\":" + bytes
                + ",\"wallNanos\":" + wallNanos
                + ",\"requestsPerSecond\":" + Json.number(requestsPerSecond)
                + ",\"errors\":" + errors
                + ",\"firstError\":" + Json.string(firstError)
                + ",\"unit\":\"us\""
                + ",\"count\":" + h.getTotalCount()
                + ",\"p50\":" + micros(h.getValueAtPercentile(50))
                + ",\"p90\":" + micros(h.getValueAtPercentile(90))
                + ",\"p99\":" + micros(h.getValueAtPercentile(99))
                + ",\"p999\":" + micros(h.getValueAtPercentile(99.9))
                + ",\"max\":" + micros(h.getMaxValue())
                + ",\"histogram\":" + Json.string(encode(h)) + "}";
    }

    /** Reads back a line {@link #toJson()} wrote. */
    public static LoadResult fromJson(String line) {
        Map<String, String> fields = flatFields(line);
        try {
            byte[] encoded = Base64.getDecoder().decode(fields.get("histogram"));
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);
            return new LoadResult(
                    Long.parseLong(fields.get("requests")),
                    Long.parseLong(fields.get("bytes")),
                    Long.parseLong(fields.get("wallNanos")),
                    fields.get("requestsPerSecond") == null ? Double.NaN : Double.parseDouble(fields.get("requestsPerSecond")),
                    Long.parseLong(fields.get("errors")),
                    fields.get("firstError"),
                    histogram);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a load generator result: " + line, e);
        }
    }

    private static String micros(long nanos) {
        return Json.number(nanos / NANOS_PER_MICRO);
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** The fields of a flat JSON object of numbers, null and strings (as written by {@link #toJson()}). */
    private static Map<String, String> flatFields(String line) {
        Map<String, String> fields = new HashMap<>();
        int i = line.indexOf('{') + 1;
        while (i > 0 && i < line.length()) {
            int keyStart = line.indexOf('"', i);
            if (keyStart < 0) {
                break;
            }
            int keyEnd = line.indexOf('"', keyStart + 1);
            int valueStart = line.indexOf(':', keyEnd) + 1;
            String key = line.substring(keyStart + 1, keyEnd);
            if (line.charAt(valueStart) == '"') {
                StringBuilder value = new StringBuilder();
                int j = valueStart + 1;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        c = switch (line.charAt(++j)) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'u' -> (char) Integer.parseInt(line.substring(j + 1, (j += 4) + 1), 16);
                            default -> line.charAt(j);
                        };
                    }
                    value.append(c);
                }
                fields.put(key, value.toString());
                i = j + 1;
            } else {
                int end = valueStart;
                while (end < line.length() && ",}".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                String value = line.substring(valueStart, end).trim();
                fields.put(key, "null".equals(value) ? null : value);
                i = end + 1;
            }
        }
        return fields;
    }
}
