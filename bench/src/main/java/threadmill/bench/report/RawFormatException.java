package threadmill.bench.report;

/** Raw input the report cannot read; the message starts with {@code file:line[:column]}. */
public final class RawFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RawFormatException(Json.Where where, String problem) {
        super(where + ": " + problem);
    }
}
