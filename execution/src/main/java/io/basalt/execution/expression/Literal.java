package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;

/**
 * A constant. The value's Java class follows the type's physical kind: {@code Boolean} (BOOLEAN),
 * {@code Long} (integers; DATE as days since 1970-01-01; TIME and TIMESTAMP as microseconds; DECIMAL up to
 * 18 digits as the unscaled value), {@code BigInteger} (DECIMAL with 19–38 digits, unscaled),
 * {@code Double} (REAL, DOUBLE), {@code String} (VARCHAR, CHAR); {@code null} is SQL NULL of the type.
 */
public record Literal(Object value, LogicalType type) implements Expression {

    public Literal {
        if (value != null) {
            Class<?> expected = switch (type.physicalKind()) {
                case BOOLEAN -> Boolean.class;
                case LONG -> Long.class;
                case INT128 -> BigInteger.class;
                case DOUBLE -> Double.class;
                case BYTES -> String.class;
            };
            if (!expected.isInstance(value)) {
                throw new IllegalArgumentException("a " + type + " literal needs a " + expected.getSimpleName() + ", got "
                        + value.getClass().getSimpleName());
            }
        }
    }

    public static Literal nullOf(LogicalType type) {
        return new Literal(null, type);
    }

    /** The value at {@code position} of a vector of {@code type} as a constant (a query's result turned into a value). */
    public static Literal at(ColumnVector vector, int position, LogicalType type) {
        if (vector.isNull(position)) {
            return Literal.nullOf(type);
        }
        Object value;
        if (vector instanceof BooleanVector booleans) {
            value = booleans.get(position);
        } else if (vector instanceof LongVector longs) {
            value = longs.get(position);
        } else if (vector instanceof DoubleVector doubles) {
            value = doubles.get(position);
        } else if (vector instanceof Int128Vector wide) {
            value = wide.getBigInteger(position);
        } else {
            value = ((BytesVector) vector).getString(position);
        }
        return new Literal(value, type);
    }

    /** A vector repeating this value {@code rows} times (a column every row of which gets one value). */
    public ColumnVector repeated(int rows) {
        return ConstantVectors.of(this, rows);
    }

    public boolean isNull() {
        return value == null;
    }

    public PhysicalKind physicalKind() {
        return type.physicalKind();
    }
}
