package io.basalt.execution.aggregate;

import io.basalt.execution.hash.GroupTable;
import io.basalt.execution.hash.GroupTables;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

/**
 * The groups and aggregate states one worker thread builds from the batches it sees (pre-aggregation), or
 * one partition of the merged result. A DISTINCT aggregate keeps a set of (group keys, argument) instead
 * of a state while pre-aggregating; the merge feeds each distinct value once into the final state.
 */
final class PartialAggregation {

    final GroupTable groups;
    final Accumulator[] accumulators;
    final GroupTable[] distinctSets;
    private final AggregationLayout layout;

    /** @param forMerge whether this is a merged partition, whose DISTINCT calls need final states too */
    PartialAggregation(AggregationLayout layout, double expectedGroups, boolean forMerge, MemoryReservation memory) {
        this.layout = layout;
        this.groups = GroupTables.create(layout.keyKinds, expectedGroups, memory);
        int calls = layout.calls.size();
        this.accumulators = new Accumulator[calls];
        this.distinctSets = new GroupTable[calls];
        for (int c = 0; c < calls; c++) {
            if (layout.distinct[c]) {
                distinctSets[c] = GroupTables.create(layout.distinctKinds(c), expectedGroups, memory);
            }
            if (!layout.distinct[c] || forMerge) {
                accumulators[c] = Accumulators.create(layout.calls.get(c), layout.inputTypes, memory);
            }
        }
    }

    void add(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        int[] all = Selection.all(rows);
        int[] groupIds = new int[rows];
        ColumnVector[] keys = layout.keys(batch);
        groups.findOrInsert(keys, all, rows, groupIds);
        ensureGroups();
        int[] selected = new int[rows];
        for (int c = 0; c < accumulators.length; c++) {
            int filterColumn = layout.calls.get(c).filterColumn();
            int[] callRows = all;
            int count = rows;
            if (filterColumn >= 0) {
                count = Selection.trueRows(batch.column(filterColumn), rows, selected);
                callRows = selected;
            }
            ColumnVector[] arguments = layout.arguments(c, batch);
            if (distinctSets[c] == null) {
                accumulators[c].add(groupIds, arguments, callRows, count);
            } else {
                addDistinct(c, keys, arguments, callRows, count);
            }
        }
    }

    private void addDistinct(int call, ColumnVector[] keys, ColumnVector[] arguments, int[] rows, int count) {
        // NULL arguments never count, so they stay out of the set.
        int[] kept = new int[count];
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            boolean anyNull = false;
            for (ColumnVector argument : arguments) {
                anyNull |= argument.isNull(rows[i]);
            }
            if (!anyNull) {
                kept[keptCount++] = rows[i];
            }
        }
        ColumnVector[] distinctKeys = new ColumnVector[keys.length + arguments.length];
        System.arraycopy(keys, 0, distinctKeys, 0, keys.length);
        System.arraycopy(arguments, 0, distinctKeys, keys.length, arguments.length);
        distinctSets[call].findOrInsert(distinctKeys, kept, keptCount, new int[keptCount]);
    }

    void ensureGroups() {
        int groupCount = groups.groupCount();
        for (Accumulator accumulator : accumulators) {
            if (accumulator != null) {
                accumulator.ensureGroups(groupCount);
            }
        }
    }

    boolean isEmpty() {
        return groups.groupCount() == 0;
    }

    void release() {
        groups.release();
        for (int c = 0; c < accumulators.length; c++) {
            if (accumulators[c] != null) {
                accumulators[c].release();
            }
            if (distinctSets[c] != null) {
                distinctSets[c].release();
            }
        }
    }
}
