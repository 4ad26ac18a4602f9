package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

import java.util.List;

/**
 * Vectors for accumulator tests, and the check every accumulator must pass: rows added to two accumulators (two
 * workers) and merged give what adding them all to one gives.
 */
final class AccumulatorTestData {

    private final MemoryReservation memory = new MemoryReservation(new MemoryBudget(1L << 30), "test");

    static LongVector longs(Long... values) {
        LongVector vector = new LongVector(values.length);
        for (Long value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    static DoubleVector doubles(Double... values) {
        DoubleVector vector = new DoubleVector(values.length);
        for (Double value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    static BytesVector texts(String... values) {
        BytesVector vector = new BytesVector(values.length, 16);
        for (String value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    Accumulator create(AggregateCall call, List<LogicalType> inputTypes) {
        return Accumulators.create(call, inputTypes, memory);
    }

    /** Rows {@code [0, rowCount)} of {@code arguments} into {@code groups} groups, all in one accumulator. */
    ColumnVector onePass(AggregateCall call, List<LogicalType> inputTypes, ColumnVector[] arguments, int[] groupIds,
                         int groups) {
        Accumulator accumulator = create(call, inputTypes);
        accumulator.ensureGroups(groups);
        accumulator.add(groupIds, arguments, all(groupIds.length), groupIds.length);
        return accumulator.result(0, groups);
    }

    /**
     * The same rows split between two accumulators at {@code split} (the second one numbers its groups in reverse, as
     * another worker may), the second merged into the first.
     */
    ColumnVector merged(AggregateCall call, List<LogicalType> inputTypes, ColumnVector[] arguments, int[] groupIds,
                        int groups, int split) {
        Accumulator first = create(call, inputTypes);
        Accumulator second = create(call, inputTypes);
        first.ensureGroups(groups);
        second.ensureGroups(groups);
        int[] firstRows = new int[split];
        for (int i = 0; i < split; i++) {
            firstRows[i] = i;
        }
        first.add(groupIds, arguments, firstRows, split);
        int[] reversed = new int[groupIds.length];
        for (int row = 0; row < groupIds.length; row++) {
            reversed[row] = groups - 1 - groupIds[row];
        }
        int[] secondRows = new int[groupIds.length - split];
        for (int i = 0; i < secondRows.length; i++) {
            secondRows[i] = split + i;
        }
        second.add(reversed, arguments, secondRows, secondRows.length);
        int[] sources = new int[groups];
        int[] targets = new int[groups];
        for (int g = 0; g < groups; g++) {
            sources[g] = groups - 1 - g;
            targets[g] = g;
        }
        first.merge(second, sources, targets, groups);
        second.release();
        return first.result(0, groups);
    }

    static int[] all(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
