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
            boolean sourceNulls = source.mayHaveNulls();
            for (int j = 0; j < count; j++) {
                int row = chosen[j];
                answered[row] = true;
                if (sourceNulls && source.isNull(byRow ? row : j)) {
                    result.setNull(row, true);
                }
            }
        }
        for (int row = 0; row < rows; row++) {
            if (!answered[row]) {
                result.setNull(row, true);
            }
        }
        return result;
    }

    private static void copy(PhysicalKind kind, ColumnVector source, ColumnVector result, int[] chosen, int count, boolean byRow) {
        switch (kind) {
            case LONG -> {
                long[] from = ((LongVector) source).values();
                long[] to = ((LongVector) result).values();
                for (int j = 0; j < count; j++) {
                    to[chosen[j]] = from[byRow ? chosen[j] : j];
                }
            }
            case DOUBLE -> {
                double[] from = ((DoubleVector) source).values();
                double[] to = ((DoubleVector) result).values();
                for (int j = 0; j < count; j++) {
                    to[chosen[j]] = from[byRow ? chosen[j] : j];
                }
            }
            case BOOLEAN -> {
                boolean[] from = ((BooleanVector) source).values();
                boolean[] to = ((BooleanVector) result).values();
                for (int j = 0; j < count; j++) {
                    to[chosen[j]] = from[byRow ? chosen[j] : j];
                }
            }
            case INT128 -> {
                Int128Vector from = (Int128Vector) source;
                Int128Vector to = (Int128Vector) result;
                for (int j = 0; j < count; j++) {
                    int index = byRow ? chosen[j] : j;
                    to.set(chosen[j], from.high()[index], from.low()[index]);
                }
            }
            default -> throw new IllegalStateException(kind.name());
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
