package threadmill.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValueWithItsPosition() {
        Json.Obj object = (Json.Obj) JsonReader.parse("f.json",
                "{\n  \"s\": \"a\\\"\\u00e9\\n\",\n  \"n\": -1.5e3, \"t\": true, \"z\": null, \"a\": [1, 2]\n}");
        assertEquals("a\"é\n", object.string("s"));
        assertEquals(-1500.0, object.number("n"));
        assertEquals(Boolean.TRUE, object.optBoolean("t"));
        assertEquals(null, object.optString("z"));
        assertEquals(2, object.optArray("a").size());
        assertEquals(new Json.Where("f.json", 3, 8), object.members().get("n").where());
    }

    @Test
    void jmhWritesNaNAsAStringAndOnlyThatReadsAsNaN() {
        Json.Obj object = (Json.Obj) JsonReader.parse("jmh.json", "{\"e\": \"NaN\", \"f\": \"fast\"}");
        assertTrue(Double.isNaN(object.jmhNumber("e")));
        RawFormatException e = assertThrows(RawFormatException.class, () -> object.jmhNumber("f"));
        assertEquals("jmh.json:1:19: field \"f\" must be a number or \"NaN\", found string \"fast\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1,}|1:9: expected a member name in double quotes, found '}'",
        "[1, 2,]|1:7: expected a JSON value, found ']'",
        "{\"a\": NaN}|1:7: expected a JSON value, found 'N'",
        "{\"a\": 1, \"a\": 2}|1:10: duplicate member \"a\"",
        "{\"a\": \"open|1:12: unterminated string",
        "{\"a\": \"\\x\"}|1:8: invalid escape '\\x'",
        "{\"a\": 01}|1:8: expected '}', found '1'",
        "{\"a\": 1} x|1:10: unexpected 'x' after the JSON value",
        "{\"a\": 1.}|1:9: expected a digit after the decimal point",
        "''|1:1: expected a JSON value, found end of input",
    })
    void malformedInputNamesFileLineAndColumn(String text, String expected) {
        RawFormatException e = assertThrows(RawFormatException.class, () -> JsonReader.parse("x.json", text));
        assertEquals("x.json:" + expected, e.getMessage());
    }

    @Test
    void aJsonlLineKeepsItsLineNumber() {
        RawFormatException e = assertThrows(RawFormatException.class,
                () -> JsonReader.parse("p.jsonl", "{\"tasks\": tru}", 7));
        assertEquals("p.jsonl:7:11: expected 'true'", e.getMessage());
    }

    @Test
    void aMissingRequiredFieldNamesTheObject() {
        Json.Obj object = (Json.Obj) JsonReader.parse("l.jsonl", "{\"runtime\": \"loom\"}", 4);
        RawFormatException e = assertThrows(RawFormatException.class, () -> object.string("metric"));
        assertEquals("l.jsonl:4:1: object lacks field \"metric\" (a string)", e.getMessage());
        assertEquals(List.of(), object.strings("jvmFlags"));
    }
}
