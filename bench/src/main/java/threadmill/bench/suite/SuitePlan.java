package threadmill.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import threadmill.bench.raw.Progress;

/**
 * The suite's time model: each stage's planned time, the build's, and their sum against the
 * size's budget. Printed at the start of a run; raw/suite.log has the real time of every point
 * beside its plan, which is what the model's costs are calibrated against.
 *
 * @param build the build's time: measured (from Maven's start to the suite's) or the model's estimate
 * @param buildMeasured whether {@code build} was measured
 */
record SuitePlan(SuiteSize size, List<SuiteStage> stages, Duration build, boolean buildMeasured) {

    /**
     * {@code mvn -B -Psuite package -DskipTests} from a clean clone on two cores, Maven's own
     * start and the dependencies' resolution from the local repository included, with the tokio
     * reference's build beside it (the suite profile starts it in the background).
     */
    static final Duration BUILD_ESTIMATE = Duration.ofSeconds(70);

    SuitePlan {
        stages = List.copyOf(stages);
    }

    /** The stages' planned time. */
    Duration stagesTotal() {
        return stages.stream().map(SuiteStage::estimate).reduce(Duration.ZERO, Duration::plus);
    }

    /** The whole run: the build and every stage. */
    Duration total() {
        return build.plus(stagesTotal());
    }

    int points() {
        return stages.stream().mapToInt(SuiteStage::points).sum();
    }

    boolean withinBudget() {
        return total().compareTo(size.budget()) <= 0;
    }

    /** The plan as printed: a line per stage with its points and time, its own lines below, the total last. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  build: %s (%s)", Progress.minutes(build),
                buildMeasured ? "measured, from Maven's start" : "the model's estimate of a clean build"));
        for (SuiteStage stage : stages) {
            lines.add(String.format(Locale.ROOT, "  %s: %d points, ~%s", stage.name(), stage.points(),
                    Progress.minutes(stage.estimate())));
            stage.plan().forEach(line -> lines.add("    " + line));
        }
        lines.add(String.format(Locale.ROOT, "  planned: ~%s of the %s suite's budget of %s%s",
                Progress.minutes(total()), size.label(), Progress.minutes(size.budget()),
                withinBudget() ? "" : " (OVER BUDGET)"));
        return lines;
    }
}
