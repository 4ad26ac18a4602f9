package io.basalt.execution.expression;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Collects which branch of a CASE (or argument of COALESCE) answers each row, and the branch's values, then
 * assembles the result in one typed pass per branch. A branch's values are either for the whole batch
 * (indexed by row) or for its chosen rows only (indexed by their order). Rows no branch answers are NULL.
 */
final class BranchResults {

    private final int rows;
    private final ColumnVector[] values;
    private final int[][] rowsOfBranch;
    private final int[] counts;
    private final boolean[] indexedByRow;
    private int branches;

    BranchResults(int rows, int maxBranches) {
        this.rows = rows;
        this.values = new ColumnVector[maxBranches];
        this.rowsOfBranch = new int[maxBranches][];
        this.counts = new int[maxBranches];
        this.indexedByRow = new boolean[maxBranches];
    }

    /** Rows {@code chosenRows[0..count)} take their value from {@code vector}. */
    void add(ColumnVector vector, int[] chosenRows, int count, boolean vectorIndexedByRow) {
        values[branches] = vector;
        rowsOfBranch[branches] = chosenRows;
        counts[branches] = count;
        indexedByRow[branches] = vectorIndexedByRow;
        branches++;
    }

    ColumnVector assemble(PhysicalKind kind) {
        if (kind == PhysicalKind.BYTES) {
            return assembleBytes();
        }
        ColumnVector result = ColumnVector.create(kind, rows);
        result.setPositionCount(rows);
        boolean[] answered = new boolean[Math.max(rows, 1)];
        for (int b = 0; b < branches; b++) {
            ColumnVector source = values[b];
            int[] chosen = rowsOfBranch[b];
            int count = counts[b];
            boolean byRow = indexedByRow[b];
            copy(kind, source, result, chosen, count, byRow);
            markAnswered(source, result, chosen, count, byRow, answered);
        }
        nullWhereUnanswered(answered, rows, result);
        return result;
    }

    // Every loop below is a method of its own, each kind's too: in one method, C2 compiled the kinds seen so far and
    // compiled the method again for each new one (five times in the TPC-H sequence).

    private static void markAnswered(ColumnVector source, ColumnVector result, int[] chosen, int count, boolean byRow,
                                     boolean[] answered) {
        boolean sourceNulls = source.mayHaveNulls();
        for (int j = 0; j < count; j++) {
            int row = chosen[j];
            answered[row] = true;
            if (sourceNulls && source.isNull(byRow ? row : j)) {
                result.setNull(row, true);
            }
        }
    }

    private static void nullWhereUnanswered(boolean[] answered, int rows, ColumnVector result) {
        for (int row = 0; row < rows; row++) {
            if (!answered[row]) {
                result.setNull(row, true);
            }
        }
    }

    private static void copy(PhysicalKind kind, ColumnVector source, ColumnVector result, int[] chosen, int count, boolean byRow) {
        switch (kind) {
            case LONG -> copyLongs(((LongVector) source).values(), ((LongVector) result).values(), chosen, count, byRow);
            case DOUBLE -> copyDoubles(((DoubleVector) source).values(), ((DoubleVector) result).values(), chosen, count,
                    byRow);
            case BOOLEAN -> copyBooleans(((BooleanVector) source).values(), ((BooleanVector) result).values(), chosen,
                    count, byRow);
            case INT128 -> copyWide((Int128Vector) source, (Int128Vector) result, chosen, count, byRow);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static void copyLongs(long[] from, long[] to, int[] chosen, int count, boolean byRow) {
        for (int j = 0; j < count; j++) {
            to[chosen[j]] = from[byRow ? chosen[j] : j];
        }
    }

    private static void copyDoubles(double[] from, double[] to, int[] chosen, int count, boolean byRow) {
        for (int j = 0; j < count; j++) {
            to[chosen[j]] = from[byRow ? chosen[j] : j];
        }
    }

    private static void copyBooleans(boolean[] from, boolean[] to, int[] chosen, int count, boolean byRow) {
        for (int j = 0; j < count; j++) {
            to[chosen[j]] = from[byRow ? chosen[j] : j];
        }
    }

    private static void copyWide(Int128Vector from, Int128Vector to, int[] chosen, int count, boolean byRow) {
        long[] high = from.high();
        long[] low = from.low();
        for (int j = 0; j < count; j++) {
            int index = byRow ? chosen[j] : j;
            to.set(chosen[j], high[index], low[index]);
        }
    }

    /** Text must be appended in row order, so each row looks up its branch. */
    private ColumnVector assembleBytes() {
        int[] branchOfRow = new int[Math.max(rows, 1)];
        int[] indexOfRow = new int[Math.max(rows, 1)];
        java.util.Arrays.fill(branchOfRow, -1);
        long totalBytes = 0;
        for (int b = 0; b < branches; b++) {
            int[] chosen = rowsOfBranch[b];
            BytesVector source = (BytesVector) values[b];
            for (int j = 0; j < counts[b]; j++) {
                int index = indexedByRow[b] ? chosen[j] : j;
                branchOfRow[chosen[j]] = b;
                indexOfRow[chosen[j]] = index;
                totalBytes += source.length(index);
            }
        }
        BytesVector result = new BytesVector(rows, (int) Math.min(totalBytes, Integer.MAX_VALUE - 16));
        for (int row = 0; row < rows; row++) {
            int branch = branchOfRow[row];
            if (branch < 0) {
                result.appendNull();
                continue;
            }
            BytesVector source = (BytesVector) values[branch];
            int index = indexOfRow[row];
            if (source.isNull(index)) {
                result.appendNull();
            } else {
                result.append(source.data(), source.offset(index), source.length(index));
            }
        }
        return result;
    }
}
