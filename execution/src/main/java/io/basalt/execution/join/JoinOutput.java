package io.basalt.execution.join;

import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.vector.NullVectors;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/**
 * How a join's rows are put together, shared by the hash and nested-loop joins and by all their workers:
 * matched pairs (left columns, then right), left rows alone (SEMI, ANTI) or padded with NULLs (LEFT, FULL),
 * and at the end the right rows no pair matched (RIGHT, FULL: padded; RIGHT_ANTI: alone) or the right rows
 * some pair matched (RIGHT_SEMI: alone). Which right rows matched is one flag per row; workers only ever set
 * flags, and they are read after every worker has finished.
 */
final class JoinOutput {

    private static final int BATCH_ROWS = 1 << 14;

    private final JoinType type;
    private final CompiledExpression condition;
    private final List<PhysicalKind> leftKinds;
    private final RowStore right;
    private final boolean[] rightMatched;

    JoinOutput(JoinType type, CompiledExpression condition, List<PhysicalKind> leftKinds, RowStore right) {
        this.type = type;
        this.condition = condition;
        this.leftKinds = List.copyOf(leftKinds);
        this.right = right;
        this.rightMatched = tracksRightMatches(type) ? new boolean[right.rowCount()] : null;
    }

    static boolean tracksRightMatches(JoinType type) {
        return type == JoinType.RIGHT || type == JoinType.FULL || type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI;
    }

    JoinType type() {
        return type;
    }

    /** The residual or join condition over left ++ right columns, or {@code null}. */
    CompiledExpression condition() {
        return condition;
    }

    RowStore right() {
        return right;
    }

    /**
     * Pairs {@code (leftRows[i], rightRows[i])} as rows of left columns followed by right columns.
     *
     * @param everyLeftRowInOrder whether {@code leftRows[0, count)} is every row of {@code left} in order: the left
     *                            vectors are then the pairs' left columns as they are, nothing to copy
     */
    ColumnBatch pairs(ColumnBatch left, int[] leftRows, int[] rightRows, int count, boolean everyLeftRowInOrder) {
        List<ColumnVector> columns = new ArrayList<>(left.columnCount() + right.columnCount());
        for (ColumnVector column : left.columns()) {
            columns.add(everyLeftRowInOrder ? column : VectorCopier.select(column, leftRows, count));
        }
        for (int c = 0; c < right.columnCount(); c++) {
            columns.add(VectorCopier.select(right.column(c), rightRows, count));
        }
        return new ColumnBatch(count, columns);
    }

    /** Left rows with NULLs for every right column (unmatched rows of LEFT and FULL joins). */
    ColumnBatch leftPadded(ColumnBatch left, int[] rows, int count) {
        List<ColumnVector> columns = new ArrayList<>(left.columnCount() + right.columnCount());
        for (ColumnVector column : left.columns()) {
            columns.add(VectorCopier.select(column, rows, count));
        }
        for (PhysicalKind kind : right.kinds()) {
            columns.add(NullVectors.of(kind, count));
        }
        return new ColumnBatch(count, columns);
    }

    ColumnBatch leftOnly(ColumnBatch left, int[] rows, int count) {
        return Selection.apply(left, rows, count);
    }

    void markRightMatched(int rightRow) {
        rightMatched[rightRow] = true;
    }

    /**
     * The right rows the join outputs once every left row has been probed: those no pair matched, with NULLs
     * for every left column (RIGHT and FULL joins) or alone (RIGHT_ANTI), or those some pair matched, alone
     * (RIGHT_SEMI).
     */
    void emitFinalRight(BatchConsumer output) {
        boolean wantMatched = type == JoinType.RIGHT_SEMI;
        int[] rows = new int[BATCH_ROWS];
        int count = 0;
        for (int from = 0; from < rightMatched.length; ) {
            // At most as many rows as there is room for, so the batch fills up without overflowing.
            int to = Math.min(rightMatched.length, from + (BATCH_ROWS - count));
            count = rowsFlagged(rightMatched, from, to, wantMatched, rows, count);
            from = to;
            if (count == BATCH_ROWS) {
                output.accept(finalRight(rows, count));
                count = 0;
            }
        }
        if (count > 0) {
            output.accept(finalRight(rows, count));
        }
    }

    /**
     * Appends to {@code out} from index {@code count} the rows of {@code [from, to)} whose flag is {@code wanted}, in
     * order, and returns the new count; {@code out} must have room for all of them. A loop of its own: the methods that
     * emit the batches are per-batch code, which C2 leaves alone ({@code CompilerDirectives}).
     */
    static int rowsFlagged(boolean[] flags, int from, int to, boolean wanted, int[] out, int count) {
        for (int row = from; row < to; row++) {
            out[count] = row;
            count += flags[row] == wanted ? 1 : 0;
        }
        return count;
    }

    private ColumnBatch finalRight(int[] rows, int count) {
        if (type.outputsOneSide()) {
            List<ColumnVector> columns = new ArrayList<>(right.columnCount());
            for (int c = 0; c < right.columnCount(); c++) {
                columns.add(VectorCopier.select(right.column(c), rows, count));
            }
            return new ColumnBatch(count, columns);
        }
        return rightPadded(rows, count);
    }

    private ColumnBatch rightPadded(int[] rows, int count) {
        List<ColumnVector> columns = new ArrayList<>(leftKinds.size() + right.columnCount());
        for (PhysicalKind kind : leftKinds) {
            columns.add(NullVectors.of(kind, count));
        }
        for (int c = 0; c < right.columnCount(); c++) {
            columns.add(VectorCopier.select(right.column(c), rows, count));
        }
        return new ColumnBatch(count, columns);
    }
}
