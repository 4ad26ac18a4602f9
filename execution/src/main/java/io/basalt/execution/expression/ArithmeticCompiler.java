package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;

import java.util.List;

/**
 * Chooses the kernel family of ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, NEGATE and ABS from the call's type:
 * REAL/DOUBLE, integers (checked long arithmetic with the type's range), or DECIMAL (exact, long or
 * 128-bit). Exact operands of a floating-point call are converted first; any other mix is the optimizer's
 * to cast and is refused here rather than guessed.
 */
final class ArithmeticCompiler {

    private ArithmeticCompiler() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        Function function = call.function();
        LogicalType type = call.type();
        if (function == Function.NEGATE || function == Function.ABS) {
            return compileUnary(function, type, arguments.get(0));
        }
        Operand left = arguments.get(0);
        Operand right = arguments.get(1);
        if (NumericTypes.isFloatingPoint(type)) {
            return DoubleArithmetic.compile(function, type, toDouble(left), toDouble(right));
        }
        if (NumericTypes.isInteger(type) && NumericTypes.isInteger(left.type()) && NumericTypes.isInteger(right.type())) {
            return IntegerArithmetic.compile(function, type, left, right);
        }
        if (NumericTypes.isDecimal(type) && NumericTypes.isExact(left.type()) && NumericTypes.isExact(right.type())) {
            return DecimalArithmetic.compile(function, type, left, right);
        }
        throw ExpressionErrors.notSupported(function + " of " + left.type() + " and " + right.type() + " as " + type);
    }

    private static CompiledExpression compileUnary(Function function, LogicalType type, Operand operand) {
        if (!NumericTypes.isNumeric(type) || !NumericTypes.isNumeric(operand.type())) {
            throw ExpressionErrors.notSupported(function + " of " + operand.type() + " as " + type);
        }
        Operand value = operand.type().equals(type) ? operand : CastCompiler.coerce(operand, type);
        if (NumericTypes.isFloatingPoint(type)) {
            return DoubleArithmetic.compileUnary(function, value);
        }
        if (NumericTypes.isInteger(type)) {
            return IntegerArithmetic.compileUnary(function, type, value);
        }
        return DecimalArithmetic.compileUnary(function, type, value);
    }

    private static Operand toDouble(Operand operand) {
        return NumericTypes.isFloatingPoint(operand.type()) ? operand : CastCompiler.coerce(operand, LogicalType.DOUBLE);
    }
}
