package io.basalt.execution.expression;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

import java.util.List;

/**
 * The batch loop of strict functions whose work per row is irreducibly per value (padding, splitting, regular
 * expressions, formatting): evaluates every argument once per batch, skips rows where any argument is NULL
 * (the result is NULL there) and hands the rest to a row function that reads the argument vectors' primitive
 * arrays directly. Sharing the loop keeps NULL propagation in one place for the many string and date functions.
 */
final class RowKernels {

    /** Writes one row's value (appends exactly one entry) to the text result. */
    interface TextRow {
        void append(ColumnVector[] arguments, int row, BytesVector result);
    }

    interface LongRow {
        long compute(ColumnVector[] arguments, int row);
    }

    interface DoubleRow {
        double compute(ColumnVector[] arguments, int row);
    }

    interface BooleanRow {
        boolean test(ColumnVector[] arguments, int row);
    }

    private RowKernels() {
    }

    static CompiledExpression text(List<Operand> operands, TextRow function) {
        Operand[] arguments = operands.toArray(new Operand[0]);
        return input -> {
            int rows = input.rowCount();
            ColumnVector[] vectors = evaluate(arguments, input);
            BytesVector result = new BytesVector(rows, vectors[0] instanceof BytesVector text ? text.dataSize() : rows * 8);
            for (int i = 0; i < rows; i++) {
                if (anyNull(vectors, i)) {
                    result.appendNull();
                } else {
                    function.append(vectors, i, result);
                }
            }
            return result;
        };
    }

    static CompiledExpression longs(List<Operand> operands, LongRow function) {
        Operand[] arguments = operands.toArray(new Operand[0]);
        return input -> {
            int rows = input.rowCount();
            ColumnVector[] vectors = evaluate(arguments, input);
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, vectors, rows);
            long[] out = result.values();
            for (int i = 0; i < rows; i++) {
                if (!result.isNull(i)) {
                    out[i] = function.compute(vectors, i);
                }
            }
            return result;
        };
    }

    static CompiledExpression doubles(List<Operand> operands, DoubleRow function) {
        Operand[] arguments = operands.toArray(new Operand[0]);
        return input -> {
            int rows = input.rowCount();
            ColumnVector[] vectors = evaluate(arguments, input);
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, vectors, rows);
            double[] out = result.values();
            for (int i = 0; i < rows; i++) {
                if (!result.isNull(i)) {
                    out[i] = function.compute(vectors, i);
                }
            }
            return result;
        };
    }

    static CompiledExpression booleans(List<Operand> operands, BooleanRow function) {
        Operand[] arguments = operands.toArray(new Operand[0]);
        return input -> {
            int rows = input.rowCount();
            ColumnVector[] vectors = evaluate(arguments, input);
            BooleanVector result = new BooleanVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, vectors, rows);
            boolean[] out = result.values();
            for (int i = 0; i < rows; i++) {
                if (!result.isNull(i)) {
                    out[i] = function.test(vectors, i);
                }
            }
            return result;
        };
    }

    static ColumnVector[] evaluate(Operand[] arguments, io.basalt.storage.vector.ColumnBatch input) {
        ColumnVector[] vectors = new ColumnVector[arguments.length];
        for (int k = 0; k < arguments.length; k++) {
            vectors[k] = arguments[k].evaluate(input);
        }
        return vectors;
    }

    static boolean anyNull(ColumnVector[] vectors, int row) {
        for (ColumnVector vector : vectors) {
            if (vector.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    /** The text argument's bytes as a Java string (for functions that need characters, not bytes). */
    static String string(ColumnVector vector, int row) {
        return ((BytesVector) vector).getString(row);
    }

    static long longValue(ColumnVector vector, int row) {
        return ((LongVector) vector).values()[row];
    }

    static double doubleValue(ColumnVector vector, int row) {
        return ((DoubleVector) vector).values()[row];
    }
}
