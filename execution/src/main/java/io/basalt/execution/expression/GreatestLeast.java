package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;
import java.util.List;

/**
 * GREATEST and LEAST of arguments of one type, as PostgreSQL: NULL arguments are ignored and the result is NULL
 * only when all are. Values compare as their type orders them: numbers, dates and times by value, text by UTF-8
 * bytes (code point order, as the comparison operators), FALSE before TRUE, NaN above every other double.
 */
final class GreatestLeast {

    /** Compares two arguments' values at one row. */
    private interface RowComparison {
        int compare(ColumnVector a, ColumnVector b, int row);
    }

    private GreatestLeast() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        LogicalType type = call.type();
        for (Operand argument : arguments) {
            if (!argument.type().equals(type)) {
                throw ExpressionErrors.notSupported(call.function() + " of " + argument.type() + " as " + type);
            }
        }
        RowComparison comparison = comparison(type);
        // A later argument replaces the choice when it compares above (GREATEST) or below (LEAST) it.
        int direction = call.function() == Function.GREATEST ? 1 : -1;
        Operand[] operands = arguments.toArray(new Operand[0]);
        return input -> {
            ColumnVector[] vectors = RowKernels.evaluate(operands, input);
            int rows = input.rowCount();
            ColumnVector result = ColumnVector.create(type.physicalKind(), rows);
            for (int i = 0; i < rows; i++) {
                ColumnVector chosen = null;
                for (ColumnVector vector : vectors) {
                    if (!vector.isNull(i) && (chosen == null || comparison.compare(vector, chosen, i) * direction > 0)) {
                        chosen = vector;
                    }
                }
                if (chosen == null) {
                    result.appendNull();
                } else {
                    result.appendFrom(chosen, i);
                }
            }
            return result;
        };
    }

    private static RowComparison comparison(LogicalType type) {
        PhysicalKind kind = type.physicalKind();
        return switch (kind) {
            case LONG -> (a, b, row) -> Long.compare(((LongVector) a).values()[row], ((LongVector) b).values()[row]);
            case DOUBLE -> (a, b, row) -> {
                double x = ((DoubleVector) a).values()[row];
                double y = ((DoubleVector) b).values()[row];
                return x == y ? 0 : Double.compare(x, y); // -0.0 equals 0.0, as in SQL
            };
            case BOOLEAN -> (a, b, row) -> Boolean.compare(((BooleanVector) a).values()[row], ((BooleanVector) b).values()[row]);
            case BYTES -> (a, b, row) -> {
                BytesVector x = (BytesVector) a;
                BytesVector y = (BytesVector) b;
                return Arrays.compareUnsigned(x.data(), x.offset(row), x.offset(row) + x.length(row),
                        y.data(), y.offset(row), y.offset(row) + y.length(row));
            };
            default -> throw ExpressionErrors.notSupported("GREATEST and LEAST of " + type);
        };
    }
}
