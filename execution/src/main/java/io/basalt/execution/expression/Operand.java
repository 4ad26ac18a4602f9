package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

/**
 * A compiled argument as kernels see it: either a constant (a literal, possibly folded from a constant
 * call), which kernels take as a scalar, or an expression evaluated once per batch.
 */
record Operand(LogicalType type, CompiledExpression expression, Literal constant) {

    static Operand of(LogicalType type, CompiledExpression expression) {
        return new Operand(type, expression, null);
    }

    static Operand of(Literal literal) {
        return new Operand(literal.type(), input -> ConstantVectors.of(literal, input.rowCount()), literal);
    }

    boolean isConstant() {
        return constant != null;
    }

    boolean isNullConstant() {
        return constant != null && constant.isNull();
    }

    Object value() {
        return constant.value();
    }

    ColumnVector evaluate(ColumnBatch input) {
        return expression.evaluate(input);
    }
}
