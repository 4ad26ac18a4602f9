package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Brings operands that are compared with each other to one representation: exact numbers to a common
 * scale and width (integers of any width already share one: longs at scale 0), exact with floating point to
 * DOUBLE, DATE with TIMESTAMP to TIMESTAMP. The optimizer usually makes the types equal; this covers what
 * it leaves, such as a DECIMAL(15,2) column against the DECIMAL(3,2) literal {@code 0.05} or an INTEGER
 * literal. Constants are converted at compile time; a column only when its representation must change.
 */
final class CommonTypes {

    private CommonTypes() {
    }

    static Operand[] unify(Operand left, Operand right) {
        // A constant that the other side's type holds exactly is converted instead of the column.
        if (right.isConstant() && !left.isConstant()) {
            Operand exact = exactlyAs(right, left.type());
            if (exact != null) {
                return new Operand[] {left, exact};
            }
        }
        if (left.isConstant() && !right.isConstant()) {
            Operand exact = exactlyAs(left, right.type());
            if (exact != null) {
                return new Operand[] {exact, right};
            }
        }
        LogicalType common = common(left.type(), right.type());
        return new Operand[] {convert(left, common), convert(right, common)};
    }

    /**
     * The exact constant as a value of the exact type {@code type}, or null when the type cannot hold it
     * exactly (more fractional digits, or out of range) or either is not exact.
     */
    static Operand exactlyAs(Operand constant, LogicalType type) {
        if (!NumericTypes.isExact(constant.type()) || !NumericTypes.isExact(type)) {
            return null;
        }
        if (constant.isNullConstant()) {
            return Operand.of(Literal.nullOf(type));
        }
        BigDecimal value = new BigDecimal(ExactOperands.unscaled(constant), NumericTypes.scale(constant.type()));
        BigInteger unscaled;
        try {
            unscaled = value.setScale(NumericTypes.scale(type)).unscaledValue();
        } catch (ArithmeticException inexact) {
            return null;
        }
        if (NumericTypes.isInteger(type)) {
            if (unscaled.bitLength() > 63 || unscaled.longValue() < NumericTypes.minimum(type) || unscaled.longValue() > NumericTypes.maximum(type)) {
                return null;
            }
            return Operand.of(new Literal(unscaled.longValue(), type));
        }
        if (ExactOperands.digitsOf(unscaled) > type.precision()) {
            return null;
        }
        Object literal = type.physicalKind() == io.basalt.storage.type.PhysicalKind.LONG ? (Object) unscaled.longValue() : unscaled;
        return Operand.of(new Literal(literal, type));
    }

    /** A type whose representation both types' values convert to exactly (or, with floating point, as SQL does). */
    static LogicalType common(LogicalType left, LogicalType right) {
        if (left.equals(right) || sameRepresentation(left, right)) {
            return left;
        }
        if (NumericTypes.isExact(left) && NumericTypes.isExact(right)) {
            return commonExactType(left, right);
        }
        if (NumericTypes.isNumeric(left) && NumericTypes.isNumeric(right)) {
            return LogicalType.DOUBLE;
        }
        TypeKind leftKind = left.kind();
        TypeKind rightKind = right.kind();
        if ((leftKind == TypeKind.DATE && rightKind == TypeKind.TIMESTAMP) || (leftKind == TypeKind.TIMESTAMP && rightKind == TypeKind.DATE)) {
            return LogicalType.TIMESTAMP;
        }
        throw ExpressionErrors.notSupported("comparing " + left + " with " + right);
    }

    /** The operand in the common type's representation; unchanged when it already has it. */
    static Operand convert(Operand operand, LogicalType common) {
        if (sameRepresentation(operand.type(), common)) {
            return operand;
        }
        return CastCompiler.coerce(operand, common);
    }

    /** Values of both types compare correctly as they are held, without conversion. */
    private static boolean sameRepresentation(LogicalType left, LogicalType right) {
        if (NumericTypes.isExact(left) && NumericTypes.isExact(right)) {
            return NumericTypes.scale(left) == NumericTypes.scale(right) && left.physicalKind() == right.physicalKind();
        }
        if (NumericTypes.isFloatingPoint(left) && NumericTypes.isFloatingPoint(right)) {
            return true; // a REAL is held as its exact double
        }
        if (NumericTypes.isText(left) && NumericTypes.isText(right)) {
            return true;
        }
        return left.kind() == right.kind();
    }

    /** A DECIMAL holding every value of both types exactly. */
    static LogicalType commonExactType(LogicalType left, LogicalType right) {
        int scale = Math.max(NumericTypes.scale(left), NumericTypes.scale(right));
        int integerDigits = Math.max(NumericTypes.digits(left) - NumericTypes.scale(left),
                NumericTypes.digits(right) - NumericTypes.scale(right));
        int digits = integerDigits + scale;
        if (digits > LogicalType.MAX_DECIMAL_PRECISION) {
            throw ExpressionErrors.notSupported("comparing " + left + " with " + right + " (needs " + digits + " digits)");
        }
        return LogicalType.decimal(digits, scale);
    }
}
