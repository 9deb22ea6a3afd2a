package threadmill.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code {@snippet class=... region=...}} in the runtime's Javadoc names a region that
 * exists in that class under {@code src/test/java} (javadoc's {@code --snippet-path}), where the
 * example runs as a test. The build does not run javadoc, so without this a renamed class or
 * region would go unnoticed until someone builds the docs.
 */
class SnippetReferencesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path SNIPPETS = Path.of("src/test/java");
    private static final Pattern SNIPPET = Pattern.compile("\\{@snippet class=([\\w.]+) region=([\\w-]+)}");

    @Test
    void everySnippetNamesARegionOfAnExampleThatRuns() throws IOException {
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = SNIPPET.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    Path example = SNIPPETS.resolve(m.group(1).replace('.', '/') + ".java");
                    String start = "// @start region=\"" + m.group(2) + "\"";
                    if (!Files.exists(example)) {
                        missing.add(MAIN.relativize(file) + ": no " + example);
                    } else if (!Files.readString(example).contains(start)) {
                        missing.add(MAIN.relativize(file) + ": no " + start + " in " + example);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(found >= 20, "the public API's examples: found " + found + " snippets");
    }
}
