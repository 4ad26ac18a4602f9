package io.basalt.execution.expression;

import io.basalt.execution.operator.ProjectOperator;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.values;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

/** Wide DECIMAL products handed over as long vectors where they fit, to readers that take both forms. */
class LongWhenFitsTest {

    private static final LogicalType MONEY = LogicalType.decimal(15, 2);
    private static final LogicalType ONE_PLUS = LogicalType.decimal(16, 2);
    private static final LogicalType DISCOUNTED = LogicalType.decimal(31, 4);
    private static final LogicalType CHARGE = LogicalType.decimal(38, 6);
    private static final Expression ONE = literal(decimal("1"), LogicalType.decimal(1, 0));

    /** l_extendedprice (column 0) * (1 - l_discount (column 1)). */
    private static Expression discounted() {
        return call(Function.MULTIPLY, DISCOUNTED, column(0, MONEY), call(Function.SUBTRACT, ONE_PLUS, ONE, column(1, MONEY)));
    }

    /** discounted * (1 + l_tax (column 2)). */
    private static Expression charge() {
        return call(Function.MULTIPLY, CHARGE, discounted(), call(Function.ADD, ONE_PLUS, ONE, column(2, MONEY)));
    }

    private static ColumnBatch input(String... prices) {
        Object[] price = new Object[prices.length];
        Object[] discount = new Object[prices.length];
        Object[] tax = new Object[prices.length];
        for (int i = 0; i < prices.length; i++) {
            price[i] = prices[i] == null ? null : decimal(prices[i]);
            discount[i] = decimal("0.0" + (i % 10));
            tax[i] = i == 1 ? null : decimal("0.08");
        }
        return batch(vector(MONEY, price), vector(MONEY, discount), vector(MONEY, tax));
    }

    @Test
    void productsThatFitALongComeAsLongsWithTheValuesOfTheWideForm() {
        ColumnBatch input = input("100.00", "5.55", null, "104949.50", "-7.25");
        for (Expression expression : List.of(discounted(), charge())) {
            ColumnVector longs = ExpressionCompiler.compileLongWhenFits(expression).evaluate(input);
            assertThat(longs).isInstanceOf(LongVector.class);
            assertThat(longs.positionCount()).isEqualTo(5);
            assertThat(values(longs, expression.type())).isEqualTo(TestVectors.evaluate(expression, input));
        }
        assertThat(values(ExpressionCompiler.compileLongWhenFits(charge()).evaluate(input), CHARGE))
                .containsExactly(decimal("108.000000"), null, null, decimal("109945.096200"), decimal("-7.516800"));
    }

    @Test
    void productsDeclareABoundOnTheirMagnitudes() {
        // The bound sums rely on to skip their overflow test (LongVector.magnitudeBound): at least every product's
        // magnitude, negative values and NULL rows' factors included.
        ColumnBatch input = input("100.00", "5.55", null, "104949.50", "-7.25", "-104949.50");
        for (Expression expression : List.of(discounted(), charge())) {
            LongVector longs = (LongVector) ExpressionCompiler.compileLongWhenFits(expression).evaluate(input);
            long largest = 0;
            for (int row = 0; row < longs.positionCount(); row++) {
                largest = longs.isNull(row) ? largest : Math.max(largest, Math.abs(longs.get(row)));
            }
            assertThat(longs.magnitudeBound()).isBetween(largest, 4 * largest);
        }
        // Factors' magnitudes at the edges of their powers of two, and negative ones (whose ORs are one less).
        long[] factors = {0, 1, -1, 2, -2, 3, (1L << 30) - 1, 1L << 30, -(1L << 30), -(1L << 31) + 1, (1L << 31) - 1};
        for (long x : factors) {
            for (long z : factors) {
                long bound = DecimalWideKernel.productBound(x ^ (x >> 63), z ^ (z >> 63));
                assertThat(bound).as("%d * %d", x, z).isGreaterThanOrEqualTo(Math.abs(x * z));
            }
        }
        assertThat(DecimalWideKernel.productBound(1L << 31, 1)).isEqualTo(-1);
        assertThat(DecimalWideKernel.productBound(5, 1L << 40)).isEqualTo(-1);
    }

    @Test
    void aBatchWithAFactorOf2To31OrMoreComesInTheWideForm() {
        // 21474836.48 is 2^31 hundredths: its product may not fit a long, so the whole batch takes 128 bits.
        for (String large : List.of("21474836.48", "-21474836.49", "9999999999999.99")) {
            ColumnBatch input = input("100.00", large, "3.00");
            ColumnVector wide = ExpressionCompiler.compileLongWhenFits(discounted()).evaluate(input);
            assertThat(wide).isInstanceOf(Int128Vector.class);
            assertThat(values(wide, DISCOUNTED)).isEqualTo(TestVectors.evaluate(discounted(), input));
        }
        // Just below the bound the longs hold.
        ColumnBatch below = input("21474836.47", "-21474836.48");
        assertThat(ExpressionCompiler.compileLongWhenFits(discounted()).evaluate(below)).isInstanceOf(LongVector.class);
        assertThat(values(ExpressionCompiler.compileLongWhenFits(discounted()).evaluate(below), DISCOUNTED))
                .isEqualTo(TestVectors.evaluate(discounted(), below));
    }

    @Test
    void whatIsNotAWideProductCompilesAsUsual() {
        Expression narrow = call(Function.MULTIPLY, LogicalType.decimal(18, 4), column(0, MONEY), column(1, MONEY));
        Expression sum = call(Function.ADD, DISCOUNTED, discounted(), discounted());
        for (Expression expression : List.of(narrow, sum, column(0, MONEY))) {
            assertThat(LongWhenFits.applies(expression)).isFalse();
            ColumnBatch input = input("1.00", "2.00");
            ColumnVector result = ExpressionCompiler.compileLongWhenFits(expression).evaluate(input);
            assertThat(result.kind()).isEqualTo(expression.type().physicalKind());
        }
    }

    @Test
    void aSharedProductComesAsLongsOnlyWhenEveryReaderTakesThem() {
        // Q1: the discounted price is shared by its output column and the charge's product.
        SharedSubexpressions q1 = SharedSubexpressions.of(List.of(discounted(), charge()));
        assertThat(q1.shared()).containsExactly(discounted());
        assertThat(LongWhenFits.sharedColumns(q1, Set.of(0, 1))).containsExactly(true);
        // Its output column not among the long ones (a result column, a group key): it keeps the wide form.
        assertThat(LongWhenFits.sharedColumns(q1, Set.of(1))).containsExactly(false);
        // A comparison or NEGATE reading it needs the wide form too.
        Expression positive = call(Function.GREATER_THAN, LogicalType.BOOLEAN, discounted(),
                literal(decimal("0"), LogicalType.decimal(1, 0)));
        Expression negated = call(Function.NEGATE, DISCOUNTED, discounted());
        for (Expression other : List.of(positive, negated)) {
            SharedSubexpressions common = SharedSubexpressions.of(List.of(discounted(), charge(), other));
            assertThat(LongWhenFits.sharedColumns(common, Set.of(0, 1))).containsExactly(false);
        }
    }

    @Test
    void theProjectionHandsOverLongsOnlyInTheColumnsItMayAndTheSameValues() {
        ColumnBatch input = batch(vector(MONEY, decimal("100.00"), null, decimal("12345.67")),
                vector(MONEY, decimal("0.05"), decimal("0.10"), decimal("0.00")),
                vector(MONEY, decimal("0.08"), decimal("0.01"), null));
        List<Expression> expressions = List.of(discounted(), charge());
        for (Set<Integer> longWhenFits : List.of(Set.of(0, 1), Set.of(1), Set.<Integer>of())) {
            List<ColumnBatch> output = new ArrayList<>();
            new ProjectOperator(expressions, longWhenFits).process(input, output::add);
            ColumnBatch projected = output.get(0);
            // The shared product comes as longs only when both its readers take them, and the charge only from a
            // product in longs (a wide factor sends it the 128-bit way).
            boolean both = longWhenFits.size() == 2;
            assertThat(projected.column(0) instanceof LongVector).isEqualTo(both);
            assertThat(projected.column(1) instanceof LongVector).isEqualTo(both);
            for (int k = 0; k < expressions.size(); k++) {
                assertThat(values(projected.column(k), expressions.get(k).type()))
                        .isEqualTo(TestVectors.evaluate(expressions.get(k), input));
            }
        }
    }
}
