package threadmill.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader: no comments, no trailing commas, no NaN, no duplicate keys. Every
 * error names the file, line and column, because a raw file is written by another program and
 * the person reading the error has to find the spot.
 */
final class JsonReader {

    private final String file;
    private final String text;
    private int index;
    private int line;
    private int lineStart;

    private JsonReader(String file, String text, int firstLine) {
        this.file = file;
        this.text = text;
        this.line = firstLine;
    }

    /** One whole JSON document. */
    static Json parse(String file, String text) {
        return parse(file, text, 1);
    }

    /** One JSON value that starts on {@code firstLine} of {@code file} (a line of a .jsonl file). */
    static Json parse(String file, String text, int firstLine) {
        JsonReader reader = new JsonReader(file, text, firstLine);
        reader.skipWhitespace();
        Json value = reader.value();
        reader.skipWhitespace();
        if (reader.index < text.length()) {
            throw reader.error("unexpected " + reader.quoteCurrent() + " after the JSON value");
        }
        return value;
    }

    private Json.Where here() {
        return new Json.Where(file, line, index - lineStart + 1);
    }

    private RawFormatException error(String problem) {
        return new RawFormatException(here(), problem);
    }

    private String quoteCurrent() {
        return index < text.length() ? "'" + text.charAt(index) + "'" : "end of input";
    }

    private void skipWhitespace() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '\n') {
                line++;
                lineStart = index + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            index++;
        }
    }

    private Json value() {
        if (index >= text.length()) {
            throw error("expected a JSON value, found end of input");
        }
        char c = text.charAt(index);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> {
                Json.Where where = here();
                yield new Json.Str(string(), where);
            }
            case 't' -> literal("true", new Json.Bool(true, here()));
            case 'f' -> literal("false", new Json.Bool(false, here()));
            case 'n' -> literal("null", new Json.Null(here()));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a JSON value, found " + quoteCurrent());
            }
        };
    }

    private Json literal(String word, Json value) {
        if (!text.startsWith(word, index)) {
            throw error("expected '" + word + "'");
        }
        index += word.length();
        return value;
    }

    private void expect(char c) {
        if (index >= text.length() || text.charAt(index) != c) {
            throw error("expected '" + c + "', found " + quoteCurrent());
        }
        index++;
    }

    private Json object() {
        Json.Where where = here();
        Map<String, Json> members = new LinkedHashMap<>();
        sequence('{', '}', () -> {
            if (index >= text.length() || text.charAt(index) != '"') {
                throw error("expected a member name in double quotes, found " + quoteCurrent());
            }
            Json.Where keyWhere = here();
            String key = string();
            if (members.containsKey(key)) {
                throw new RawFormatException(keyWhere, "duplicate member \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, value());
        });
        return new Json.Obj(members, where);
    }

    private Json array() {
        Json.Where where = here();
        List<Json> items = new ArrayList<>();
        sequence('[', ']', () -> items.add(value()));
        return new Json.Arr(items, where);
    }

    /** {@code open}, then elements separated by commas (none trailing), then {@code close}. */
    private void sequence(char open, char close, Runnable element) {
        expect(open);
        skipWhitespace();
        if (index < text.length() && text.charAt(index) == close) {
            index++;
            return;
        }
        while (true) {
            skipWhitespace();
            element.run();
            skipWhitespace();
            if (index < text.length() && text.charAt(index) == ',') {
                index++;
                continue;
            }
            expect(close);
            return;
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(index);
            if (c == '"') {
                index++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c)
                        + " inside a string (escape it)");
            }
            if (c != '\\') {
                out.append(c);
                index++;
                continue;
            }
            Json.Where escapeAt = here();
            index++;
            if (index >= text.length()) {
                throw error("unterminated escape");
            }
            char escaped = text.charAt(index);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append(hex4());
                    continue;
                }
                default -> throw new RawFormatException(escapeAt, "invalid escape '\\" + escaped + "'");
            }
            index++;
        }
    }

    private char hex4() {
        if (index + 5 > text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = Character.digit(text.charAt(index + i), 16);
            if (digit < 0) {
                throw error("invalid hex digit in \\u escape");
            }
            value = value * 16 + digit;
        }
        index += 5;
        return (char) value;
    }

    private Json number() {
        Json.Where where = here();
        int start = index;
        if (text.charAt(index) == '-') {
            index++;
        }
        if (index < text.length() && text.charAt(index) == '0') {
            index++;
        } else if (!digits()) {
            throw error("expected a digit in number");
        }
        if (index < text.length() && text.charAt(index) == '.') {
            index++;
            if (!digits()) {
                throw error("expected a digit after the decimal point");
            }
        }
        if (index < text.length() && (text.charAt(index) == 'e' || text.charAt(index) == 'E')) {
            index++;
            if (index < text.length() && (text.charAt(index) == '+' || text.charAt(index) == '-')) {
                index++;
            }
            if (!digits()) {
                throw error("expected a digit in the exponent");
            }
        }
        double value = Double.parseDouble(text.substring(start, index));
        if (Double.isInfinite(value)) {
            throw new RawFormatException(where, "number out of range: " + text.substring(start, index));
        }
        return new Json.Num(value, where);
    }

    private boolean digits() {
        int start = index;
        while (index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9') {
            index++;
        }
        return index > start;
    }
}
