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

        /** The member if it has the given type, null if absent or null, else a type error at the member. */
        private <J extends Json> J typed(String key, Class<J> type, String expected) {
            Json value = member(key);
            if (value == null) {
                return null;
            }
            if (type.isInstance(value)) {
                return type.cast(value);
            }
            throw wrongType(key, expected, value);
        }

        private <T> T required(String key, String expected, T value) {
            if (value == null) {
                throw missing(key, expected);
            }
            return value;
        }

        String string(String key) {
            return required(key, "a string", optString(key));
        }

        String optString(String key) {
            Str value = typed(key, Str.class, "a string");
            return value == null ? null : value.value();
        }

        double number(String key) {
            return required(key, "a number", optNumber(key));
        }

        Double optNumber(String key) {
            Num value = typed(key, Num.class, "a number");
            return value == null ? null : value.value();
        }

        double jmhNumber(String key) {
            return Json.jmhNumber(key, member(key));
        }

        Boolean optBoolean(String key) {
            Bool value = typed(key, Bool.class, "true or false");
            return value == null ? null : value.value();
        }

        Obj object(String key) {
            return required(key, "an object", optObject(key));
        }

        Obj optObject(String key) {
            return typed(key, Obj.class, "an object");
        }

        List<Json> optArray(String key) {
            Arr value = typed(key, Arr.class, "an array");
            return value == null ? List.of() : value.items();
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
