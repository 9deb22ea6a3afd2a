package threadmill.bench.report;

import java.util.List;

/** Builds a GitHub-flavoured Markdown document. */
final class Markdown {

    private final StringBuilder out = new StringBuilder();

    Markdown heading(int level, String text) {
        out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    Markdown paragraph(String text) {
        out.append(text).append("\n\n");
        return this;
    }

    Markdown bullets(List<String> items) {
        items.forEach(item -> out.append("- ").append(item).append('\n'));
        out.append('\n');
        return this;
    }

    Markdown code(String text) {
        out.append("```\n").append(text).append("\n```\n\n");
        return this;
    }

    Markdown image(String alt, String file) {
        out.append("![").append(alt).append("](").append(file).append(")\n\n");
        return this;
    }

    Markdown table(List<String> header, List<List<String>> rows) {
        row(header);
        out.append('|');
        header.forEach(h -> out.append("---|"));
        out.append('\n');
        rows.forEach(this::row);
        out.append('\n');
        return this;
    }

    private void row(List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(cell(cell)).append(" |"));
        out.append('\n');
    }

    /** A table cell: pipes escaped, line breaks flattened. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    /**
     * The anchor GitHub gives a heading: lower case, every character but letters, digits,
     * spaces, hyphens and underscores dropped, spaces made hyphens ("N tasks × 10 s sleep" →
     * "n-tasks--10-s-sleep").
     */
    static String anchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        heading.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.appendCodePoint(c);
            } else if (c == ' ') {
                anchor.append('-');
            }
        });
        return anchor.toString();
    }

    /** Inline code that survives backticks in the text. */
    static String inline(String text) {
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
