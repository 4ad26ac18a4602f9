package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class MathFunctionsTest {

    private static final LogicalType DOUBLE = LogicalType.DOUBLE;
    private static final LogicalType INTEGER = LogicalType.INTEGER;

    @Test
    void roundFloorAndCeilOfDoubles() {
        Object[] values = {2.5, -2.5, 0.49999999999999994, -0.0, Double.NaN, Double.POSITIVE_INFINITY, null};
        // PostgreSQL rounds a double without digits half to even (rint).
        assertThat(evaluate(call(Function.ROUND, DOUBLE, column(0, DOUBLE)), DOUBLE, values))
                .containsExactly(2.0, -2.0, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, null);
        assertThat(evaluate(call(Function.FLOOR, DOUBLE, column(0, DOUBLE)), DOUBLE, -1.5, 1.5, null)).containsExactly(-2.0, 1.0, null);
        assertThat(evaluate(call(Function.CEIL, DOUBLE, column(0, DOUBLE)), DOUBLE, -1.5, 1.5)).containsExactly(-1.0, 2.0);
        Expression toTwo = call(Function.ROUND, DOUBLE, column(0, DOUBLE), literal(2L, INTEGER));
        assertThat(evaluate(toTwo, DOUBLE, 2.675, 1.005, -1.005, 123.456, 1e300)).containsExactly(2.68, 1.01, -1.01, 123.46, 1e300);
        Expression toHundreds = call(Function.ROUND, DOUBLE, column(0, DOUBLE), literal(-2L, INTEGER));
        assertThat(evaluate(toHundreds, DOUBLE, 1250.0, -1249.0)).containsExactly(1300.0, -1200.0);
    }

    @Test
    void roundingDoublesToDigitsAgreesWithTheirDecimalText() {
        Random random = new Random(23);
        for (int i = 0; i < 50_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 10);
            int digits = random.nextInt(30) - 10;
            double expected = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
            assertThat(MathFunctions.round(value, digits)).as(value + " to " + digits).isEqualTo(expected);
        }
    }

    @Test
    void roundFloorAndCeilOfDecimals() {
        LogicalType money = LogicalType.decimal(15, 2);
        Object[] values = {decimal("2.50"), decimal("-2.50"), decimal("2.49"), decimal("-0.01"), null};
        assertThat(evaluate(call(Function.ROUND, money, column(0, money)), money, values))
                .containsExactly(decimal("3.00"), decimal("-3.00"), decimal("2.00"), decimal("0.00"), null);
        assertThat(evaluate(call(Function.FLOOR, LogicalType.decimal(15, 0), column(0, money)), money, values))
                .containsExactly(decimal("2"), decimal("-3"), decimal("2"), decimal("-1"), null);
        assertThat(evaluate(call(Function.CEIL, LogicalType.decimal(15, 0), column(0, money)), money, values))
                .containsExactly(decimal("3"), decimal("-2"), decimal("3"), decimal("0"), null);
        assertThat(evaluate(call(Function.ROUND, money, column(0, money), literal(1L, INTEGER)), money, decimal("1.25"), decimal("-1.25")))
                .containsExactly(decimal("1.30"), decimal("-1.30"));
        assertThat(evaluate(call(Function.ROUND, money, column(0, money), literal(-2L, INTEGER)), money, decimal("1250.00")))
                .containsExactly(decimal("1300.00"));
        assertThat(evaluate(call(Function.ROUND, money, column(0, money), literal(5L, INTEGER)), money, decimal("1.25")))
                .containsExactly(decimal("1.25"));
        LogicalType tight = LogicalType.decimal(3, 2);
        assertSqlState(() -> evaluate(call(Function.ROUND, tight, column(0, tight)), tight, decimal("9.99")),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        LogicalType wide = LogicalType.decimal(38, 10);
        assertThat(evaluate(call(Function.FLOOR, LogicalType.decimal(38, 0), column(0, wide)), wide,
                decimal("-1234567890123456789012345678.0000000001"))).containsExactly(decimal("-1234567890123456789012345679"));
        assertThat(evaluate(call(Function.ROUND, INTEGER, column(0, INTEGER), literal(-1L, INTEGER)), INTEGER, 15L, -15L, 14L))
                .containsExactly(20L, -20L, 10L);
        assertSqlState(() -> evaluate(call(Function.ROUND, INTEGER, column(0, INTEGER), literal(-1L, INTEGER)), INTEGER,
                (long) Integer.MAX_VALUE), ExecutionException.NUMERIC_OUT_OF_RANGE);
    }

    @Test
    void powerSqrtLnExpWithPostgresErrors() {
        var input = batch(vector(DOUBLE, 2.0, 4.0, -8.0, null), vector(DOUBLE, 10.0, 0.5, 1.0 / 3 * 3, 2.0));
        assertThat(evaluate(call(Function.POWER, DOUBLE, column(0, DOUBLE), column(1, DOUBLE)), input)).containsExactly(1024.0, 2.0, -8.0, null);
        assertSqlState(() -> evaluate(call(Function.POWER, DOUBLE, column(0, DOUBLE), column(1, DOUBLE)),
                batch(vector(DOUBLE, 0.0), vector(DOUBLE, -1.0))), ExpressionErrors.INVALID_ARGUMENT_FOR_POWER);
        assertSqlState(() -> evaluate(call(Function.POWER, DOUBLE, column(0, DOUBLE), column(1, DOUBLE)),
                batch(vector(DOUBLE, -8.0), vector(DOUBLE, 0.5))), ExpressionErrors.INVALID_ARGUMENT_FOR_POWER);
        assertSqlState(() -> evaluate(call(Function.POWER, DOUBLE, column(0, DOUBLE), column(1, DOUBLE)),
                batch(vector(DOUBLE, 10.0), vector(DOUBLE, 400.0))), ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(evaluate(call(Function.SQRT, DOUBLE, column(0, DOUBLE)), DOUBLE, 16.0, -0.0, null, Double.NaN))
                .containsExactly(4.0, -0.0, null, Double.NaN);
        assertSqlState(() -> evaluate(call(Function.SQRT, DOUBLE, column(0, DOUBLE)), DOUBLE, -1.0), ExpressionErrors.INVALID_ARGUMENT_FOR_POWER);
        assertThat(evaluate(call(Function.LN, DOUBLE, column(0, DOUBLE)), DOUBLE, Math.E, 1.0, null)).containsExactly(1.0, 0.0, null);
        assertSqlState(() -> evaluate(call(Function.LN, DOUBLE, column(0, DOUBLE)), DOUBLE, 0.0), ExpressionErrors.INVALID_ARGUMENT_FOR_LOGARITHM);
        assertSqlState(() -> evaluate(call(Function.LN, DOUBLE, column(0, DOUBLE)), DOUBLE, -1.0), ExpressionErrors.INVALID_ARGUMENT_FOR_LOGARITHM);
        assertThat(evaluate(call(Function.EXP, DOUBLE, column(0, DOUBLE)), DOUBLE, 0.0, -1000.0, null)).containsExactly(1.0, 0.0, null);
        assertSqlState(() -> evaluate(call(Function.EXP, DOUBLE, column(0, DOUBLE)), DOUBLE, 1000.0), ExecutionException.NUMERIC_OUT_OF_RANGE);
        // Errors do not come from NULL rows, and exact arguments are converted.
        assertThat(evaluate(call(Function.SQRT, DOUBLE, column(0, LogicalType.decimal(5, 2))), LogicalType.decimal(5, 2), decimal("2.25")))
                .containsExactly(1.5);
        assertThat(evaluate(call(Function.LN, DOUBLE, column(0, DOUBLE)), DOUBLE, (Object) null)).containsExactly((Object) null);
    }
}
