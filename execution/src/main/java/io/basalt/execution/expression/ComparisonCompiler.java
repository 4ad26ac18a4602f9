package io.basalt.execution.expression;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * EQUAL … GREATER_THAN_OR_EQUAL and IS [NOT] DISTINCT FROM. Operands are unified first
 * ({@link CommonTypes}); a constant operand is moved to the right (flipping the operator) and passed to the
 * kernel as a scalar. Values are compared on every position and the result's null mask is the union of the
 * operands' masks; IS [NOT] DISTINCT FROM instead folds the masks into the value and is never NULL.
 */
final class ComparisonCompiler {

    private ComparisonCompiler() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        Operand[] operands = CommonTypes.unify(arguments.get(0), arguments.get(1));
        Function function = call.function();
        if (function == Function.IS_DISTINCT_FROM || function == Function.IS_NOT_DISTINCT_FROM) {
            return distinct(function == Function.IS_NOT_DISTINCT_FROM, operands[0], operands[1]);
        }
        Operand left = operands[0];
        Operand right = operands[1];
        if (left.isConstant() && !right.isConstant()) {
            left = operands[1];
            right = operands[0];
            function = OrderResults.flip(function);
        }
        return compile(function, left, right);
    }

    /** A strict comparison; NULL constants have been folded away by the caller. */
    static CompiledExpression compile(Function operator, Operand left, Operand right) {
        if (right.isConstant()) {
            PhysicalKind kind = right.type().physicalKind();
            Object constant = scalar(kind, right.value());
            return input -> {
                ColumnVector a = left.evaluate(input);
                int rows = input.rowCount();
                BooleanVector result = new BooleanVector(rows);
                result.setPositionCount(rows);
                compareWithConstant(operator, kind, a, constant, result.values(), rows);
                NullMasks.copy(result, a, rows);
                return result;
            };
        }
        return input -> {
            ColumnVector a = left.evaluate(input);
            ColumnVector b = right.evaluate(input);
            int rows = input.rowCount();
            BooleanVector result = new BooleanVector(rows);
            result.setPositionCount(rows);
            compareValues(operator, a, b, result.values(), rows);
            NullMasks.union(result, a, b, rows);
            return result;
        };
    }

    /** The constant in the form its kernel takes: text as UTF-8 bytes, 128-bit values as {high, low}. */
    static Object scalar(PhysicalKind kind, Object value) {
        if (kind == PhysicalKind.BYTES) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == PhysicalKind.INT128) {
            BigInteger big = (BigInteger) value;
            return new long[] {big.shiftRight(64).longValue(), big.longValue()};
        }
        return value;
    }

    static void compareValues(Function operator, ColumnVector a, ColumnVector b, boolean[] out, int rows) {
        if (a instanceof LongVector longs) {
            LongComparisons.compare(operator, longs.values(), ((LongVector) b).values(), out, rows);
        } else if (a instanceof DoubleVector doubles) {
            DoubleComparisons.compare(operator, doubles.values(), ((DoubleVector) b).values(), out, rows);
        } else if (a instanceof BytesVector bytes) {
            BytesComparisons.compare(operator, bytes, (BytesVector) b, out, rows);
        } else if (a instanceof Int128Vector wide) {
            Int128Vector other = (Int128Vector) b;
            Int128Comparisons.compare(operator, wide.high(), wide.low(), other.high(), other.low(), out, rows);
        } else {
            BooleanComparisons.compare(operator, ((BooleanVector) a).values(), ((BooleanVector) b).values(), out, rows);
        }
    }

    static void compareWithConstant(Function operator, PhysicalKind kind, ColumnVector a, Object constant, boolean[] out, int rows) {
        switch (kind) {
            case LONG -> LongComparisons.compare(operator, ((LongVector) a).values(), (Long) constant, out, rows);
            case DOUBLE -> DoubleComparisons.compare(operator, ((DoubleVector) a).values(), (Double) constant, out, rows);
            case BYTES -> DictionaryEntryTests.test((BytesVector) a, out, rows,
                    (values, results, count) -> BytesComparisons.compare(operator, values, (byte[]) constant, results, count));
            case INT128 -> {
                long[] pair = (long[]) constant;
                Int128Vector wide = (Int128Vector) a;
                Int128Comparisons.compare(operator, wide.high(), wide.low(), pair[0], pair[1], out, rows);
            }
            case BOOLEAN -> BooleanComparisons.compare(operator, ((BooleanVector) a).values(), (Boolean) constant, out, rows);
        }
    }

    /**
     * IS [NOT] DISTINCT FROM: two NULLs are not distinct, a NULL and a value are. Values are compared on
     * every position (a NULL slot's value is ignored by the mask arithmetic), then combined with the masks.
     */
    private static CompiledExpression distinct(boolean notDistinct, Operand left, Operand right) {
        return input -> {
            ColumnVector a = left.evaluate(input);
            ColumnVector b = right.evaluate(input);
            int rows = input.rowCount();
            BooleanVector result = new BooleanVector(rows);
            result.setPositionCount(rows);
            boolean[] out = result.values();
            compareValues(Function.EQUAL, a, b, out, rows);
            if (a.mayHaveNulls() || b.mayHaveNulls()) {
                for (int i = 0; i < rows; i++) {
                    boolean leftNull = a.isNull(i);
                    boolean rightNull = b.isNull(i);
                    out[i] = (leftNull & rightNull) | (!leftNull & !rightNull & out[i]);
                }
            }
            if (!notDistinct) {
                for (int i = 0; i < rows; i++) {
                    out[i] = !out[i];
                }
            }
            return result;
        };
    }
}
