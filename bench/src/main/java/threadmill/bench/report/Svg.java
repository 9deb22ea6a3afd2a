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
