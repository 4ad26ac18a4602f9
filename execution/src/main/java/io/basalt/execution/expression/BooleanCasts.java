package io.basalt.execution.expression;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

/** PostgreSQL's casts between integers and BOOLEAN: TRUE is 1, FALSE 0; any non-zero integer is TRUE. */
final class BooleanCasts {

    private BooleanCasts() {
    }

    static CompiledExpression toInteger(Operand operand) {
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            boolean[] x = ((BooleanVector) vector).values();
            long[] out = result.values();
            for (int i = 0; i < rows; i++) {
                out[i] = x[i] ? 1 : 0;
            }
            return result;
        };
    }

    static CompiledExpression fromInteger(Operand operand) {
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            BooleanVector result = new BooleanVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            long[] x = ((LongVector) vector).values();
            boolean[] out = result.values();
            for (int i = 0; i < rows; i++) {
                out[i] = x[i] != 0;
            }
            return result;
        };
    }
}
