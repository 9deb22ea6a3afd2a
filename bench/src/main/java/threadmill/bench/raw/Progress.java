package threadmill.bench.raw;

import java.util.Locale;

/**
 * One line per finished point, {@code <elapsed s> <stage> <runtime> <params> <status>}, on
 * standard output and in {@code raw/suite.log}, so a long run shows where it is.
 */
public final class Progress {

    private final long startNanos = System.nanoTime();
    private final LineFile log;

    public Progress(RawDir raw) {
        this.log = new LineFile(raw.suiteLog());
    }

    public void point(String stage, String runtime, Object params, String status) {
        String line = String.format(Locale.ROOT, "%.1f %s %s %s %s",
                (System.nanoTime() - startNanos) / 1e9, stage, runtime == null ? "-" : runtime, params, status);
        System.out.println(line);
        System.out.flush();
        log.append(line);
    }
}
