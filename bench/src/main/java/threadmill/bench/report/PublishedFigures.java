package threadmill.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures others published for N tasks sleeping 10 s (peak process memory), shown beside ours
 * and labelled as theirs. They live in a resource file with their sources, not in code.
 */
record PublishedFigures(List<Row> rows) {

    /** Peak memory in MB as published ("failed" where the source reports a failure). */
    record Row(String runtime, long tasks, String peakMemoryMB, String wallSeconds, String cpuPercent,
               String source) {
    }

    static PublishedFigures load() {
        String name = "published-sleep10s.csv";
        try (InputStream in = PublishedFigures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                List<String> cells = splitCsvLine(lines[i].strip());
                rows.add(new Row(cells.get(0), Long.parseLong(cells.get(1)), cells.get(2), cells.get(3),
                        cells.get(4), cells.get(5)));
            }
            return new PublishedFigures(List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** Splits one RFC 4180 line (quoted fields may hold commas; no line breaks in this file). */
    static List<String> splitCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
