package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.SortKey;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * MODE() WITHIN GROUP (ORDER BY x): the most frequent non-NULL value; of equally frequent ones the first in the
 * call's order (PostgreSQL counts runs of the sorted values and keeps the first longest one). NULL for a group
 * without values.
 */
final class ModeAccumulator extends CollectingAccumulator {

    private final PhysicalKind kind;

    ModeAccumulator(PhysicalKind kind, List<SortKey> order, MemoryReservation memory) {
        super(List.of(kind), order, memory);
        this.kind = kind;
    }

    @Override
    protected PhysicalKind resultKind() {
        return kind;
    }

    @Override
    protected void appendResult(ColumnVector[] columns, int[] rows, int count, ColumnVector output) {
        if (count == 0) {
            output.appendNull();
            return;
        }
        int best = rows[0];
        int bestLength = 0;
        int runStart = 0;
        for (int i = 1; i <= count; i++) {
            if (i == count || !sameOrderKeys(columns, rows[runStart], rows[i])) {
                if (i - runStart > bestLength) {
                    bestLength = i - runStart;
                    best = rows[runStart];
                }
                runStart = i;
            }
        }
        output.appendFrom(columns[0], best);
    }
}
