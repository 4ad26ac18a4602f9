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
import java.util.Arrays;

/**
 * Vectors that repeat one value. Kernels avoid them where a constant operand matters (comparisons and
 * common arithmetic take the constant as a scalar); they remain for the rarer shapes and for projecting
 * constants.
 */
final class ConstantVectors {

    private ConstantVectors() {
    }

    /** A vector repeating {@code literal} {@code rows} times. */
    static ColumnVector of(Literal literal, int rows) {
        PhysicalKind kind = literal.physicalKind();
        if (literal.isNull()) {
            return allNull(kind, rows);
        }
        Object value = literal.value();
        switch (kind) {
            case BOOLEAN -> {
                BooleanVector vector = new BooleanVector(rows);
                Arrays.fill(vector.values(), 0, rows, (Boolean) value);
                vector.setPositionCount(rows);
                return vector;
            }
            case LONG -> {
                return longs((Long) value, rows);
            }
            case DOUBLE -> {
                DoubleVector vector = new DoubleVector(rows);
                Arrays.fill(vector.values(), 0, rows, (Double) value);
                vector.setPositionCount(rows);
                return vector;
            }
            case INT128 -> {
                BigInteger unscaled = (BigInteger) value;
                Int128Vector vector = new Int128Vector(rows);
                Arrays.fill(vector.high(), 0, rows, unscaled.shiftRight(64).longValue());
                Arrays.fill(vector.low(), 0, rows, unscaled.longValue());
                vector.setPositionCount(rows);
                return vector;
            }
            default -> {
                byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
                BytesVector vector = new BytesVector(rows, bytes.length * rows);
                for (int i = 0; i < rows; i++) {
                    vector.append(bytes);
                }
                return vector;
            }
        }
    }

    static LongVector longs(long value, int rows) {
        LongVector vector = new LongVector(rows);
        Arrays.fill(vector.values(), 0, rows, value);
        vector.setPositionCount(rows);
        return vector;
    }

    static ColumnVector allNull(PhysicalKind kind, int rows) {
        ColumnVector vector = ColumnVector.create(kind, rows);
        for (int i = 0; i < rows; i++) {
            vector.appendNull();
        }
        return vector;
    }
}
