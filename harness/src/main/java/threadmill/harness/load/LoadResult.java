package threadmill.harness.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import threadmill.harness.JsonLines;

/**
 * What one measured phase of a {@link LoadSession} counted (a {@link LoadGenerator} run's, or
 * one window of a steady session; warm-up excluded).
 *
 * @param requests round trips completed and verified
 * @param bytes payload bytes echoed and verified
 * @param wallNanos from the start of the measured phase to the last reply (a phase with a
 *        duration stops issuing at its end, and its last replies may come a round trip later)
 * @param requestsPerSecond {@code requests} over {@code wallNanos}
 * @param errors connections that failed (refused mid-run, reset, closed early, wrong echo,
 *        no reply in time); a failed connection sends nothing more
 * @param firstError the message of the first error, or {@code null}
 * @param latencyNanos round-trip latency in ns, from the intended send time (open loop), or
 *        from the send time (closed loop), corrected for coordinated omission with an
 *        expected interval where the phase has one ({@link LoadGenerator#run}: the warm-up
 *        median)
 */
public record LoadResult(long requests, long bytes, long wallNanos, double requestsPerSecond, long errors,
        String firstError, Histogram latencyNanos) {

    private static final double NANOS_PER_MICRO = 1000.0;

    /**
     * The JSON form of a result: the counts, percentiles in µs, and the whole histogram
     * (HdrHistogram's compressed encoding, base64) so that a parent process gets it losslessly.
     * A rate that is not a number is written as null, and read back as NaN.
     */
    public record Line(long requests, long bytes, long wallNanos, Double requestsPerSecond, long errors, String firstError,
                       String unit, long count, double p50, double p90, double p99, double p999, double max,
                       String histogram) {

        /** The result this line was written from. */
        public LoadResult toResult() {
            try {
                byte[] encoded = Base64.getDecoder().decode(histogram);
                Histogram decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);
                double rate = requestsPerSecond == null ? Double.NaN : requestsPerSecond;
                return new LoadResult(requests, bytes, wallNanos, rate, errors, firstError, decoded);
            } catch (DataFormatException | RuntimeException e) {
                throw new IllegalArgumentException("not a load generator result: the histogram does not decode: "
                        + JsonLines.write(this), e);
            }
        }
    }

    /** This result as its {@link Line}. */
    public Line toLine() {
        Histogram h = latencyNanos;
        return new Line(requests, bytes, wallNanos, requestsPerSecond, errors, firstError, "us",
                h.getTotalCount(), micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()),
                encode(h));
    }

    /** One JSON line: see {@link Line}. */
    public String toJson() {
        return JsonLines.write(toLine());
    }

    /** Reads back a line {@link #toJson()} wrote. */
    public static LoadResult fromJson(String json) {
        return JsonLines.parse(json, Line.class).toResult();
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
