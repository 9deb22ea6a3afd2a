package threadmill.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    record Point(String name, Long count, Double ratio, List<String> flags, Map<String, Object> params, Inner inner) {
    }

    record Inner(double value) {
    }

    @Test
    void writesOneLineInComponentOrderWithNullsAndEscapes() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("b", 1);
        params.put("a", "x");
        String line = JsonLines.write(new Point("say \"hi\"\\ now\n\tend\u0001", null, 2.5, List.of("-X"), params,
                new Inner(1.0)));

        assertEquals("{\"name\":\"say \\\"hi\\\"\\\\ now\\n\\tend\\u0001\",\"count\":null,\"ratio\":2.5,\"flags\":[\"-X\"],"
                + "\"params\":{\"b\":1,\"a\":\"x\"},\"inner\":{\"value\":1.0}}", line);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNull() {
        assertEquals("{\"name\":null,\"count\":null,\"ratio\":null,\"flags\":null,\"params\":null,\"inner\":{\"value\":null}}",
                JsonLines.write(new Point(null, null, Double.NaN, null, null, new Inner(Double.POSITIVE_INFINITY))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\": \"a\",}|1|13",
        "{\"name\": NaN}|1|13",
        "{\"name\": \"a\", \"name\": \"b\"}|1|21",
        "{\"name\": \"a\", \"other\": 1}|1|24",
        "{\"name\": \"a\"} x|1|16",
        "{\"count\": \"many\"}|1|11",
        "{\"inner\": {\"value\": null}}|1|21",
    })
    void readsStrictlyAndSaysWhere(String json, int line, int column) {
        JsonProcessingException error = assertThrows(JsonProcessingException.class, () -> JsonLines.read(json, Point.class));

        assertEquals(line, error.getLocation().getLineNr(), error.getMessage());
        assertTrue(Math.abs(column - error.getLocation().getColumnNr()) <= 2,
                "column " + error.getLocation().getColumnNr() + ": " + error.getMessage());
    }

    @Test
    void parseQuotesALineThatIsNotTheRecord() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> JsonLines.parse("WARNING: {", Point.class));

        assertTrue(error.getMessage().startsWith("not a Point line ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("): WARNING: {"), error.getMessage());
    }
}
