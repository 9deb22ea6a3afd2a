package threadmill.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value that remembers where it stood, so that a field of the wrong type is
 * reported at its own file, line and column rather than as a bare type error.
 */
sealed interface Json {

    Where where();

    /** A position in a raw file; lines and columns count from 1. */
    record Where(String file, int line, int column) {
        @Override
        public String toString() {
            return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
        }
    }

    record Str(String value, Where where) implements Json {
    }

    record Num(double value, Where where) implements Json {
    }

    record Bool(boolean value, Where where) implements Json {
    }

    record Null(Where where) implements Json {
    }

    record Arr(List<Json> items, Where where) implements Json {
        public Arr {
            items = Collections.unmodifiableList(items);
        }
    }

    /** An object with typed accessors: absent and {@code null} members both read as "not there". */
    record Obj(Map<String, Json> members, Where where) implements Json {

        public Obj {
            members = Collections.unmodifiableMap(members);
        }

        private Json member(String key) {
            Json value = members.get(key);
            return value == null || value instanceof Null ? null : value;
        }

        private RawFormatException missing(String key, String expected) {
            return new RawFormatException(where, "object lacks field \"" + key + "\" (" + expected + ")");
        }

        String string(String key) {
            String value = optString(key);
            if (value == null) {
                throw missing(key, "a string");
            }
            return value;
        }

        String optString(String key) {
            Json value = member(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Str s) {
                return s.value();
            }
            throw wrongType(key, "a string", value);
        }

        double number(String key) {
            Double value = optNumber(key);
            if (value == null) {
                throw missing(key, "a number");
            }
            return value;
        }

        Double optNumber(String key) {
            Json value = member(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Num n) {
                return n.value();
            }
            throw wrongType(key, "a number", value);
        }

        /** JMH writes an undefined error as the string "NaN"; that, and only that, reads as NaN. */
        double jmhNumber(String key) {
            return Json.jmhNumber(key, member(key));
        }

        Boolean optBoolean(String key) {
            Json value = member(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Bool b) {
                return b.value();
            }
            throw wrongType(key, "true or false", value);
        }

        Obj object(String key) {
            Obj value = optObject(key);
            if (value == null) {
                throw missing(key, "an object");
            }
            return value;
        }

        Obj optObject(String key) {
            Json value = member(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Obj o) {
                return o;
            }
            throw wrongType(key, "an object", value);
        }

        List<Json> optArray(String key) {
            Json value = member(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof Arr a) {
                return a.items();
            }
            throw wrongType(key, "an array", value);
        }

        List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (Json item : optArray(key)) {
                if (!(item instanceof Str s)) {
                    throw wrongType(key, "an array of strings", item);
                }
                out.add(s.value());
            }
            return List.copyOf(out);
        }

        /**
         * A flat object of scalars (JMH params, our params, OS limits) as text, in the order
         * written; numbers print as integers when they are integral.
         */
        Map<String, String> scalars(String key) {
            Map<String, String> out = new LinkedHashMap<>();
            Obj object = optObject(key);
            if (object == null) {
                return Map.of();
            }
            object.members().forEach((name, value) -> out.put(name, switch (value) {
                case Str s -> s.value();
                case Num n -> Fmt.exact(n.value());
                case Bool b -> Boolean.toString(b.value());
                case Null n -> "null";
                default -> throw wrongType(key + "." + name, "a string, number or boolean", value);
            }));
            return Collections.unmodifiableMap(out);
        }
    }

    /** JMH writes an undefined error as the string "NaN"; that, and only that, reads as NaN. */
    static double jmhNumber(String what, Json value) {
        return switch (value) {
            case null -> Double.NaN;
            case Null n -> Double.NaN;
            case Num n -> n.value();
            case Str s when s.value().equals("NaN") -> Double.NaN;
            default -> throw wrongType(what, "a number or \"NaN\"", value);
        };
    }

    static RawFormatException wrongType(String key, String expected, Json found) {
        return new RawFormatException(found.where(),
                "field \"" + key + "\" must be " + expected + ", found " + describe(found));
    }

    static String describe(Json value) {
        return switch (value) {
            case Str s -> "string \"" + s.value() + "\"";
            case Num n -> "number " + Fmt.exact(n.value());
            case Bool b -> Boolean.toString(b.value());
            case Null n -> "null";
            case Arr a -> "an array";
            case Obj o -> "an object";
        };
    }
}
