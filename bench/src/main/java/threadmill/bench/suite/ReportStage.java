package threadmill.bench.suite;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * Runs the report generator on a finished run. The generator is written on another branch;
 * until it is merged, it is looked up by name so this branch compiles, and its absence is a
 * recorded failure of the report stage rather than of the run.
 */
final class ReportStage {

    static final String GENERATOR = "threadmill.bench.report.ReportGenerator";

    private ReportStage() {
    }

    static void generate(Path runDir) throws ReflectiveOperationException {
        try {
            Class.forName(GENERATOR).getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {runDir.toString()});
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
