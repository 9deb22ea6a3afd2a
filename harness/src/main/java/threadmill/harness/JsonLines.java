package threadmill.harness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of Threadmill's files and child-process lines, on Jackson: a value
 * is written as one line of compact JSON (records in the order of their components, absent
 * values as {@code null}, a non-finite number as {@code null} because JSON has no NaN), and
 * read strictly (no comments, trailing commas, NaN, duplicate members, unknown members or text
 * after the value), so that what one program writes another reads the same or refuses with
 * the line and column.
 */
public final class JsonLines {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(double.class, new FiniteOrNull()))
            .build();

    private JsonLines() {
    }

    /** {@code value} as one line of JSON, without a line break. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * One JSON value of {@code type}.
     *
     * @throws JsonProcessingException naming what is wrong and where ({@link JsonProcessingException#getLocation()})
     */
    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    /** One JSON value of {@code type}, or an IllegalArgumentException that quotes the text, for lines a child process printed. */
    public static <T> T parse(String json, Class<T> type) {
        try {
            return read(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " line (" + e.getOriginalMessage()
                    + "): " + json, e);
        }
    }

    /** The configured mapper, for readers that need more than one value at a time. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    private static final class FiniteOrNull extends JsonSerializer<Double> {

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider serializers) throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                out.writeNull();
            } else {
                out.writeNumber(value);
            }
        }
    }
}
