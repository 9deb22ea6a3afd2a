package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RAW-FORMAT.md's field tables, checked against the schema records themselves: a row per
 * record component, in the order the writers write them, with its JSON type and whether it is
 * required, taken from the record; only the meaning column is the document's own. Each table
 * stands in the document between {@code <!-- fields:Name ... -->} and {@code <!-- /fields -->};
 * a test fails when a table and its record differ or a field has no meaning, and
 * <pre>RawFormatDoc bench/RAW-FORMAT.md</pre>
 * rewrites the tables from the records, keeping each field's meaning (a new field gets an empty
 * one to fill in).
 */
public final class RawFormatDoc {

    /** Every record of the raw format, in the order RAW-FORMAT.md documents them. */
    public static final List<Class<? extends Record>> SCHEMA = List.of(
            RunEnvironment.class, RunEnvironment.Build.class, RunEnvironment.Jdk.class, RunEnvironment.Cpu.class,
            RunEnvironment.Pinning.class, RawOsLimits.class, ReferenceInfo.class, LatencyLine.class, ProbeLine.class,
            NmtSummary.class, ReferenceLine.class, PitfallLine.class, LatencySummary.class, FailureLine.class,
            ServerLine.class);

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- fields:([\\w.]+) [^>]*-->\\n(.*?)<!-- /fields -->", Pattern.DOTALL);
    /** A row: the field, two columns the record decides, and the meaning (which may hold escaped pipes). */
    private static final Pattern ROW = Pattern.compile("\\| `(\\w+)` \\| [^|]+ \\| [^|]+ \\|(.*)\\|");
    private static final String HEADER = "| field | JSON type | when absent | meaning |\n|---|---|---|---|\n";

    private RawFormatDoc() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RawFormatDoc <RAW-FORMAT.md>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String document = Files.readString(file, StandardCharsets.UTF_8);
        String updated;
        try {
            updated = update(document);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    /**
     * The document with every field table made anew from its record.
     *
     * @throws IllegalArgumentException naming a table of no schema record, or a schema record
     *         the document has no table for
     */
    public static String update(String document) {
        Set<String> documented = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        Matcher block = BLOCK.matcher(document);
        while (block.find()) {
            Class<? extends Record> type = named(block.group(1));
            documented.add(name(type));
            block.appendReplacement(out, Matcher.quoteReplacement(start(type) + "\n"
                    + table(type, meanings(block.group(2))) + "<!-- /fields -->"));
        }
        block.appendTail(out);
        List<String> missing = SCHEMA.stream().map(RawFormatDoc::name).filter(name -> !documented.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the document has no field table for " + String.join(", ", missing)
                    + "; add a line '" + start(SCHEMA.get(0)).replace(name(SCHEMA.get(0)), "<Name>")
                    + "' and one '<!-- /fields -->' where each belongs");
        }
        return out.toString();
    }

    /** The table of one record: a row per component, with the meanings given by field name. */
    static String table(Class<? extends Record> type, Map<String, String> meanings) {
        StringBuilder table = new StringBuilder(HEADER);
        for (RecordComponent component : type.getRecordComponents()) {
            table.append("| `").append(component.getName()).append("` | ").append(jsonType(component.getGenericType()))
                    .append(" | ").append(required(type, component) ? "required" : "null")
                    .append(" | ").append(meanings.getOrDefault(component.getName(), "")).append(" |\n");
        }
        return table.toString();
    }

    /** The fields of the document's tables whose meaning is empty, as {@code Record.field}. */
    public static List<String> undescribed(String document) {
        List<String> undescribed = new ArrayList<>();
        Matcher block = BLOCK.matcher(document);
        while (block.find()) {
            String name = block.group(1);
            meanings(block.group(2)).forEach((field, meaning) -> {
                if (meaning.isBlank()) {
                    undescribed.add(name + "." + field);
                }
            });
        }
        return undescribed;
    }

    /** The meaning column of a table, by field name. */
    private static Map<String, String> meanings(String table) {
        Map<String, String> meanings = new LinkedHashMap<>();
        for (String row : table.split("\n")) {
            Matcher cells = ROW.matcher(row);
            if (cells.matches()) {
                meanings.put(cells.group(1), cells.group(2).strip());
            }
        }
        return meanings;
    }

    private static boolean required(Class<? extends Record> type, RecordComponent component) {
        JsonProperty property = field(type, component).getAnnotation(JsonProperty.class);
        return property != null && property.required();
    }

    /** The field behind a component, which carries the component's annotations. */
    private static java.lang.reflect.Field field(Class<? extends Record> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record has a field per component: " + component, e);
        }
    }

    static String jsonType(Type type) {
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == List.class) {
                return "array of " + plural(jsonType(arguments[0]));
            }
            if (raw == Map.class) {
                return arguments[1] == Object.class ? "object" : "object of " + plural(jsonType(arguments[1]));
            }
        }
        if (type == String.class) {
            return "string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "integer";
        }
        if (type == Double.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            return "object: `" + name(record) + "`";
        }
        throw new IllegalStateException("no JSON type for " + type.getTypeName() + " in the raw schema");
    }

    private static String plural(String jsonType) {
        if (jsonType.startsWith("array of ")) {
            return "arrays of " + jsonType.substring("array of ".length());
        }
        return jsonType.startsWith("object:") ? jsonType : jsonType + "s";
    }

    private static String start(Class<?> type) {
        return "<!-- fields:" + name(type) + " (fields, types and when absent are " + type.getName().replace('$', '.')
                + "'s; RawFormatDoc checks and rewrites them) -->";
    }

    /** The name a table goes by: the record's simple name, with its enclosing record's for a nested one. */
    static String name(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    private static Class<? extends Record> named(String name) {
        for (Class<? extends Record> type : SCHEMA) {
            if (name(type).equals(name)) {
                return type;
            }
        }
        List<String> known = new ArrayList<>();
        SCHEMA.forEach(type -> known.add(name(type)));
        throw new IllegalArgumentException("a field table names '" + name + "', which is no record of the raw format;"
                + " known: " + String.join(", ", known));
    }
}
