package threadmill.bench.raw;

import java.time.Duration;
import java.util.Locale;

/**
 * One line per finished point on standard output and in {@code raw/suite.log}, so a long run
 * shows where it is: {@code <elapsed s> <stage> <runtime> <params> <status>}, then, when the
 * run has a plan, {@code | point i/n, took T s (planned P s), remaining ~R}. The remaining
 * time is what the plan has left, scaled by how the run has kept to the plan so far (once a
 * twentieth of it is done), so a machine slower than the model shows a later end.
 */
public final class Progress {

    /** Share of the plan done before the pace so far scales the estimate of the rest. */
    private static final double PACE_AFTER = 0.05;
    private static final double PACE_MIN = 0.5;
    private static final double PACE_MAX = 3.0;

    private final long startNanos = System.nanoTime();
    private final LineFile log;
    private final Duration planned;
    private final int points;
    private int done;
    private Duration plannedDone = Duration.ZERO;
    private long lastNanos = startNanos;
    /** Points of the current group still to report ({@link #together}), of {@link #groupSize}. */
    private int groupLeft;
    private int groupSize;
    /** The group's time, from the point before it to its first report. */
    private long groupNanos;

    /** Progress without a plan: each line says what finished and when. */
    public Progress(RawDir raw) {
        this(raw, Duration.ZERO, 0);
    }

    /** Progress against a plan of {@code points} points expected to take {@code planned} in all. */
    public Progress(RawDir raw, Duration planned, int points) {
        this.log = new LineFile(raw.suiteLog());
        this.planned = planned;
        this.points = points;
    }

    /** A point finished whose plan had no estimate of its own. */
    public void point(String stage, String runtime, Object params, String status) {
        point(stage, runtime, params, status, Duration.ZERO);
    }

    /** A point finished that the plan expected to take {@code estimate}. */
    public synchronized void point(String stage, String runtime, Object params, String status, Duration estimate) {
        long now = System.nanoTime();
        done++;
        plannedDone = plannedDone.plus(estimate);
        String line = String.format(Locale.ROOT, "%.1f %s %s %s %s", (now - startNanos) / 1e9, stage,
                runtime == null ? "-" : runtime, params, status);
        String took;
        if (groupLeft > 0) {
            if (groupLeft == groupSize) {
                groupNanos = now - lastNanos;
            }
            groupLeft--;
            took = String.format(Locale.ROOT, "took %.1f s, a share of %.1f s for %d points taking turns,",
                    groupNanos / 1e9 / groupSize, groupNanos / 1e9, groupSize);
        } else {
            took = String.format(Locale.ROOT, "took %.1f s", (now - lastNanos) / 1e9);
        }
        if (points > 0) {
            line += String.format(Locale.ROOT, " | point %d/%d, %s (planned %.1f s), remaining ~%s", done, points, took,
                    estimate.toMillis() / 1e3, minutes(remaining(now)));
        }
        lastNanos = now;
        System.out.println(line);
        System.out.flush();
        log.append(line);
    }

    /**
     * The next {@code count} points were measured together, taking turns (the server
     * comparison's servers): they finish at once, so each line's time is an even share of the
     * time since the point before them, and says so.
     */
    public synchronized void together(int count) {
        groupLeft = count;
        groupSize = count;
    }

    /**
     * Points of the plan that will not run (a stage that cannot start): they count as done, so
     * the remaining time drops by their estimate.
     */
    public synchronized void skipped(int count, Duration estimate) {
        done += count;
        plannedDone = plannedDone.plus(estimate);
    }

    /** A line of its own, e.g. a stage starting, on the console and in the log. */
    public synchronized void note(String text) {
        String line = String.format(Locale.ROOT, "%.1f %s", (System.nanoTime() - startNanos) / 1e9, text);
        System.out.println(line);
        System.out.flush();
        log.append(line);
    }

    /** What the plan has left, at the pace the run has kept so far. */
    Duration remaining(long nowNanos) {
        Duration left = planned.minus(plannedDone);
        if (left.isNegative()) {
            left = Duration.ZERO;
        }
        double pace = 1;
        if (!planned.isZero() && plannedDone.toMillis() >= planned.toMillis() * PACE_AFTER) {
            pace = Math.clamp((nowNanos - startNanos) / 1e6 / plannedDone.toMillis(), PACE_MIN, PACE_MAX);
        }
        return Duration.ofMillis((long) (left.toMillis() * pace));
    }

    /** {@code m:ss}. */
    public static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
