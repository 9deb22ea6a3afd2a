package threadmill.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a flag changes the ranking between runtimes: for a figure measured under several
 * conditions (flag configurations, worker counts), the pairs of runtimes whose order under a
 * condition is the reverse of their order under the default. A pair counts only when it is
 * told apart under both: intervals that do not overlap, or, for single runs, which have no
 * interval, values further apart than the suite's noise bound. Two runtimes within noise of
 * each other have no order to change.
 */
final class Rankings {

    private Rankings() {
    }

    /** One figure under several conditions: by condition, each runtime's figure; the first condition is the default. */
    record Table(String metric, String section, String baseCondition, Map<String, Map<String, Figure>> byCondition) {
    }

    /** Under {@code condition}, {@code first} ranks before {@code second}; under the default, after it. */
    record Change(Table table, String condition, String first, String second) {

        String text(ReportContext ctx) {
            Map<String, Figure> now = table.byCondition().get(condition);
            Map<String, Figure> before = table.byCondition().get(table.baseCondition());
            return "with " + condition + ", " + table.metric() + ": " + ctx.label(first) + " "
                    + now.get(first).number() + " < " + ctx.label(second) + " " + now.get(second).number() + " ("
                    + table.baseCondition() + ": " + ctx.label(second) + " " + before.get(second).number() + " < "
                    + ctx.label(first) + " " + before.get(first).number() + ")";
        }
    }

    /** Every change of order the table shows, condition by condition, in its runtimes' report order. */
    static List<Change> changes(Table table, double bound) {
        List<Change> changes = new ArrayList<>();
        Map<String, Figure> base = table.byCondition().get(table.baseCondition());
        if (base == null) {
            return changes;
        }
        for (Map.Entry<String, Map<String, Figure>> condition : table.byCondition().entrySet()) {
            if (condition.getKey().equals(table.baseCondition())) {
                continue;
            }
            List<String> runtimes = new ArrayList<>(base.keySet());
            runtimes.retainAll(condition.getValue().keySet());
            runtimes.sort(Runtimes::compare);
            for (int i = 0; i < runtimes.size(); i++) {
                for (int j = i + 1; j < runtimes.size(); j++) {
                    String x = runtimes.get(i);
                    String y = runtimes.get(j);
                    int before = order(base.get(x), base.get(y), bound);
                    int now = order(condition.getValue().get(x), condition.getValue().get(y), bound);
                    if (before != 0 && now == -before) {
                        changes.add(now < 0 ? new Change(table, condition.getKey(), x, y)
                                : new Change(table, condition.getKey(), y, x));
                    }
                }
            }
        }
        return changes;
    }

    /** -1 when {@code a} is told apart below {@code b}, 1 above, 0 when within noise of each other. */
    static int order(Figure a, Figure b, double bound) {
        boolean apart = a.known() && b.known() ? !a.overlaps(b)
                : Math.abs(a.value() - b.value()) > bound * Math.max(Math.abs(a.value()), Math.abs(b.value()));
        return !apart ? 0 : Double.compare(a.value(), b.value());
    }

    /** A table from figures by condition, keeping the conditions' order. */
    static Table table(String metric, String section, String baseCondition, Map<String, Map<String, Figure>> figures) {
        return new Table(metric, section, baseCondition, new LinkedHashMap<>(figures));
    }
}
