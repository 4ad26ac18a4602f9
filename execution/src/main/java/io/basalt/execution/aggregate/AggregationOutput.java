package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/** Turns groups and their aggregate states into output batches: the group keys, then one column per call. */
final class AggregationOutput {

    /** Groups per output batch. */
    static final int OUTPUT_ROWS = 1 << 14;

    private final AggregationLayout layout;

    AggregationOutput(AggregationLayout layout) {
        this.layout = layout;
    }

    /** The keys of {@code source}'s groups, reserved in {@code memory} (a table may copy them out). */
    static ColumnVector[] keys(PartialAggregation source, MemoryReservation memory) {
        memory.grow(source.groups.keysCopyBytes());
        return source.groups.keys();
    }

    /** Pushes every group of {@code source} to {@code output}, {@code rows} at a time. */
    void emit(PartialAggregation source, MemoryReservation memory, int rows, BatchConsumer output) {
        ColumnVector[] keys = keys(source, memory);
        int groups = source.groups.groupCount();
        for (int from = 0; from < groups; from += rows) {
            output.accept(batch(source, keys, from, Math.min(rows, groups - from)));
        }
    }

    /** Groups {@code [from, from + count)} of {@code source}, whose keys are {@code keys}. */
    ColumnBatch batch(PartialAggregation source, ColumnVector[] keys, int from, int count) {
        List<ColumnVector> columns = new ArrayList<>(keys.length + source.accumulators.length);
        for (int k = 0; k < layout.outputKeyCount(); k++) {
            columns.add(VectorSlicer.slice(keys[k], from, count));
        }
        for (int c = 0; c < source.accumulators.length; c++) {
            columns.add(layout.isGrouping(c) ? groupingValues(c, keys, from, count) : source.accumulators[c].result(from, count));
        }
        return new ColumnBatch(count, columns);
    }

    /** GROUPING(…) of groups {@code [from, from + count)}, from their grouping-set keys. */
    private LongVector groupingValues(int call, ColumnVector[] keys, int from, int count) {
        LongVector values = new LongVector(count);
        for (int i = 0; i < count; i++) {
            int set = layout.hasGroupingSets() ? (int) ((LongVector) keys[layout.outputKeyCount()]).get(from + i) : 0;
            values.values()[i] = layout.groupingValue(call, set);
        }
        values.setPositionCount(count);
        return values;
    }
}
