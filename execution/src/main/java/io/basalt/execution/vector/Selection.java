package io.basalt.execution.vector;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/** Selection vectors: which positions of a batch survive a condition, and the batch cut down to them. */
public final class Selection {

    private Selection() {
    }

    /**
     * Writes the positions where {@code condition} (a BOOLEAN vector) is TRUE, neither FALSE nor NULL,
     * into {@code positions} and returns how many.
     */
    public static int trueRows(ColumnVector condition, int rowCount, int[] positions) {
        boolean[] values = ((BooleanVector) condition).values();
        int count = 0;
        if (condition.mayHaveNulls()) {
            boolean[] nulls = condition.nulls();
            for (int i = 0; i < rowCount; i++) {
                if (values[i] & !nulls[i]) {
                    positions[count++] = i;
                }
            }
        } else {
            for (int i = 0; i < rowCount; i++) {
                if (values[i]) {
                    positions[count++] = i;
                }
            }
        }
        return count;
    }

    /**
     * Writes {@code positions[selected[i]]} (or {@code selected[i]} when {@code positions} is null, every row) to
     * {@code out[i]} for {@code i < count}: rows chosen among rows already chosen. {@code out} may be {@code selected},
     * or {@code positions} when {@code selected} is ascending (each index is read before it is written).
     * A loop of its own so that the per-batch code calling it need not be compiled for speed
     * ({@code CompilerDirectives}).
     */
    public static void compose(int[] positions, int[] selected, int count, int[] out) {
        if (positions == null) {
            if (out != selected) {
                System.arraycopy(selected, 0, out, 0, count);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            out[i] = positions[selected[i]];
        }
    }

    /** Whether {@code positions[0..count)} is every row of a batch of {@code rowCount} rows, in order. */
    public static boolean isEveryRow(int[] positions, int count, int rowCount) {
        if (count != rowCount) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The identity selection {@code 0 .. count-1}. */
    public static int[] all(int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }

    /** The batch restricted to {@code positions[0..count)}; the batch itself when every row is kept. */
    public static ColumnBatch apply(ColumnBatch batch, int[] positions, int count) {
        if (count == batch.rowCount()) {
            return batch;
        }
        List<ColumnVector> columns = new ArrayList<>(batch.columnCount());
        for (ColumnVector column : batch.columns()) {
            columns.add(VectorCopier.select(column, positions, count));
        }
        return new ColumnBatch(count, columns);
    }
}
