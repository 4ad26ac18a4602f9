package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Turns an {@link Expression} into a {@link CompiledExpression}. */
public final class ExpressionCompiler {

    private ExpressionCompiler() {
    }

    public static CompiledExpression compile(Expression expression) {
        if (expression instanceof ColumnReference reference) {
            int index = reference.index();
            return input -> input.column(index);
        }
        if (expression instanceof Literal literal) {
            return input -> constant(literal, input.rowCount());
        }
        Call call = (Call) expression;
        throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                "not supported yet: function " + call.function() + " in execution");
    }

    /** A vector repeating {@code literal} {@code rows} times. */
    static ColumnVector constant(Literal literal, int rows) {
        PhysicalKind kind = literal.physicalKind();
        ColumnVector vector = ColumnVector.create(kind, rows);
        if (literal.isNull()) {
            for (int i = 0; i < rows; i++) {
                vector.appendNull();
            }
            return vector;
        }
        switch (kind) {
            case BOOLEAN -> java.util.Arrays.fill(((BooleanVector) vector).values(), 0, rows, (Boolean) literal.value());
            case LONG -> java.util.Arrays.fill(((LongVector) vector).values(), 0, rows, (Long) literal.value());
            case DOUBLE -> java.util.Arrays.fill(((DoubleVector) vector).values(), 0, rows, (Double) literal.value());
            case INT128 -> {
                BigInteger value = (BigInteger) literal.value();
                Int128Vector wide = (Int128Vector) vector;
                for (int i = 0; i < rows; i++) {
                    wide.set(i, value.shiftRight(64).longValue(), value.longValue());
                }
            }
            case BYTES -> {
                byte[] bytes = ((String) literal.value()).getBytes(StandardCharsets.UTF_8);
                BytesVector strings = (BytesVector) vector;
                for (int i = 0; i < rows; i++) {
                    strings.append(bytes);
                }
                return strings;
            }
        }
        vector.setPositionCount(rows);
        return vector;
    }
}
