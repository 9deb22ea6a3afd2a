package threadmill.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A minimal SVG writer. Coordinates print with at most two decimals and no locale, so the same
 * chart always has the same bytes; text uses a font stack that GitHub and browsers both have.
 */
final class Svg {

    static final String FONT = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"").append(escape(FONT)).append("\" font-size=\"12\">\n");
        out.append("<title>").append(escape(title)).append("</title>\n");
        rect(0, 0, width, height, "#ffffff", null);
    }

    Svg rect(double x, double y, double width, double height, String fill, String stroke) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append('"');
        }
        out.append("/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(width)).append('"').append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
        return this;
    }

    /** A polyline through {x0, y0, x1, y1, ...}; the series name goes into a data attribute. */
    Svg polyline(double[] xy, String stroke, boolean dashed, String series) {
        out.append("<polyline data-series=\"").append(escape(series)).append("\" fill=\"none\" stroke=\"")
                .append(stroke).append("\" stroke-width=\"2\"").append(dashed ? " stroke-dasharray=\"6 4\"" : "")
                .append(" points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            out.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        out.append("\"/>\n");
        return this;
    }

    Svg circle(double x, double y, double r, String fill) {
        out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** Text anchored at start, middle or end; rotated by -90° about (x, y) when {@code vertical}. */
    Svg text(double x, double y, String text, String anchor, int size, boolean vertical) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append("\" fill=\"#24292f\"");
        if (vertical) {
            out.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        out.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /**
     * The width a text takes at a font size, estimated from above: per character class, at least
     * the advance of Helvetica, Arial and Segoe UI (the font stack), so that text measured to
     * fit does fit whichever of them the reader's viewer picks.
     */
    static double textWidth(String text, int size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += advance(text.charAt(i));
        }
        return em * size;
    }

    private static double advance(char c) {
        if ("ijlI.,:;'|! ".indexOf(c) >= 0) {
            return 0.32;
        }
        if ("ftr-()[]/".indexOf(c) >= 0) {
            return 0.42;
        }
        if ("mwMW@%".indexOf(c) >= 0) {
            return 0.98;
        }
        if (Character.isUpperCase(c)) {
            return 0.78;
        }
        return 0.62;
    }

    /** The text in lines no wider than {@code width}, broken at spaces (a word wider than a line is cut). */
    static java.util.List<String> wrap(String text, double width, int size) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (textWidth(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (textWidth(word, size) > width) {
                int fits = fitting(word, width, size);
                lines.add(word.substring(0, fits));
                word = word.substring(fits);
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text cut to {@code width} with an ellipsis where it is wider. */
    static String shorten(String text, double width, int size) {
        if (textWidth(text, size) <= width) {
            return text;
        }
        return text.substring(0, fitting(text, width - textWidth("…", size), size)) + "…";
    }

    /** How many leading characters fit (at least one). */
    private static int fitting(String text, double width, int size) {
        int fits = 0;
        while (fits < text.length() && textWidth(text.substring(0, fits + 1), size) <= width) {
            fits++;
        }
        return Math.max(1, fits);
    }

    String finish() {
        return out + "</svg>\n";
    }

    static String n(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
