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

    /** What running a stage does: its points, each reported to the progress. */
    interface Body {
        void run(Progress progress) throws InterruptedException;
    }

    /** A stage of the given plan, planned time and points, run by {@code body}. */
    static SuiteStage of(String name, List<String> plan, Duration estimate, int points, Body body) {
        return new SuiteStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> plan() {
                return plan;
            }

            @Override
            public Duration estimate() {
                return estimate;
            }

            @Override
            public int points() {
                return points;
            }

            @Override
            public void run(Progress progress) throws InterruptedException {
                body.run(progress);
            }
        };
    }
}
