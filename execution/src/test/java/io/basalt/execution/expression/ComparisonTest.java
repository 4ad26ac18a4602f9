package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static final Function[] OPERATORS = {Function.EQUAL, Function.NOT_EQUAL, Function.LESS_THAN,
            Function.LESS_THAN_OR_EQUAL, Function.GREATER_THAN, Function.GREATER_THAN_OR_EQUAL};
    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;

    private static boolean expected(Function operator, int order) {
        return switch (operator) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_OR_EQUAL -> order <= 0;
            case GREATER_THAN -> order > 0;
            default -> order >= 0;
        };
    }

    /**
     * Every operator over every pair of the values, in three shapes: two columns, a constant on the right,
     * a constant on the left; NULL on either side gives NULL.
     */
    private static void checkAllShapes(LogicalType type, Object[] values, java.util.Comparator<Object> order) {
        for (Function operator : OPERATORS) {
            for (Object constant : values) {
                Object[] left = values;
                Object[] right = new Object[values.length];
                java.util.Arrays.fill(right, constant);
                List<Object> expected = new java.util.ArrayList<>();
                for (Object value : left) {
                    expected.add(value == null || constant == null ? null : expected(operator, Integer.signum(order.compare(value, constant))));
                }
                var input = batch(vector(type, left), vector(type, right));
                assertThat(evaluate(call(operator, BOOLEAN, column(0, type), column(1, type)), input))
                        .as(operator + " columns vs " + constant).containsExactlyElementsOf(expected);
                assertThat(evaluate(call(operator, BOOLEAN, column(0, type), literal(constant, type)), input))
                        .as(operator + " constant " + constant).containsExactlyElementsOf(expected);
                assertThat(evaluate(call(OrderResults.flip(operator), BOOLEAN, literal(constant, type), column(0, type)), input))
                        .as("flipped " + operator + " constant " + constant).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void longs() {
        checkAllShapes(LogicalType.BIGINT, new Object[] {Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE, null},
                (a, b) -> Long.compare((Long) a, (Long) b));
    }

    @Test
    void dates() {
        checkAllShapes(LogicalType.DATE, new Object[] {LocalDate.of(1998, 9, 2), LocalDate.of(1998, 9, 3), LocalDate.of(1, 1, 1), null},
                (a, b) -> ((LocalDate) a).compareTo((LocalDate) b));
    }

    @Test
    void doublesInPostgresTotalOrder() {
        // NaN equals NaN and is above everything; -0.0 equals 0.0.
        java.util.Comparator<Object> order = (a, b) -> {
            double x = (Double) a;
            double y = (Double) b;
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
        };
        checkAllShapes(LogicalType.DOUBLE, new Object[] {Double.NEGATIVE_INFINITY, -1.5, -0.0, 0.0, 2.0, Double.POSITIVE_INFINITY,
                Double.NaN, null}, order);
    }

    @Test
    void wideDecimals() {
        LogicalType type = LogicalType.decimal(38, 4);
        checkAllShapes(type, new Object[] {decimal("-9999999999999999999999999999999999.9999"), decimal("-1.0000"),
                decimal("0.0000"), decimal("1.0000"), decimal("18446744073709551616.0000"), null},
                (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b));
    }

    @Test
    void textByUnsignedBytes() {
        // Code point order: 'Z' < 'a' < 'é' (U+00E9) < '中' (U+4E2D) < '😀' (U+1F600); a prefix sorts first.
        checkAllShapes(LogicalType.TEXT, new Object[] {"", "Z", "a", "ab", "é", "中", "😀", null},
                (a, b) -> compareCodePoints((String) a, (String) b));
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    @Test
    void booleans() {
        checkAllShapes(BOOLEAN, new Object[] {false, true, null}, (a, b) -> Boolean.compare((Boolean) a, (Boolean) b));
    }

    @Test
    void mixedScalesAndWidthsAreUnified() {
        LogicalType money = LogicalType.decimal(15, 2);
        // l_discount between 0.05 and 0.07, with the literals typed DECIMAL(3,2)
        var input = batch(vector(money, decimal("0.04"), decimal("0.05"), decimal("0.07"), decimal("0.08"), null));
        Expression atLeast = call(Function.GREATER_THAN_OR_EQUAL, BOOLEAN, column(0, money), literal(decimal("0.05"), LogicalType.decimal(3, 2)));
        assertThat(evaluate(atLeast, input)).containsExactly(false, true, true, true, null);
        // l_quantity < 24 with an INTEGER literal, and an integer column against a fraction
        assertThat(evaluate(call(Function.LESS_THAN, BOOLEAN, column(0, money), literal(24L, LogicalType.INTEGER)),
                money, decimal("23.99"), decimal("24.00"))).containsExactly(true, false);
        assertThat(evaluate(call(Function.LESS_THAN, BOOLEAN, column(0, LogicalType.INTEGER), literal(decimal("2.5"), LogicalType.decimal(2, 1))),
                LogicalType.INTEGER, 2L, 3L)).containsExactly(true, false);
        // a long DECIMAL against a 128-bit one
        LogicalType wide = LogicalType.decimal(30, 2);
        assertThat(evaluate(call(Function.EQUAL, BOOLEAN, column(0, money), column(1, wide)),
                batch(vector(money, decimal("1.50")), vector(wide, decimal("1.50"))))).containsExactly(true);
        // integers against doubles, dates against timestamps
        assertThat(evaluate(call(Function.LESS_THAN, BOOLEAN, column(0, LogicalType.BIGINT), literal(2.5, LogicalType.DOUBLE)),
                LogicalType.BIGINT, 2L, 3L)).containsExactly(true, false);
        assertThat(evaluate(call(Function.LESS_THAN, BOOLEAN, column(0, LogicalType.DATE), literal("1998-09-02 10:00:00", LogicalType.TIMESTAMP)),
                LogicalType.DATE, "1998-09-02", "1998-09-03")).containsExactly(true, false);
    }

    @Test
    void constantsAreConvertedToTheColumnTypeWhenExact() {
        LogicalType money = LogicalType.decimal(15, 2);
        // A wide-typed constant with a small value, converted to the column's long representation.
        Expression wideConstant = call(Function.EQUAL, BOOLEAN, column(0, money), literal(decimal("1.50"), LogicalType.decimal(30, 2)));
        assertThat(ExpressionCompiler.compileOperand(wideConstant).isConstant()).isFalse();
        assertThat(evaluate(wideConstant, money, decimal("1.50"), decimal("1.51"))).containsExactly(true, false);
        // A constant with more fractional digits than the column: compared at the finer scale.
        Expression finer = call(Function.LESS_THAN, BOOLEAN, column(0, money), literal(decimal("0.125"), LogicalType.decimal(4, 3)));
        assertThat(evaluate(finer, money, decimal("0.12"), decimal("0.13"))).containsExactly(true, false);
        Expression equalFiner = call(Function.EQUAL, BOOLEAN, literal(decimal("0.125"), LogicalType.decimal(4, 3)), column(0, money));
        assertThat(evaluate(equalFiner, money, decimal("0.12"), decimal("0.13"))).containsExactly(false, false);
        // A constant beyond an integer column's range.
        Expression huge = call(Function.LESS_THAN, BOOLEAN, column(0, LogicalType.INTEGER), literal(decimal("1e20"), LogicalType.decimal(21, 0)));
        assertThat(evaluate(huge, LogicalType.INTEGER, (long) Integer.MAX_VALUE)).containsExactly(true);
    }

    @Test
    void randomExactComparisonsOfMixedTypesAgreeWithBigDecimal() {
        java.util.Random random = new java.util.Random(29);
        for (int round = 0; round < 3000; round++) {
            LogicalType leftType = randomExactType(random);
            LogicalType rightType = randomExactType(random);
            Function operator = OPERATORS[random.nextInt(OPERATORS.length)];
            int rows = 1 + random.nextInt(8);
            Object[] left = new Object[rows];
            Object[] right = new Object[rows];
            for (int i = 0; i < rows; i++) {
                left[i] = randomExactValue(leftType, random);
                right[i] = random.nextInt(4) == 0 && left[i] != null ? fitOrNull((BigDecimal) left[i], rightType) : randomExactValue(rightType, random);
            }
            int shape = random.nextInt(3);
            if (shape == 1) {
                java.util.Arrays.fill(right, right[0]);
            } else if (shape == 2) {
                java.util.Arrays.fill(left, left[0]);
            }
            Expression leftExpression = shape == 2 ? literal(left[0], leftType) : column(0, leftType);
            Expression rightExpression = shape == 1 ? literal(right[0], rightType) : column(1, rightType);
            List<Object> expected = new java.util.ArrayList<>();
            for (int i = 0; i < rows; i++) {
                expected.add(left[i] == null || right[i] == null ? null
                        : expected(operator, ((BigDecimal) left[i]).compareTo((BigDecimal) right[i])));
            }
            var input = batch(vector(leftType, left), vector(rightType, right));
            assertThat(evaluate(call(operator, BOOLEAN, leftExpression, rightExpression), input))
                    .as(operator + " " + leftType + " " + rightType + " shape " + shape + " " + java.util.Arrays.toString(left) + " " + java.util.Arrays.toString(right))
                    .containsExactlyElementsOf(expected);
        }
    }

    private static LogicalType randomExactType(java.util.Random random) {
        int choice = random.nextInt(5);
        if (choice == 0) {
            return random.nextBoolean() ? LogicalType.INTEGER : LogicalType.BIGINT;
        }
        int precision = 1 + random.nextInt(choice == 1 ? 18 : 30);
        return LogicalType.decimal(precision, random.nextInt(Math.min(precision, 8) + 1));
    }

    private static Object randomExactValue(LogicalType type, java.util.Random random) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        int integerDigits = NumericTypes.digits(type) - NumericTypes.scale(type);
        java.math.BigInteger limit = java.math.BigInteger.TEN.pow(Math.max(integerDigits, 0)).min(java.math.BigInteger.valueOf(Integer.MAX_VALUE));
        if (type.kind() == io.basalt.storage.type.TypeKind.BIGINT) {
            limit = java.math.BigInteger.valueOf(Long.MAX_VALUE);
        }
        java.math.BigInteger whole = new java.math.BigInteger(limit.bitLength(), random).mod(limit.max(java.math.BigInteger.ONE));
        BigDecimal value = new BigDecimal(whole).add(new BigDecimal(java.math.BigInteger.valueOf(random.nextInt(1000)), 3)
                .setScale(NumericTypes.scale(type), java.math.RoundingMode.DOWN));
        if (value.precision() - value.scale() > integerDigits) {
            value = BigDecimal.ZERO;
        }
        return (random.nextBoolean() ? value.negate() : value).setScale(NumericTypes.scale(type));
    }

    /** The value in the other type if it fits exactly (to produce equal pairs), else NULL. */
    private static Object fitOrNull(BigDecimal value, LogicalType type) {
        try {
            BigDecimal scaled = value.setScale(NumericTypes.scale(type));
            if (NumericTypes.isInteger(type)) {
                long asLong = scaled.longValueExact();
                return asLong >= NumericTypes.minimum(type) && asLong <= NumericTypes.maximum(type) ? scaled : null;
            }
            return scaled.precision() - scaled.scale() <= type.precision() - type.scale() ? scaled : null;
        } catch (ArithmeticException inexact) {
            return null;
        }
    }

    @Test
    void distinctFromTreatsNullsAsValues() {
        LogicalType type = LogicalType.BIGINT;
        var input = batch(vector(type, 1L, 1L, null, null), vector(type, 1L, 2L, 1L, null));
        assertThat(evaluate(call(Function.IS_DISTINCT_FROM, BOOLEAN, column(0, type), column(1, type)), input))
                .containsExactly(false, true, true, false);
        assertThat(evaluate(call(Function.IS_NOT_DISTINCT_FROM, BOOLEAN, column(0, type), column(1, type)), input))
                .containsExactly(true, false, false, true);
        assertThat(evaluate(call(Function.IS_DISTINCT_FROM, BOOLEAN, column(0, type), literal(null, type)), input))
                .containsExactly(true, true, false, false);
        LogicalType text = LogicalType.TEXT;
        assertThat(evaluate(call(Function.IS_NOT_DISTINCT_FROM, BOOLEAN, column(0, text), column(1, text)),
                batch(vector(text, "a", null, ""), vector(text, "a", "", null)))).containsExactly(true, false, false);
        assertThat(evaluate(call(Function.IS_NOT_DISTINCT_FROM, BOOLEAN, column(0, LogicalType.DOUBLE), column(1, LogicalType.DOUBLE)),
                batch(vector(LogicalType.DOUBLE, Double.NaN, -0.0), vector(LogicalType.DOUBLE, Double.NaN, 0.0)))).containsExactly(true, true);
    }

    @Test
    void comparisonWithNullConstantIsNullAndEmptyBatchesWork() {
        assertThat(evaluate(call(Function.EQUAL, BOOLEAN, column(0, LogicalType.BIGINT), literal(null, LogicalType.BIGINT)),
                LogicalType.BIGINT, 1L, null)).containsExactly(null, null);
        assertThat(evaluate(call(Function.EQUAL, BOOLEAN, column(0, LogicalType.TEXT), literal("x", LogicalType.TEXT)),
                LogicalType.TEXT)).isEmpty();
    }
}
