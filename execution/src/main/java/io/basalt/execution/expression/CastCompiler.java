package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.util.List;

/**
 * CAST and the implicit conversions other compilers need (a comparison of a DATE with a TIMESTAMP, an
 * INTEGER operand of DOUBLE arithmetic). Picks the family of kernels by source and target; a constant is
 * converted once at compile time. Conversions the contract does not list are refused with 0A000.
 */
final class CastCompiler {

    private CastCompiler() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        return coerce(arguments.get(0), call.type()).expression();
    }

    /** The operand converted to {@code target}; the operand itself when the types are equal. */
    static Operand coerce(Operand operand, LogicalType target) {
        LogicalType source = operand.type();
        if (source.equals(target)) {
            return operand;
        }
        if (operand.isNullConstant()) {
            return Operand.of(Literal.nullOf(target));
        }
        CompiledExpression kernel = kernel(operand, target);
        return operand.isConstant() ? ConstantFolding.fold(target, kernel) : Operand.of(target, kernel);
    }

    private static CompiledExpression kernel(Operand operand, LogicalType target) {
        LogicalType source = operand.type();
        if (NumericTypes.isText(target)) {
            return TextCasts.toText(operand, target);
        }
        if (NumericTypes.isText(source)) {
            return TextCasts.fromText(operand, target);
        }
        if (NumericTypes.isExact(source)) {
            if (NumericTypes.isExact(target)) {
                return ExactCasts.toExact(operand, target);
            }
            if (NumericTypes.isFloatingPoint(target)) {
                return ExactCasts.toFloatingPoint(operand, target);
            }
        }
        if (NumericTypes.isFloatingPoint(source)) {
            if (NumericTypes.isInteger(target)) {
                return FloatingPointCasts.toInteger(operand, target);
            }
            if (NumericTypes.isDecimal(target)) {
                return FloatingPointCasts.toDecimal(operand, target);
            }
            if (target.kind() == TypeKind.REAL) {
                return FloatingPointCasts.toReal(operand, target);
            }
            if (target.kind() == TypeKind.DOUBLE) {
                return operand.expression(); // a REAL is held as its exact double already
            }
        }
        if (source.kind() == TypeKind.BOOLEAN && NumericTypes.isInteger(target)) {
            return BooleanCasts.toInteger(operand);
        }
        if (NumericTypes.isInteger(source) && target.kind() == TypeKind.BOOLEAN) {
            return BooleanCasts.fromInteger(operand);
        }
        boolean dateTimeSource = source.kind() == TypeKind.DATE || source.kind() == TypeKind.TIMESTAMP;
        boolean dateTimeTarget = target.kind() == TypeKind.DATE || target.kind() == TypeKind.TIMESTAMP
                || target.kind() == TypeKind.TIME;
        if (dateTimeSource && dateTimeTarget) {
            return DateTimeCasts.compile(operand, target);
        }
        throw ExpressionErrors.notSupported("CAST from " + source + " to " + target);
    }
}
