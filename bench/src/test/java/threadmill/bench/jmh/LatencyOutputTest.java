package threadmill.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import threadmill.bench.raw.RawDir;

class LatencyOutputTest {

    @TempDir
    Path raw;

    @AfterEach
    void clearRawDir() {
        System.clearProperty(RawDir.PROPERTY);
    }

    @Test
    void writesTheHistogramAndOneLinePerTrialWithoutOverwritingEarlierForks() throws Exception {
        System.setProperty(RawDir.PROPERTY, raw.toString());
        Histogram histogram = new Histogram(3);
        for (long micros = 1; micros <= 1000; micros++) {
            histogram.recordValue(micros * 1000);
        }
        LatencyOutput.Latency latency = new LatencyOutput.Latency("server-latency", "loom", params(), true, 20000L, histogram);

        LatencyOutput.publish(latency);
        LatencyOutput.publish(latency);

        List<String> lines = Files.readAllLines(raw.resolve("latency.jsonl"), StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals("{\"metric\":\"server-latency\",\"runtime\":\"loom\","
                + "\"params\":{\"connections\":1000,\"rate\":20000},\"mode\":\"open\",\"ratePerSecond\":20000,"
                + "\"unit\":\"us\",\"count\":1000,\"p50\":500.223,\"p90\":900.095,\"p99\":990.207,"
                + "\"p999\":999.423,\"max\":1000.447,\"hgrm\":\"hgrm/server-latency-loom-1000-20000.hgrm\"}",
                lines.get(0));
        assertTrue(lines.get(1).endsWith("\"hgrm\":\"hgrm/server-latency-loom-1000-20000-2.hgrm\"}"), lines.get(1));
        String hgrm = Files.readString(raw.resolve("hgrm/server-latency-loom-1000-20000.hgrm"));
        assertTrue(hgrm.contains("#[Max     =     1000.447, Total count    =         1000]"), hgrm);
    }

    @Test
    void anEmptyHistogramHasNullPercentiles() throws Exception {
        System.setProperty(RawDir.PROPERTY, raw.toString());
        LatencyOutput.publish(new LatencyOutput.Latency("timer-lateness", "threads", params(), false, null,
                new Histogram(3)));
        String line = Files.readString(raw.resolve("latency.jsonl"));
        assertTrue(line.contains("\"mode\":\"closed\",\"ratePerSecond\":null,\"unit\":\"us\",\"count\":0,"
                + "\"p50\":null,\"p90\":null,\"p99\":null,\"p999\":null,\"max\":null"), line);
    }

    @Test
    void writesNothingWithoutARawDir() {
        LatencyOutput.publish(new LatencyOutput.Latency("timer-lateness", "loom", params(), false, null, new Histogram(3)));
        assertTrue(raw.toFile().list().length == 0);
    }

    private static Map<String, Integer> params() {
        Map<String, Integer> params = new LinkedHashMap<>();
        params.put("connections", 1000);
        params.put("rate", 20000);
        return params;
    }
}
