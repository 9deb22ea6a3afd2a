package threadmill.harness.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import threadmill.harness.JsonLines;

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
     * The JSON line of a result: the counts, percentiles in µs, and the whole histogram
     * (HdrHistogram's compressed encoding, base64) so that a parent process gets it losslessly.
     * A rate that is not a number is written as null, and read back as NaN.
     */
    record Line(long requests, long bytes, long wallNanos, Double requestsPerSecond, long errors, String firstError,
                String unit, long count, double p50, double p90, double p99, double p999, double max,
                String histogram) {
    }

    /** One JSON line: see {@link Line}. */
    public String toJson() {
        Histogram h = latencyNanos;
        return JsonLines.write(new Line(requests, bytes, wallNanos, requestsPerSecond, errors, firstError, "us",
                h.getTotalCount(), micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()),
                encode(h)));
    }

    /** Reads back a line {@link #toJson()} wrote. */
    public static LoadResult fromJson(String json) {
        Line line = JsonLines.parse(json, Line.class);
        try {
            byte[] encoded = Base64.getDecoder().decode(line.histogram());
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);
            double rate = line.requestsPerSecond() == null ? Double.NaN : line.requestsPerSecond();
            return new LoadResult(line.requests(), line.bytes(), line.wallNanos(), rate,
                    line.errors(), line.firstError(), histogram);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a load generator result: the histogram does not decode: " + json, e);
        }
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }
}
