package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class IntegerAndDoubleArithmeticTest {

    private static final LogicalType BIGINT = LogicalType.BIGINT;
    private static final LogicalType INTEGER = LogicalType.INTEGER;
    private static final LogicalType DOUBLE = LogicalType.DOUBLE;

    private static Expression binary(Function function, LogicalType type) {
        return call(function, type, column(0, type), column(1, type));
    }

    @Test
    void bigintArithmeticWithNulls() {
        var input = batch(vector(BIGINT, 7L, -7L, null, Long.MAX_VALUE, 0L), vector(BIGINT, 2L, 2L, 5L, null, -3L));
        assertThat(evaluate(binary(Function.ADD, BIGINT), input)).containsExactly(9L, -5L, null, null, -3L);
        assertThat(evaluate(binary(Function.SUBTRACT, BIGINT), input)).containsExactly(5L, -9L, null, null, 3L);
        assertThat(evaluate(binary(Function.MULTIPLY, BIGINT), input)).containsExactly(14L, -14L, null, null, 0L);
        // Integer division truncates towards zero; the remainder takes the dividend's sign.
        assertThat(evaluate(binary(Function.DIVIDE, BIGINT), input)).containsExactly(3L, -3L, null, null, 0L);
        assertThat(evaluate(binary(Function.MODULO, BIGINT), input)).containsExactly(1L, -1L, null, null, 0L);
    }

    @Test
    void bigintOverflowFailsButNotOnNullRows() {
        assertSqlState(() -> evaluate(binary(Function.ADD, BIGINT), batch(vector(BIGINT, Long.MAX_VALUE), vector(BIGINT, 1L))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertSqlState(() -> evaluate(binary(Function.SUBTRACT, BIGINT), batch(vector(BIGINT, Long.MIN_VALUE), vector(BIGINT, 1L))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertSqlState(() -> evaluate(binary(Function.MULTIPLY, BIGINT), batch(vector(BIGINT, Long.MIN_VALUE), vector(BIGINT, -1L))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertSqlState(() -> evaluate(binary(Function.DIVIDE, BIGINT), batch(vector(BIGINT, Long.MIN_VALUE), vector(BIGINT, -1L))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(evaluate(binary(Function.MODULO, BIGINT), batch(vector(BIGINT, Long.MIN_VALUE), vector(BIGINT, -1L))))
                .containsExactly(0L);
        assertSqlState(() -> evaluate(call(Function.NEGATE, BIGINT, column(0, BIGINT)), BIGINT, Long.MIN_VALUE),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertSqlState(() -> evaluate(call(Function.ABS, BIGINT, column(0, BIGINT)), BIGINT, Long.MIN_VALUE),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        // The NULL row's slot holds junk (Long.MIN_VALUE + 7): multiplying it overflows, which must not matter.
        assertThat(evaluate(binary(Function.MULTIPLY, BIGINT), batch(vector(BIGINT, null, 3L), vector(BIGINT, 4L, 5L))))
                .containsExactly(null, 15L);
        assertThat(evaluate(call(Function.NEGATE, BIGINT, column(0, BIGINT)), BIGINT, null, Long.MAX_VALUE))
                .containsExactly(null, -Long.MAX_VALUE);
    }

    @Test
    void divisionByZeroFailsOnlyForNonNullRows() {
        assertSqlState(() -> evaluate(binary(Function.DIVIDE, BIGINT), batch(vector(BIGINT, 1L), vector(BIGINT, 0L))),
                ExecutionException.DIVISION_BY_ZERO);
        assertSqlState(() -> evaluate(binary(Function.MODULO, INTEGER), batch(vector(INTEGER, 1L), vector(INTEGER, 0L))),
                ExecutionException.DIVISION_BY_ZERO);
        assertThat(evaluate(binary(Function.DIVIDE, BIGINT), batch(vector(BIGINT, null, 8L), vector(BIGINT, 0L, 2L))))
                .containsExactly(null, 4L);
        assertThat(evaluate(binary(Function.DIVIDE, BIGINT), batch(vector(BIGINT), vector(BIGINT)))).isEmpty();
    }

    @Test
    void narrowIntegerTypesOverflowAtTheirOwnRange() {
        assertThat(evaluate(binary(Function.ADD, INTEGER), batch(vector(INTEGER, (long) Integer.MAX_VALUE - 1), vector(INTEGER, 1L))))
                .containsExactly((long) Integer.MAX_VALUE);
        assertSqlState(() -> evaluate(binary(Function.ADD, INTEGER), batch(vector(INTEGER, (long) Integer.MAX_VALUE), vector(INTEGER, 1L))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        LogicalType tiny = LogicalType.TINYINT;
        assertSqlState(() -> evaluate(call(Function.NEGATE, tiny, column(0, tiny)), tiny, -128L), ExecutionException.NUMERIC_OUT_OF_RANGE);
        LogicalType small = LogicalType.SMALLINT;
        assertSqlState(() -> evaluate(binary(Function.MULTIPLY, small), batch(vector(small, 300L), vector(small, 300L))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
    }

    @Test
    void constantOperands() {
        assertThat(evaluate(call(Function.SUBTRACT, BIGINT, literal(10L, BIGINT), column(0, BIGINT)), BIGINT, 1L, null, -5L))
                .containsExactly(9L, null, 15L);
        assertThat(evaluate(call(Function.MULTIPLY, INTEGER, column(0, INTEGER), literal(3L, INTEGER)), INTEGER, 4L))
                .containsExactly(12L);
    }

    @Test
    void doubleArithmeticFollowsIeeeWithPostgresErrors() {
        var input = batch(vector(DOUBLE, 1.5, Double.NaN, -0.0, null, Double.POSITIVE_INFINITY),
                vector(DOUBLE, 2.0, 1.0, 0.0, 1.0, 1.0));
        assertThat(evaluate(binary(Function.ADD, DOUBLE), input)).containsExactly(3.5, Double.NaN, 0.0, null, Double.POSITIVE_INFINITY);
        assertThat(evaluate(binary(Function.MULTIPLY, DOUBLE), input)).containsExactly(3.0, Double.NaN, -0.0, null,
                Double.POSITIVE_INFINITY);
        assertThat(evaluate(call(Function.NEGATE, DOUBLE, column(0, DOUBLE)), DOUBLE, 0.0, -2.5)).containsExactly(-0.0, 2.5);
        assertThat(evaluate(call(Function.ABS, DOUBLE, column(0, DOUBLE)), DOUBLE, -0.0, -2.5)).containsExactly(0.0, 2.5);
        assertSqlState(() -> evaluate(binary(Function.DIVIDE, DOUBLE), batch(vector(DOUBLE, 0.0), vector(DOUBLE, 0.0))),
                ExecutionException.DIVISION_BY_ZERO);
        assertSqlState(() -> evaluate(call(Function.DIVIDE, DOUBLE, column(0, DOUBLE), literal(0.0, DOUBLE)), DOUBLE, 1.0),
                ExecutionException.DIVISION_BY_ZERO);
        assertThat(evaluate(call(Function.DIVIDE, DOUBLE, column(0, DOUBLE), literal(0.0, DOUBLE)), DOUBLE, (Object) null))
                .containsExactly((Object) null);
        assertSqlState(() -> evaluate(binary(Function.MULTIPLY, DOUBLE), batch(vector(DOUBLE, 1e200), vector(DOUBLE, 1e200))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(evaluate(binary(Function.MODULO, DOUBLE), batch(vector(DOUBLE, 7.5, -7.5), vector(DOUBLE, 2.0, 2.0))))
                .containsExactly(1.5, -1.5);
    }

    @Test
    void realResultsAreRoundedToFloat() {
        LogicalType real = LogicalType.REAL;
        double third = (double) (1.0f / 3.0f);
        assertThat(evaluate(call(Function.DIVIDE, real, column(0, real), column(1, real)),
                batch(vector(real, 1.0), vector(real, 3.0)))).containsExactly(third);
        assertSqlState(() -> evaluate(call(Function.MULTIPLY, real, column(0, real), column(1, real)),
                batch(vector(real, 1e30), vector(real, 1e30))), ExecutionException.NUMERIC_OUT_OF_RANGE);
    }

    @Test
    void exactOperandsOfDoubleArithmeticAreConverted() {
        Expression expression = call(Function.MULTIPLY, DOUBLE, column(0, LogicalType.decimal(5, 2)), literal(2L, BIGINT));
        assertThat(evaluate(expression, LogicalType.decimal(5, 2), TestVectors.decimal("1.25"))).containsExactly(2.5);
    }

    @Test
    void unsupportedMixesAreRefusedLoudly() {
        Expression expression = call(Function.ADD, LogicalType.DATE, column(0, LogicalType.DATE), column(0, LogicalType.DATE));
        assertSqlState(() -> ExpressionCompiler.compile(expression), ExecutionException.FEATURE_NOT_SUPPORTED);
    }
}
