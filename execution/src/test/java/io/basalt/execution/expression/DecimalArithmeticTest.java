package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.list;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class DecimalArithmeticTest {

    private static final LogicalType MONEY = LogicalType.decimal(15, 2);
    private final Random random = new Random(7);

    @Test
    void tpchQ1ChargeChainIsExact() {
        // sum_charge's row expression: l_extendedprice * (1 - l_discount) * (1 + l_tax)
        LogicalType discounted = LogicalType.decimal(16, 2);
        LogicalType price = LogicalType.decimal(31, 4);
        LogicalType charge = LogicalType.decimal(38, 6);
        Expression one = literal(1L, LogicalType.decimal(1, 0));
        Expression expression = call(Function.MULTIPLY, charge,
                call(Function.MULTIPLY, price, column(0, MONEY), call(Function.SUBTRACT, discounted, one, column(1, MONEY))),
                call(Function.ADD, discounted, one, column(2, MONEY)));
        ColumnBatch input = batch(vector(MONEY, decimal("36901.00"), decimal("9999999999999.99"), null),
                vector(MONEY, decimal("0.04"), decimal("0.10"), decimal("0.05")),
                vector(MONEY, decimal("0.02"), decimal("0.08"), decimal("0.01")));
        assertThat(evaluate(expression, input)).containsExactly(decimal("36133.459200"),
                decimal("9719999999999.990280"), null);
    }

    /**
     * A factor {@code constant ± column} is computed inside the product from the column (no vector of its own): with
     * the column brought to the constant's scale, NULLs in either factor, negative values, and both product kernels
     * (two long operands; a 128-bit left operand).
     */
    @Test
    void aFactorOfAConstantPlusOrMinusAColumnIsComputedInsideTheProduct() {
        LogicalType factor = LogicalType.decimal(17, 3);
        LogicalType product = LogicalType.decimal(33, 5);
        LogicalType wider = LogicalType.decimal(38, 7);
        Expression eighth = literal(decimal("0.125"), LogicalType.decimal(3, 3));
        Expression two = literal(2L, LogicalType.decimal(1, 0));
        Expression discounted = call(Function.MULTIPLY, product, column(0, MONEY),
                call(Function.SUBTRACT, factor, eighth, column(1, MONEY)));
        ColumnBatch input = batch(vector(MONEY, decimal("10.00"), decimal("-3.50"), null, decimal("7.25")),
                vector(MONEY, decimal("0.05"), decimal("1.00"), decimal("0.10"), null),
                vector(MONEY, decimal("0.01"), null, decimal("-2.00"), decimal("0.50")));
        assertThat(evaluate(discounted, input)).containsExactly(decimal("0.75000"), decimal("3.06250"), null, null);
        Expression charged = call(Function.MULTIPLY, wider, discounted,
                call(Function.ADD, LogicalType.decimal(16, 2), two, column(2, MONEY)));
        assertThat(evaluate(charged, input)).containsExactly(decimal("1.5075000"), null, null, null);
        Expression alone = call(Function.ADD, LogicalType.decimal(16, 2), two, column(2, MONEY));
        assertThat(evaluate(alone, input)).containsExactly(decimal("2.01"), null, decimal("0.00"), decimal("2.50"));
    }

    @Test
    void moneyProductNeeds128Bits() {
        LogicalType product = LogicalType.decimal(30, 4);
        Expression expression = call(Function.MULTIPLY, product, column(0, MONEY), column(1, MONEY));
        ColumnBatch input = batch(vector(MONEY, decimal("9999999999999.99"), decimal("-0.01"), null),
                vector(MONEY, decimal("9999999999999.99"), decimal("0.01"), decimal("1.00")));
        assertThat(evaluate(expression, input)).containsExactly(decimal("99999999999999800000000000.0001"),
                decimal("-0.0001"), null);
    }

    @Test
    void operandsOfDifferentScalesAreRescaled() {
        LogicalType left = LogicalType.decimal(5, 1);
        LogicalType right = LogicalType.decimal(6, 3);
        assertThat(evaluate(call(Function.ADD, LogicalType.decimal(8, 3), column(0, left), column(1, right)),
                batch(vector(left, decimal("1.5"), decimal("-9999.9")), vector(right, decimal("0.125"), decimal("-999.999")))))
                .containsExactly(decimal("1.625"), decimal("-10999.899"));
        // A result scale below the natural one rounds half away from zero.
        assertThat(evaluate(call(Function.MULTIPLY, LogicalType.decimal(10, 2), column(0, left), column(1, right)),
                batch(vector(left, decimal("1.5"), decimal("-1.5")), vector(right, decimal("0.125"), decimal("0.125")))))
                .containsExactly(decimal("0.19"), decimal("-0.19"));
    }

    @Test
    void divisionRoundsHalfAwayFromZeroAtTheCallScale() {
        LogicalType quotient = LogicalType.decimal(20, 6);
        Expression expression = call(Function.DIVIDE, quotient, column(0, MONEY), column(1, MONEY));
        ColumnBatch input = batch(vector(MONEY, decimal("2.00"), decimal("-2.00"), decimal("1.00"), null),
                vector(MONEY, decimal("3.00"), decimal("3.00"), decimal("-8.00"), decimal("0.00")));
        assertThat(evaluate(expression, input)).containsExactly(decimal("0.666667"), decimal("-0.666667"),
                decimal("-0.125000"), null);
    }

    @Test
    void divisionAndModuloByZeroFail() {
        Expression divide = call(Function.DIVIDE, LogicalType.decimal(20, 6), column(0, MONEY), column(1, MONEY));
        assertSqlState(() -> evaluate(divide, batch(vector(MONEY, decimal("1.00")), vector(MONEY, decimal("0.00")))),
                ExecutionException.DIVISION_BY_ZERO);
        LogicalType wide = LogicalType.decimal(38, 2);
        Expression wideDivide = call(Function.DIVIDE, LogicalType.decimal(38, 6), column(0, wide), column(1, wide));
        assertSqlState(() -> evaluate(wideDivide, batch(vector(wide, decimal("1.00")), vector(wide, decimal("0.00")))),
                ExecutionException.DIVISION_BY_ZERO);
        Expression modulo = call(Function.MODULO, MONEY, column(0, MONEY), literal(decimal("0.00"), MONEY));
        assertSqlState(() -> evaluate(modulo, MONEY, decimal("1.00")), ExecutionException.DIVISION_BY_ZERO);
        // No error where the dividend is NULL, nor for an empty batch.
        assertThat(evaluate(modulo, MONEY, (Object) null)).containsExactly((Object) null);
        assertThat(evaluate(modulo, MONEY)).isEmpty();
    }

    @Test
    void overflowOfTheCallPrecisionFails() {
        LogicalType small = LogicalType.decimal(3, 2);
        Expression add = call(Function.ADD, small, column(0, small), column(1, small));
        assertThat(evaluate(add, batch(vector(small, decimal("4.99")), vector(small, decimal("5.00"))))).containsExactly(decimal("9.99"));
        assertSqlState(() -> evaluate(add, batch(vector(small, decimal("5.00")), vector(small, decimal("5.00")))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        LogicalType widest = LogicalType.decimal(38, 0);
        BigDecimal nearLimit = new BigDecimal(BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
        Expression wideAdd = call(Function.ADD, widest, column(0, widest), column(1, widest));
        assertSqlState(() -> evaluate(wideAdd, batch(vector(widest, nearLimit), vector(widest, BigDecimal.ONE))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(evaluate(wideAdd, batch(vector(widest, nearLimit, null), vector(widest, nearLimit.negate(), BigDecimal.ONE))))
                .containsExactly(BigDecimal.ZERO, null);
        Expression wideProduct = call(Function.MULTIPLY, widest, column(0, widest), column(1, widest));
        assertSqlState(() -> evaluate(wideProduct, batch(vector(widest, nearLimit), vector(widest, nearLimit))),
                ExecutionException.NUMERIC_OUT_OF_RANGE);
    }

    @Test
    void negateAndAbsoluteValue() {
        LogicalType wide = LogicalType.decimal(38, 10);
        BigDecimal big = new BigDecimal("-1234567890123456789012345678.0123456789");
        assertThat(evaluate(call(Function.NEGATE, wide, column(0, wide)), wide, big, null, BigDecimal.ZERO))
                .containsExactly(big.negate(), null, BigDecimal.ZERO.setScale(10));
        assertThat(evaluate(call(Function.ABS, wide, column(0, wide)), wide, big, big.negate()))
                .containsExactly(big.negate(), big.negate());
        assertThat(evaluate(call(Function.ABS, MONEY, column(0, MONEY)), MONEY, decimal("-3.50"), null))
                .containsExactly(decimal("3.50"), null);
    }

    @Test
    void integerOperandsCountAsScaleZero() {
        Expression expression = call(Function.MULTIPLY, LogicalType.decimal(25, 2), column(0, LogicalType.BIGINT), column(1, MONEY));
        assertThat(evaluate(expression, batch(vector(LogicalType.BIGINT, Long.MIN_VALUE, 3L), vector(MONEY, decimal("1.50"), decimal("0.01")))))
                .containsExactly(new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE)).multiply(decimal("1.50")), decimal("0.03"));
    }

    /** Random operand types and values against BigDecimal, including constant operands on either side. */
    @Test
    void randomCasesAgreeWithBigDecimal() {
        Function[] functions = {Function.ADD, Function.SUBTRACT, Function.MULTIPLY, Function.DIVIDE, Function.MODULO};
        for (int round = 0; round < 4000; round++) {
            Function function = functions[random.nextInt(functions.length)];
            LogicalType left = randomType();
            LogicalType right = randomType();
            LogicalType result = random.nextInt(3) == 0 ? randomDecimal() : naturalType(function, left, right);
            int rows = 1 + random.nextInt(12);
            Object[] leftValues = new Object[rows];
            Object[] rightValues = new Object[rows];
            for (int i = 0; i < rows; i++) {
                leftValues[i] = randomValue(left);
                rightValues[i] = randomValue(right);
            }
            int shape = random.nextInt(4); // 0: columns, 1: constant right, 2: constant left
            if (shape == 1) {
                java.util.Arrays.fill(rightValues, rightValues[0] == null ? BigDecimal.ONE : rightValues[0]);
            } else if (shape == 2) {
                java.util.Arrays.fill(leftValues, leftValues[0] == null ? BigDecimal.ONE : leftValues[0]);
            }
            Expression leftExpression = shape == 2 ? literal(leftValues[0], left) : column(0, left);
            Expression rightExpression = shape == 1 ? literal(rightValues[0], right) : column(1, right);
            Expression expression = call(function, result, leftExpression, rightExpression);
            ColumnBatch input = batch(vector(left, leftValues), vector(right, rightValues));
            String description = function + "(" + left + ", " + right + ") as " + result + " shape " + shape;
            List<Object> expected = new ArrayList<>();
            java.util.Set<String> expectedErrors = new java.util.HashSet<>();
            for (int i = 0; i < rows; i++) {
                Object outcome = expected(function, (BigDecimal) leftValues[i], (BigDecimal) rightValues[i], result);
                if (outcome instanceof String error) {
                    expectedErrors.add(error);
                    expected.add(null);
                } else {
                    expected.add(outcome);
                }
            }
            if (expectedErrors.isEmpty()) {
                assertThat(evaluate(expression, input)).as(description + " of " + List.of(input)).containsExactlyElementsOf(expected);
            } else {
                // When several rows fail, any one of their errors may be the one reported.
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExpressionCompiler.compile(expression).evaluate(input))
                        .as(description).isInstanceOf(ExecutionException.class)
                        .satisfies(error -> assertThat(expectedErrors).contains(((ExecutionException) error).sqlState()));
            }
        }
    }

    private Object expected(Function function, BigDecimal a, BigDecimal b, LogicalType result) {
        if (a == null || b == null) {
            return null;
        }
        BigDecimal exact;
        switch (function) {
            case ADD -> exact = a.add(b);
            case SUBTRACT -> exact = a.subtract(b);
            case MULTIPLY -> exact = a.multiply(b);
            case DIVIDE -> {
                if (b.signum() == 0) {
                    return ExecutionException.DIVISION_BY_ZERO;
                }
                exact = a.divide(b, result.scale(), RoundingMode.HALF_UP);
            }
            default -> {
                if (b.signum() == 0) {
                    return ExecutionException.DIVISION_BY_ZERO;
                }
                exact = a.remainder(b);
            }
        }
        BigDecimal rounded = exact.setScale(result.scale(), RoundingMode.HALF_UP);
        if (rounded.unscaledValue().abs().compareTo(BigInteger.TEN.pow(result.precision())) >= 0) {
            return ExecutionException.NUMERIC_OUT_OF_RANGE;
        }
        return rounded;
    }

    private LogicalType randomType() {
        return switch (random.nextInt(6)) {
            case 0 -> LogicalType.INTEGER;
            case 1 -> LogicalType.BIGINT;
            case 2 -> MONEY;
            default -> randomDecimal();
        };
    }

    private LogicalType randomDecimal() {
        int precision = 1 + random.nextInt(38);
        return LogicalType.decimal(precision, random.nextInt(precision + 1));
    }

    /** Calcite's result types (the optimizer's), capped at 38 digits. */
    private static LogicalType naturalType(Function function, LogicalType left, LogicalType right) {
        int p1 = NumericTypes.digits(left);
        int s1 = NumericTypes.scale(left);
        int p2 = NumericTypes.digits(right);
        int s2 = NumericTypes.scale(right);
        int scale;
        int precision;
        switch (function) {
            case ADD, SUBTRACT -> {
                scale = Math.max(s1, s2);
                precision = Math.max(p1 - s1, p2 - s2) + scale + 1;
            }
            case MULTIPLY -> {
                scale = s1 + s2;
                precision = p1 + p2;
            }
            case DIVIDE -> {
                scale = Math.max(6, s1 + p2 + 1);
                precision = p1 - s1 + s2 + scale;
            }
            default -> {
                scale = Math.max(s1, s2);
                precision = Math.min(p1 - s1, p2 - s2) + scale;
            }
        }
        if (precision > 38) {
            scale = Math.max(Math.min(scale, 6), scale - (precision - 38));
            precision = 38;
        }
        scale = Math.min(scale, precision);
        return LogicalType.decimal(Math.max(precision, 1), scale);
    }

    private Object randomValue(LogicalType type) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        int digits = NumericTypes.digits(type);
        BigInteger limit = type.kind() == io.basalt.storage.type.TypeKind.BIGINT ? BigInteger.valueOf(Long.MAX_VALUE)
                : type.kind() == io.basalt.storage.type.TypeKind.INTEGER ? BigInteger.valueOf(Integer.MAX_VALUE)
                : BigInteger.TEN.pow(digits).subtract(BigInteger.ONE);
        BigInteger unscaled = switch (random.nextInt(5)) {
            case 0 -> limit;
            case 1 -> BigInteger.valueOf(random.nextInt(3));
            case 2 -> new BigInteger(Math.max(1, limit.bitLength() / 2), random).min(limit);
            default -> new BigInteger(limit.bitLength(), random).min(limit);
        };
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, NumericTypes.scale(type));
    }

    @Test
    void resultVectorKindFollowsTheCallType() {
        // Long operands whose exact result needs 128 bits, narrowed back into a DECIMAL(18,2) result.
        LogicalType operand = LogicalType.decimal(18, 2);
        Expression expression = call(Function.MULTIPLY, LogicalType.decimal(18, 2), column(0, operand), column(1, operand));
        ColumnVector result = ExpressionCompiler.compile(expression).evaluate(batch(vector(operand, decimal("1000000.00")),
                vector(operand, decimal("0.50"))));
        assertThat(TestVectors.values(result, LogicalType.decimal(18, 2))).isEqualTo(list(decimal("500000.00")));
    }
}
