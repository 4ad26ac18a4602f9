package io.basalt.execution.scan;

import java.util.concurrent.atomic.AtomicLong;
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
 * dropped when it kept more than half of them.
 *
 * @param column the scan output column holding the probe key (a LONG column)
 */
public record ScanJoinFilter(int column, Supplier<KeyMembershipFilter> keys, AtomicLong rowsTested, AtomicLong rowsKept) {

    static final long TRIAL_ROWS = 200_000;

    public ScanJoinFilter(int column, Supplier<KeyMembershipFilter> keys) {
        this(column, keys, new AtomicLong(), new AtomicLong());
    }

    /** The filter to apply now, or null (not built yet, or not selective enough to pay). */
    KeyMembershipFilter current() {
        long tested = rowsTested.get();
        if (tested >= TRIAL_ROWS && rowsKept.get() * 2 > tested) {
            return null;
        }
        return keys.get();
    }

    void record(int tested, int kept) {
        rowsTested.addAndGet(tested);
        rowsKept.addAndGet(kept);
    }
}
