package io.basalt.execution.scan;

import java.util.List;
import java.util.function.Supplier;

/**
 * A join filter applied inside the scan on a hash join's probe side: rows whose key cannot be among the build
 * side's keys are dropped right after the key column is decoded, before the pushed filter runs and before any
 * other column is decoded or copied. Valid only for joins that never output a probe row without a match
 * (INNER, SEMI, RIGHT); the planner of pipelines checks that.
 *
 * <p>The filter exists only once the build side is complete, which happens before the probe pipeline starts;
 * until then {@code keys} supplies null and nothing is filtered. A filter that keeps most rows costs more than
 * it saves (the test per row, and the copies of every column it forces), so after {@link #TRIAL_ROWS} rows it is
 * dropped when it kept more than half of them, and after {@link #SHORT_TRIAL_ROWS} when it kept nine in ten. A scan
 * with several join filters runs them in order of rank ({@link #orderByRank}).
 *
 * @param column the scan output column holding the probe key (a LONG column)
 */
public record ScanJoinFilter(int column, Supplier<KeyMembershipFilter> keys, RowsKept rows) {

    static final long TRIAL_ROWS = 200_000;

    /**
     * A filter that kept more than nine rows in ten of this many is dropped without waiting for {@link #TRIAL_ROWS}: run
     * after a selective one ({@link #orderByRank}) it sees only that one's rows, and took most of a scan to be
     * tested on the trial's rows (TPC-H Q9's bitmaps on all orders and all suppliers, after its 5 % of parts).
     */
    static final long SHORT_TRIAL_ROWS = 20_000;

    public ScanJoinFilter(int column, Supplier<KeyMembershipFilter> keys) {
        this(column, keys, new RowsKept());
    }

    /** The filter to apply now, or null (not built yet, or not selective enough to pay). */
    KeyMembershipFilter current() {
        long tested = rows.tested();
        long kept = rows.kept();
        if (tested >= TRIAL_ROWS && kept * 2 > tested || tested >= SHORT_TRIAL_ROWS && kept * 10 > tested * 9) {
            return null;
        }
        return keys.get();
    }

    void record(int tested, int kept) {
        rows.record(tested, kept);
    }

    /** The share of the rows it tested that this filter kept so far, over all workers ({@link RowsKept#share}). */
    double keptShare() {
        return rows.share();
    }

    /**
     * Writes to {@code order} the indexes of {@code filters} by ascending rank ({@link FilterCosts#rank} of
     * {@code costs[i]}, a test's cost per row, and the filter's {@link #keptShare()}), ties in list order, and to
     * {@code ranks} their ranks in that order: for independent filters, the cheapest per row removed first, so the
     * others test only what it keeps. The planner lists a scan's join filters join by join, which need not put the best
     * first: TPC-H Q5's lineitem scan tested its supplier bitmap (a fifth of the rows kept) on every row, then its
     * orders bitmap (3 %) on that fifth.
     */
    static void orderByRank(List<ScanJoinFilter> filters, double[] costs, int[] order, double[] ranks) {
        int count = filters.size();
        for (int i = 0; i < count; i++) {
            double rank = FilterCosts.rank(costs[i], filters.get(i).keptShare());
            int at = i;
            while (at > 0 && ranks[at - 1] > rank) {
                ranks[at] = ranks[at - 1];
                order[at] = order[at - 1];
                at--;
            }
            ranks[at] = rank;
            order[at] = i;
        }
    }
}
