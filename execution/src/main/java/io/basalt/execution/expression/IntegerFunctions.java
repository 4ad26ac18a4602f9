package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;

import java.util.List;

/**
 * SIGN, DIV, GCD and LCM. SIGN keeps its argument's type (a DECIMAL's 1 is its unscaled 10^scale); DIV divides
 * operands of one type (the optimizer gives decimals a common scale) and truncates towards zero, PostgreSQL's
 * {@code div}; GCD and LCM are never negative. Division by zero is 22012, results beyond BIGINT 22003.
 */
final class IntegerFunctions {

    private IntegerFunctions() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        LogicalType type = call.type();
        Function function = call.function();
        for (Operand argument : arguments) {
            boolean longs = argument.type().physicalKind() == PhysicalKind.LONG && NumericTypes.isExact(argument.type());
            boolean doubleSign = function == Function.SIGN && NumericTypes.isFloatingPoint(argument.type());
            if (!longs && !doubleSign) {
                throw ExpressionErrors.notSupported(function + " of " + argument.type());
            }
        }
        return switch (function) {
            case SIGN -> sign(type, arguments.get(0));
            case DIV -> RowKernels.longs(arguments, (vectors, row) -> divide(RowKernels.longValue(vectors[0], row),
                    RowKernels.longValue(vectors[1], row), type));
            case GCD -> RowKernels.longs(arguments, (vectors, row) -> positive(gcd(RowKernels.longValue(vectors[0], row),
                    RowKernels.longValue(vectors[1], row)), type));
            case LCM -> RowKernels.longs(arguments, (vectors, row) -> lcm(RowKernels.longValue(vectors[0], row),
                    RowKernels.longValue(vectors[1], row), type));
            default -> throw ExpressionErrors.notSupported("function " + function + " on integers");
        };
    }

    private static CompiledExpression sign(LogicalType type, Operand operand) {
        if (NumericTypes.isFloatingPoint(operand.type())) {
            return ElementaryFunctions.unary(operand, Math::signum);
        }
        long one = NumericTypes.isDecimal(type) ? PowersOfTen.longValue(type.scale()) : 1;
        return LongUnaryKernel.of(operand, value -> Long.signum(value) * one);
    }

    static long divide(long dividend, long divisor, LogicalType type) {
        if (divisor == 0) {
            throw ExpressionErrors.divisionByZero();
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
            throw ExpressionErrors.overflow(type);
        }
        return checked(dividend / divisor, type);
    }

    static long gcd(long a, long b) {
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            // |MIN_VALUE| has no long: one Euclid step with the remainder brings both into range.
            long other = a == Long.MIN_VALUE ? b : a;
            if (other == 0 || other == Long.MIN_VALUE) {
                return Long.MIN_VALUE; // out of range: reported by the caller
            }
            return gcd(other, Long.MIN_VALUE % other);
        }
        long x = Math.abs(a);
        long y = Math.abs(b);
        while (y != 0) {
            long remainder = x % y;
            x = y;
            y = remainder;
        }
        return x;
    }

    static long lcm(long a, long b, LogicalType type) {
        if (a == 0 || b == 0) {
            return 0;
        }
        long divisor = positive(gcd(a, b), type);
        try {
            return checked(Math.abs(Math.multiplyExact(a / divisor, b)), type);
        } catch (ArithmeticException overflow) {
            throw ExpressionErrors.overflow(type);
        }
    }

    /** A gcd of {@code Long.MIN_VALUE} (its magnitude has no BIGINT) is out of range. */
    private static long positive(long gcd, LogicalType type) {
        if (gcd == Long.MIN_VALUE) {
            throw ExpressionErrors.overflow(type);
        }
        return checked(gcd, type);
    }

    /** The value, if the call's type holds it (a DECIMAL result of DIV has scale 0 and its precision's digits). */
    private static long checked(long value, LogicalType type) {
        boolean fits = NumericTypes.isDecimal(type)
                ? value != Long.MIN_VALUE && (type.precision() > 18 || Math.abs(value) < PowersOfTen.longValue(type.precision()))
                : value >= NumericTypes.minimum(type) && value <= NumericTypes.maximum(type);
        if (!fits) {
            throw NumericTypes.isDecimal(type) ? ExpressionErrors.numericOverflow(type) : ExpressionErrors.overflow(type);
        }
        return value;
    }
}
