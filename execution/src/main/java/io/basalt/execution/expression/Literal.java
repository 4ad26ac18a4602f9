package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;

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

    public boolean isNull() {
        return value == null;
    }

    public PhysicalKind physicalKind() {
        return type.physicalKind();
    }
}
