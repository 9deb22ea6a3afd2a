package threadmill.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An HdrHistogram percentile distribution as written by {@code outputPercentileDistribution}:
 * a header, rows of {@code Value Percentile TotalCount 1/(1-Percentile)} (the last row, at
 * percentile 1, has no fourth column) and {@code #[Mean ...]}, {@code #[Max ...]} footers.
 */
record Hgrm(List<Row> rows, double mean, double max, long totalCount) {

    record Row(double value, double percentile, long totalCount) {
    }

    /** Loads the histograms named in raw/latency.jsonl; a missing file reads as null. */
    interface Loader {
        Hgrm load(String relativePath);
    }

    static Hgrm read(Path file, String displayName) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName, e);
        }
        return parse(lines, displayName);
    }

    static Hgrm parse(List<String> lines, String displayName) {
        List<Row> rows = new ArrayList<>();
        double mean = Double.NaN;
        double max = Double.NaN;
        long totalCount = -1;
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            RawFormatException.Where where = new RawFormatException.Where(displayName, i + 1, 0);
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Value")) {
                header = true;
            } else if (line.startsWith("#[Mean")) {
                mean = footerNumber(line, "Mean", where);
            } else if (line.startsWith("#[Max")) {
                max = footerNumber(line, "Max", where);
                totalCount = (long) footerNumber(line, "Total count", where);
            } else if (line.startsWith("#[")) {
                continue;
            } else if (!header) {
                throw new RawFormatException(where, "expected the header 'Value Percentile TotalCount "
                        + "1/(1-Percentile)' before the data rows, found: " + line);
            } else {
                rows.add(row(line, where));
            }
        }
        if (!header) {
            throw new RawFormatException(new RawFormatException.Where(displayName, Math.max(1, lines.size()), 0),
                    "no 'Value Percentile TotalCount 1/(1-Percentile)' header: not an .hgrm file");
        }
        if (Double.isNaN(max)) {
            throw new RawFormatException(new RawFormatException.Where(displayName, Math.max(1, lines.size()), 0),
                    "no '#[Max = ..., Total count = ...]' footer (truncated file?)");
        }
        return new Hgrm(List.copyOf(rows), mean, max, totalCount);
    }

    private static Row row(String line, RawFormatException.Where where) {
        String[] columns = line.split("\\s+");
        if (columns.length != 3 && columns.length != 4) {
            throw new RawFormatException(where, "expected 3 or 4 columns (Value Percentile TotalCount "
                    + "1/(1-Percentile)), found " + columns.length + ": " + line);
        }
        try {
            double percentile = Double.parseDouble(columns[1]);
            if (percentile < 0 || percentile > 1) {
                throw new RawFormatException(where, "percentile " + columns[1] + " is outside [0, 1]");
            }
            return new Row(Double.parseDouble(columns[0]), percentile, Long.parseLong(columns[2]));
        } catch (NumberFormatException e) {
            throw new RawFormatException(where, "not a number in row: " + line);
        }
    }

    private static double footerNumber(String line, String name, RawFormatException.Where where) {
        int at = line.indexOf(name);
        int equals = line.indexOf('=', at);
        if (at < 0 || equals < 0) {
            throw new RawFormatException(where, "expected '" + name + " = <number>' in footer: " + line);
        }
        int end = equals + 1;
        while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != ']') {
            end++;
        }
        try {
            return Double.parseDouble(line.substring(equals + 1, end).strip());
        } catch (NumberFormatException e) {
            throw new RawFormatException(where, "not a number after '" + name + " =': " + line);
        }
    }
}
