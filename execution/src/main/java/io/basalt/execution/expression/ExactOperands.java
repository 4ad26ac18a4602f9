package io.basalt.execution.expression;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;

/** Helpers for the operands of exact (integer and DECIMAL) arithmetic. */
final class ExactOperands {

    private ExactOperands() {
    }

    /**
     * The most decimal digits the operand's unscaled values can have: a constant's own digit count (so that
     * {@code 1 - l_discount} stays on the long path), otherwise the type's bound.
     */
    static int digits(Operand operand) {
        if (operand.isConstant() && !operand.isNullConstant()) {
            return digitsOf(unscaled(operand));
        }
        return NumericTypes.digits(operand.type());
    }

    static int digitsOf(BigInteger value) {
        return value.signum() == 0 ? 1 : value.abs().toString().length();
    }

    /** The unscaled value of a non-null exact constant. */
    static BigInteger unscaled(Operand operand) {
        Object value = operand.value();
        return value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value);
    }

    /** The high halves of an exact vector's values: the vector's own array, or sign extensions of longs. */
    static long[] highs(ColumnVector vector, int rows) {
        if (vector instanceof Int128Vector wide) {
            return wide.high();
        }
        long[] values = ((LongVector) vector).values();
        long[] high = new long[Math.max(rows, 1)];
        for (int i = 0; i < rows; i++) {
            high[i] = values[i] >> 63;
        }
        return high;
    }

    static long[] lows(ColumnVector vector) {
        return vector instanceof Int128Vector wide ? wide.low() : ((LongVector) vector).values();
    }

    static boolean isLongKind(Operand operand) {
        return operand.type().physicalKind() == PhysicalKind.LONG;
    }
}
