package io.basalt.tpch;

import java.util.ArrayList;
import java.util.List;

/**
 * The database under test against the one it is compared with, query by query: ratio = its time ÷ the
 * other's, so above 1 it is slower. Only queries that ran on both count.
 */
public record Comparison(DatabaseRun subject, DatabaseRun reference) {

    /** The ratio for the query at {@code index} of both runs, or NaN when either failed. */
    public double ratio(int index) {
        QueryTiming mine = subject.queries().get(index);
        QueryTiming theirs = reference.queries().get(index);
        if (!mine.succeeded() || !theirs.succeeded()) {
            return Double.NaN;
        }
        return Math.max(mine.representativeMillis(), 1e-3) / Math.max(theirs.representativeMillis(), 1e-3);
    }

    public double geometricMeanRatio() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < subject.queries().size(); i++) {
            double ratio = ratio(i);
            if (!Double.isNaN(ratio)) {
                ratios.add(ratio);
            }
        }
        return DatabaseRun.geometricMean(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
