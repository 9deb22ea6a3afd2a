package threadmill.bench.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RAW-FORMAT.md follows from the schema: its field tables are the records', to the letter. */
class RawFormatDocTest {

    private static final Path DOCUMENT = Path.of("RAW-FORMAT.md");

    @Test
    void theDocumentsFieldTablesAreTheSchemas() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);

        assertEquals(RawFormatDoc.update(document), document, "RAW-FORMAT.md's field tables differ from the schema"
                + " records; run RawFormatDoc bench/RAW-FORMAT.md");
    }

    @Test
    void everyFieldIsDescribed() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);

        assertEquals(List.of(), RawFormatDoc.undescribed(document), "fields RAW-FORMAT.md gives no meaning");
    }

    @Test
    void aTableOfAFieldTheRecordLacksIsRewrittenAndAMissingTableIsNamed() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        String drifted = document.replace("| `uptimeNanos` | integer |", "| `upNanos` | number |");
        String rewritten = RawFormatDoc.update(drifted);

        assertTrue(rewritten.contains("| `uptimeNanos` | integer | null |  |"), "the record's field, not yet described");
        assertTrue(!rewritten.contains("upNanos"));
        assertEquals(List.of("ProbeLine.uptimeNanos"), RawFormatDoc.undescribed(rewritten));
        String withoutProbe = document.replace("<!-- fields:ProbeLine ", "<!-- gone:ProbeLine ");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RawFormatDoc.update(withoutProbe)).getMessage()
                .startsWith("the document has no field table for ProbeLine;"));
        String unknown = document.replace("<!-- fields:ProbeLine ", "<!-- fields:ProbePoint ");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RawFormatDoc.update(unknown)).getMessage()
                .startsWith("a field table names 'ProbePoint', which is no record of the raw format"));
    }
}
