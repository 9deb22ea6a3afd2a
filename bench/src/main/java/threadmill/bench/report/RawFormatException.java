package threadmill.bench.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/** Raw input the report cannot read; the message starts with {@code file:line[:column]}. */
public final class RawFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A position in a raw file; lines and columns count from 1, a column of 0 is not known. */
    record Where(String file, int line, int column) {
        @Override
        public String toString() {
            return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
        }
    }

    RawFormatException(Where where, String problem) {
        super(where + ": " + problem);
    }

    /**
     * What the JSON reader refused, at the place it names; {@code firstLine} is the line of
     * {@code file} the parsed text starts on (a line of a .jsonl file).
     */
    static RawFormatException of(String file, int firstLine, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? firstLine : firstLine + Math.max(0, at.getLineNr() - 1);
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        return new RawFormatException(new Where(file, line, column), problem(e));
    }

    /** Jackson's own message, with the field it was reading and, for a refused value, why. */
    private static String problem(JsonProcessingException e) {
        String message = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage() : e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "field \"" + field + "\": " + message;
        }
        return message;
    }
}
