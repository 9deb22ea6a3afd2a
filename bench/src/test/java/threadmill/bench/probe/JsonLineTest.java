package threadmill.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void writesFieldsInOrderWithNullsAndNesting() {
        JsonLine line = new JsonLine()
                .put("b", 1)
                .put("a", null)
                .put("list", List.of("x", 2L, true))
                .put("nested", new JsonLine().put("k", 2.5))
                .put("map", Map.of("m", 3));
        assertEquals("{\"b\":1,\"a\":null,\"list\":[\"x\",2,true],\"nested\":{\"k\":2.5},\"map\":{\"m\":3}}",
                line.toString());
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String text = new JsonLine().put("s", "say \"hi\"\\ now\n\tend\u0001").toString();
        assertEquals("{\"s\":\"say \\\"hi\\\"\\\\ now\\n\\tend\\u0001\"}", text);
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("{\"nan\":null,\"inf\":null}",
                new JsonLine().put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY).toString());
    }

    @Test
    void replacingAFieldKeepsItsPlace() {
        assertEquals("{\"status\":\"failed\",\"n\":1}",
                new JsonLine().put("status", "ok").put("n", 1).put("status", "failed").toString());
    }

    @Test
    void refusesValuesThatAreNotJson() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new JsonLine().put("o", new Object()).toString());
        assertEquals(true, error.getMessage().startsWith("cannot write a java.lang.Object as JSON"));
    }
}
