package io.basalt.execution.operator;

import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/**
 * Repeats each row by its count column and drops that column ({@code RepeatRowsNode}). Output batches hold at most
 * {@link #MAX_BATCH_ROWS} rows, so one row with a huge count streams out in pieces instead of one giant batch.
 */
public final class RepeatRowsOperator implements StreamingOperator {

    static final int MAX_BATCH_ROWS = 1 << 16;

    private final int countColumn;

    public RepeatRowsOperator(int countColumn) {
        this.countColumn = countColumn;
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer output) {
        LongVector counts = (LongVector) input.column(countColumn);
        List<ColumnVector> kept = new ArrayList<>(input.columnCount() - 1);
        for (int i = 0; i < input.columnCount(); i++) {
            if (i != countColumn) {
                kept.add(input.column(i));
            }
        }
        ColumnBatch rows = new ColumnBatch(input.rowCount(), kept);
        int[] positions = new int[Math.min(MAX_BATCH_ROWS, Math.max(input.rowCount(), 1))];
        int filled = 0;
        for (int row = 0; row < input.rowCount(); row++) {
            long remaining = counts.isNull(row) ? 0 : counts.get(row);
            while (remaining > 0) {
                if (filled == positions.length) {
                    output.accept(VectorCopier.select(rows, positions, filled));
                    filled = 0;
                }
                positions[filled++] = row;
                remaining--;
            }
        }
        if (filled > 0) {
            output.accept(VectorCopier.select(rows, positions, filled));
        }
    }
}
