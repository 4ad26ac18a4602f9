package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

/** Facts about numeric types that kernels choose their loops by. */
final class NumericTypes {

    private NumericTypes() {
    }

    static boolean isInteger(LogicalType type) {
        TypeKind kind = type.kind();
        return kind == TypeKind.TINYINT || kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER || kind == TypeKind.BIGINT;
    }

    static boolean isDecimal(LogicalType type) {
        return type.kind() == TypeKind.DECIMAL;
    }

    /** Integers and DECIMAL: values held exactly as unscaled integers. */
    static boolean isExact(LogicalType type) {
        return isInteger(type) || isDecimal(type);
    }

    static boolean isFloatingPoint(LogicalType type) {
        return type.kind() == TypeKind.REAL || type.kind() == TypeKind.DOUBLE;
    }

    static boolean isNumeric(LogicalType type) {
        return isExact(type) || isFloatingPoint(type);
    }

    static boolean isText(LogicalType type) {
        return type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR;
    }

    /** The scale of an exact type: DECIMAL's, 0 for integers. */
    static int scale(LogicalType type) {
        return isDecimal(type) ? type.scale() : 0;
    }

    /**
     * How many decimal digits an unscaled value of the type can have at most: the precision of a DECIMAL,
     * the widest value of an integer type (BIGINT's 9.2e18 has 19).
     */
    static int digits(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case DECIMAL -> type.precision();
            default -> throw new IllegalArgumentException("not an exact numeric type: " + type);
        };
    }

    static long minimum(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    static long maximum(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** True when the integer type is narrower than a long, so results need a range check of their own. */
    static boolean isNarrowInteger(LogicalType type) {
        return isInteger(type) && type.kind() != TypeKind.BIGINT;
    }
}
