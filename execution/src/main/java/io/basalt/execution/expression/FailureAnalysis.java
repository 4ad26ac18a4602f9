package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.math.BigInteger;

/**
 * Whether evaluating an expression might raise an SQL error (overflow, division by zero, a bad cast, …).
 * Lazy evaluation uses it: an argument that cannot fail may run on the whole batch even though only some
 * rows need it, which is cheaper than copying those rows out. The answer may be "true" when in doubt, never
 * "false" for something that can fail.
 */
public final class FailureAnalysis {

    private FailureAnalysis() {
    }

    public static boolean canFail(Expression expression) {
        if (!(expression instanceof Call call)) {
            return false;
        }
        for (Expression argument : call.arguments()) {
            if (canFail(argument)) {
                return true;
            }
        }
        LogicalType type = call.type();
        return switch (call.function()) {
            case ADD, SUBTRACT, MULTIPLY -> !NumericTypes.isDecimal(type) || decimalCanOverflow(call);
            case NEGATE, ABS -> NumericTypes.isInteger(type);
            case DIVIDE, MODULO, ADD_DAYS, ADD_MONTHS, ADD_MICROSECONDS, POWER, SQRT, LN, EXP, SUBSTRING -> true;
            case ROUND, FLOOR, CEIL -> !NumericTypes.isFloatingPoint(call.argument(0).type()) || !NumericTypes.isFloatingPoint(type);
            case CAST -> castCanFail(call.argument(0).type(), type);
            case LIKE -> !call.arguments().stream().skip(1).allMatch(argument -> argument instanceof Literal);
            // A malformed pattern (or escape) is an error (2201B, 2200C, 22025).
            case REGEXP_LIKE, REGEXP_REPLACE, REGEXP_COUNT, REGEXP_SUBSTR, SUBSTRING_REGEX, SUBSTRING_SIMILAR, SIMILAR_TO -> true;
            default -> false;
        };
    }

    private static boolean decimalCanOverflow(Call call) {
        Expression left = call.argument(0);
        Expression right = call.argument(1);
        if (!NumericTypes.isExact(left.type()) || !NumericTypes.isExact(right.type())) {
            return true;
        }
        DecimalPlan plan = DecimalPlan.of(call.function(), NumericTypes.scale(left.type()), digits(left),
                NumericTypes.scale(right.type()), digits(right), call.type().scale(), call.type().precision());
        return plan.needsPrecisionCheck();
    }

    private static int digits(Expression expression) {
        if (expression instanceof Literal literal && !literal.isNull()) {
            Object value = literal.value();
            return ExactOperands.digitsOf(value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value));
        }
        return NumericTypes.digits(expression.type());
    }

    private static boolean castCanFail(LogicalType source, LogicalType target) {
        if (source.equals(target) || NumericTypes.isText(target)) {
            return false;
        }
        if (NumericTypes.isExact(source) && NumericTypes.isFloatingPoint(target)) {
            return false;
        }
        if (NumericTypes.isFloatingPoint(source) && target.kind() == TypeKind.DOUBLE) {
            return false;
        }
        if (NumericTypes.isExact(source) && NumericTypes.isExact(target)) {
            if (NumericTypes.isInteger(target)) {
                return !NumericTypes.isInteger(source) || NumericTypes.minimum(target) > NumericTypes.minimum(source)
                        || NumericTypes.maximum(target) < NumericTypes.maximum(source);
            }
            int integerDigits = NumericTypes.digits(source) - NumericTypes.scale(source);
            return integerDigits + 1 > target.precision() - target.scale();
        }
        TypeKind from = source.kind();
        TypeKind to = target.kind();
        return !(from == TypeKind.TIMESTAMP && (to == TypeKind.DATE || to == TypeKind.TIME));
    }
}
