package threadmill.bench.raw;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RAW-FORMAT.md's field tables, made from the schema records themselves: a record's
 * components, in the order the writers write them, with their JSON types, whether they are
 * required and their {@link JsonPropertyDescription}. Each table stands in the document between
 * {@code <!-- fields:Name ... -->} and {@code <!-- /fields -->}; a test fails when a table and
 * its record differ, and
 * <pre>RawFormatDoc bench/RAW-FORMAT.md</pre>
 * rewrites them.
 */
public final class RawFormatDoc {

    /** Every record of the raw format, in the order RAW-FORMAT.md documents them. */
    public static final List<Class<? extends Record>> SCHEMA = List.of(
            RunEnvironment.class, RunEnvironment.Build.class, RunEnvironment.Jdk.class, RunEnvironment.Cpu.class,
            RawOsLimits.class, LatencyLine.class, ProbeLine.class, NmtSummary.class, PitfallLine.class,
            LatencySummary.class, FailureLine.class);

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- fields:([\\w.]+) [^>]*-->\\n(.*?)<!-- /fields -->", Pattern.DOTALL);

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
            block.appendReplacement(out, Matcher.quoteReplacement(start(type) + "\n" + table(type) + "<!-- /fields -->"));
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

    /** The table of one record: a row per component. */
    public static String table(Class<? extends Record> type) {
        StringBuilder table = new StringBuilder("| field | JSON type | when absent | meaning |\n|---|---|---|---|\n");
        for (RecordComponent component : type.getRecordComponents()) {
            table.append("| `").append(component.getName()).append("` | ").append(jsonType(component.getGenericType()))
                    .append(" | ").append(required(type, component) ? "required" : "null")
                    .append(" | ").append(description(type, component)).append(" |\n");
        }
        return table.toString();
    }

    /** A component's description; every one has to have one. */
    static String description(Class<? extends Record> type, RecordComponent component) {
        JsonPropertyDescription description = field(type, component).getAnnotation(JsonPropertyDescription.class);
        if (description == null || description.value().isBlank()) {
            throw new IllegalStateException(name(type) + "." + component.getName() + " has no @JsonPropertyDescription");
        }
        return description.value().replace("|", "\\|");
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
        return "<!-- fields:" + name(type) + " (generated from " + type.getName().replace('$', '.')
                + " by RawFormatDoc; do not edit) -->";
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
