package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.DoubleVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

/** GREATEST, LEAST, SIGN, TRUNC, DIV, GCD, LCM, the elementary functions, RANDOM and the boolean casts. */
class PostgresMathTest {

    private static final LogicalType BIGINT = LogicalType.BIGINT;
    private static final LogicalType DOUBLE = LogicalType.DOUBLE;
    private static final LogicalType TEXT = LogicalType.TEXT;

    @Test
    void greatestAndLeastIgnoreNulls() {
        var input = batch(vector(BIGINT, 1L, null, null, 5L), vector(BIGINT, 3L, 2L, null, -5L));
        assertThat(evaluate(call(Function.GREATEST, BIGINT, column(0, BIGINT), column(1, BIGINT)), input)).containsExactly(3L, 2L, null, 5L);
        assertThat(evaluate(call(Function.LEAST, BIGINT, column(0, BIGINT), column(1, BIGINT)), input)).containsExactly(1L, 2L, null, -5L);
        var texts = batch(vector(TEXT, "b", "é", null), vector(TEXT, "a", "z", "x"));
        assertThat(evaluate(call(Function.GREATEST, TEXT, column(0, TEXT), column(1, TEXT)), texts)).containsExactly("b", "é", "x");
        var doubles = batch(vector(DOUBLE, Double.NaN, 1.0), vector(DOUBLE, 2.0, -0.0));
        assertThat(evaluate(call(Function.GREATEST, DOUBLE, column(0, DOUBLE), column(1, DOUBLE)), doubles)).containsExactly(Double.NaN, 1.0);
        var dates = batch(vector(LogicalType.DATE, "2024-01-01"), vector(LogicalType.DATE, "2023-12-31"));
        assertThat(evaluate(call(Function.LEAST, LogicalType.DATE, column(0, LogicalType.DATE), column(1, LogicalType.DATE)), dates))
                .containsExactly(LocalDate.of(2023, 12, 31));
    }

    @Test
    void signKeepsTheArgumentType() {
        LogicalType money = LogicalType.decimal(10, 2);
        assertThat(evaluate(call(Function.SIGN, LogicalType.decimal(1, 0), column(0, money)), money, decimal("-2.50"), decimal("0.00"), null))
                .containsExactly(new BigDecimal("-1"), new BigDecimal("0"), null);
        assertThat(evaluate(call(Function.SIGN, money, column(0, money)), money, decimal("7.25"))).containsExactly(decimal("1.00"));
        assertThat(evaluate(call(Function.SIGN, DOUBLE, column(0, DOUBLE)), DOUBLE, -0.5, 0.0, 3.0)).containsExactly(-1.0, 0.0, 1.0);
    }

    @Test
    void truncGoesTowardsZero() {
        LogicalType money = LogicalType.decimal(10, 2);
        assertThat(evaluate(call(Function.TRUNC, LogicalType.decimal(8, 0), column(0, money)), money, decimal("-2.99"), decimal("2.99")))
                .containsExactly(new BigDecimal("-2"), new BigDecimal("2"));
        assertThat(evaluate(call(Function.TRUNC, money, column(0, money), literal(-1L, BIGINT)), money, decimal("-129.99")))
                .containsExactly(decimal("-120.00"));
        assertThat(evaluate(call(Function.TRUNC, DOUBLE, column(0, DOUBLE)), DOUBLE, -2.7, 2.7)).containsExactly(-2.0, 2.0);
        assertThat(evaluate(call(Function.TRUNC, DOUBLE, column(0, DOUBLE), literal(2L, BIGINT)), DOUBLE, 2.789, -2.789))
                .containsExactly(2.78, -2.78);
    }

    @Test
    void roundOfADoubleIsHalfToEven() {
        assertThat(evaluate(call(Function.ROUND, DOUBLE, column(0, DOUBLE)), DOUBLE, 0.5, 1.5, 2.5, -2.5, 2.6))
                .containsExactly(0.0, 2.0, 2.0, -2.0, 3.0);
    }

    @Test
    void integerDivisionGcdAndLcm() {
        var input = batch(vector(BIGINT, 9L, -9L, Long.MIN_VALUE, null), vector(BIGINT, 4L, 4L, 1L, 1L));
        assertThat(evaluate(call(Function.DIV, BIGINT, column(0, BIGINT), column(1, BIGINT)), input)).containsExactly(2L, -2L, Long.MIN_VALUE, null);
        assertSqlState(() -> evaluate(call(Function.DIV, BIGINT, column(0, BIGINT), literal(0L, BIGINT)), BIGINT, 1L),
                ExecutionException.DIVISION_BY_ZERO);
        assertSqlState(() -> evaluate(call(Function.DIV, BIGINT, column(0, BIGINT), literal(-1L, BIGINT)), BIGINT, Long.MIN_VALUE),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        LogicalType scaled = LogicalType.decimal(18, 1);
        assertThat(evaluate(call(Function.DIV, LogicalType.decimal(18, 0), column(0, scaled), literal(decimal("2.5"), scaled)), scaled, decimal("-7.5")))
                .containsExactly(new BigDecimal("-3"));
        assertThat(IntegerFunctions.gcd(Long.MIN_VALUE, 6)).isEqualTo(2);
        assertThat(IntegerFunctions.gcd(-12, 18)).isEqualTo(6);
        assertSqlState(() -> evaluate(call(Function.GCD, BIGINT, column(0, BIGINT), literal(0L, BIGINT)), BIGINT, Long.MIN_VALUE),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(evaluate(call(Function.LCM, BIGINT, column(0, BIGINT), literal(6L, BIGINT)), BIGINT, -4L, 0L)).containsExactly(12L, 0L);
        assertSqlState(() -> evaluate(call(Function.LCM, BIGINT, column(0, BIGINT), literal(2L, BIGINT)), BIGINT, Long.MAX_VALUE),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertSqlState(() -> evaluate(call(Function.LCM, LogicalType.INTEGER, column(0, LogicalType.INTEGER), literal(2L, LogicalType.INTEGER)),
                LogicalType.INTEGER, 2_000_000_001L), ExecutionException.NUMERIC_OUT_OF_RANGE);
    }

    @Test
    void elementaryFunctionsCheckTheirDomains() {
        assertThat(evaluate(call(Function.LOG10, DOUBLE, column(0, DOUBLE)), DOUBLE, 1000.0, null)).containsExactly(3.0, null);
        assertThat(ElementaryFunctions.logarithm(10, 1000)).isEqualTo(3.0);
        assertThat(ElementaryFunctions.logarithm(2, 10)).isCloseTo(3.321928094887362, org.assertj.core.data.Offset.offset(1e-15));
        assertSqlState(() -> evaluate(call(Function.LOG10, DOUBLE, column(0, DOUBLE)), DOUBLE, 0.0), ExpressionErrors.INVALID_ARGUMENT_FOR_LOGARITHM);
        assertSqlState(() -> ElementaryFunctions.logarithm(1, 5), ExecutionException.DIVISION_BY_ZERO);
        assertSqlState(() -> evaluate(call(Function.ASIN, DOUBLE, column(0, DOUBLE)), DOUBLE, 1.5), ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(evaluate(call(Function.CBRT, DOUBLE, column(0, DOUBLE)), DOUBLE, -27.0)).containsExactly(-3.0);
        assertThat(evaluate(call(Function.ATAN2, DOUBLE, column(0, DOUBLE), literal(-1.0, DOUBLE)), DOUBLE, 0.0)).containsExactly(Math.PI);
    }

    @Test
    void randomIsANewValuePerRowAndNeverFolded() {
        CompiledExpression random = ExpressionCompiler.compile(new Call(Function.RANDOM, List.of(), DOUBLE));
        DoubleVector values = (DoubleVector) random.evaluate(new ColumnBatch(1000, List.of()));
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(values.get(i)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            distinct.add(values.get(i));
        }
        assertThat(distinct).hasSizeGreaterThan(990);
        double first = ((DoubleVector) random.evaluate(new ColumnBatch(1, List.of()))).get(0);
        double second = ((DoubleVector) random.evaluate(new ColumnBatch(1, List.of()))).get(0);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void booleanAndIntegerCasts() {
        assertThat(evaluate(call(Function.CAST, LogicalType.INTEGER, column(0, LogicalType.BOOLEAN)), LogicalType.BOOLEAN, true, false, null))
                .containsExactly(1L, 0L, null);
        assertThat(evaluate(call(Function.CAST, LogicalType.BOOLEAN, column(0, LogicalType.INTEGER)), LogicalType.INTEGER, 5L, 0L, -1L, null))
                .containsExactly(true, false, true, null);
    }
}
