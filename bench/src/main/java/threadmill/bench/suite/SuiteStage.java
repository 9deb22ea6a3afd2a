package threadmill.bench.suite;

import java.time.Duration;
import java.util.List;
import threadmill.bench.raw.Progress;

/**
 * A part of the suite run, in the order the suite runs them: what its plan says, the time and
 * points it is planned at, and the running of it (each point reported to the progress).
 */
interface SuiteStage {

    String name();

    /** Lines that say what will run (and what is ruled out before it starts), for the printed plan. */
    List<String> plan();

    /** The planned time: the time model's estimate, or the slice the stage is given. */
    Duration estimate();

    /** The points it reports to the progress, for "point i of n". */
    int points();

    void run(Progress progress) throws InterruptedException;

    /** A stage with a slice of the budget and nothing to run in this build (one another change adds). */
    static SuiteStage reserved(String name, Duration slice, String what) {
        return new SuiteStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> plan() {
                return List.of(what + ": up to " + Progress.minutes(slice) + " reserved, not in this build");
            }

            @Override
            public Duration estimate() {
                return slice;
            }

            @Override
            public int points() {
                return 0;
            }

            @Override
            public void run(Progress progress) {
                progress.skipped(0, slice);
            }
        };
    }
}
