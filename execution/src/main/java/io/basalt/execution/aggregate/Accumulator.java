package io.basalt.execution.aggregate;

import io.basalt.storage.vector.ColumnVector;

/**
 * The running state of one aggregate for every group, in arrays indexed by group id. Worker threads each
 * fill their own accumulators (pre-aggregation); the merge folds them into the final ones.
 */
public interface Accumulator {

    /** Makes room for groups {@code 0 .. groupCount-1}, reserving the memory first. */
    void ensureGroups(int groupCount);

    /**
     * Adds rows {@code rows[0..count)} of the argument vectors; row {@code r} belongs to group
     * {@code groupIds[r]}. NULL arguments are ignored (except by COUNT(*), which has none).
     */
    void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count);

    /**
     * {@link #add} of every row of the batch: the row list is the identity, so an accumulator may read row {@code i}'s
     * group and arguments at {@code i} directly, and use the batch's per-group row counts when it has few groups. Hot
     * accumulators override it: one dependent load less per row and value, and no per-row counting, in the loops that
     * dominate a few-group aggregation (TPC-H Q1).
     */
    default void addEveryRow(BatchGroups groups, ColumnVector[] arguments) {
        add(groups.ids(), arguments, groups.rows(), groups.count());
    }

    /**
     * Folds group {@code sourceGroups[i]} of {@code source} (same class) into group {@code targetGroups[i]}, for
     * {@code i} from 0 up, one after the other: {@code source} may be this accumulator, and a group folded into
     * may be folded on later in the same call (window frames compute running states this way).
     */
    void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count);

    /** The final values of groups {@code [from, from + count)}. */
    ColumnVector result(int from, int count);

    /** Gives the memory back. */
    void release();
}
