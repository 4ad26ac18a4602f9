package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.operator.ProjectOperator;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.values;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

/** Common subexpressions of a projection, computed once per batch (TPC-H Q1's discounted price and charge). */
class SharedSubexpressionsTest {

    private static final LogicalType BIGINT = LogicalType.BIGINT;
    private static final LogicalType MONEY = LogicalType.decimal(15, 2);
    private static final LogicalType ONE_PLUS = LogicalType.decimal(16, 2);
    private static final LogicalType DISCOUNTED = LogicalType.decimal(31, 4);
    private static final LogicalType CHARGE = LogicalType.decimal(38, 6);

    /** Q1's projection: l_extendedprice (column 1), l_discount (2), l_tax (3); column 0 is not read. */
    private static List<Expression> q1Projection() {
        Expression one = literal(decimal("1"), LogicalType.decimal(1, 0));
        Expression price = column(1, MONEY);
        Expression discounted = call(Function.MULTIPLY, DISCOUNTED, price,
                call(Function.SUBTRACT, ONE_PLUS, one, column(2, MONEY)));
        Expression charge = call(Function.MULTIPLY, CHARGE, discounted, call(Function.ADD, ONE_PLUS, one, column(3, MONEY)));
        return List.of(price, discounted, charge);
    }

    @Test
    void q1sDiscountedPriceIsComputedOnceAndReadByTheCharge() {
        SharedSubexpressions common = SharedSubexpressions.of(q1Projection());
        // The product only: 1 - l_discount occurs twice, but both times inside it, so it stays in the product's tree.
        assertThat(common.shared()).containsExactly(q1Projection().get(1));
        assertThat(common.inputColumns()).isEqualTo(4);
        assertThat(common.rewritten().get(1)).isEqualTo(new ColumnReference(4, DISCOUNTED));
        assertThat(((Call) common.rewritten().get(2)).argument(0)).isEqualTo(new ColumnReference(4, DISCOUNTED));
        assertThat(common.rewritten().get(0)).isEqualTo(column(1, MONEY));
    }

    @Test
    void aCallRepeatedInsideAndOutsideALargerSharedCallIsSharedToo() {
        // 1 - l_discount inside the shared product (twice) and once more alone: computed once, read by the product.
        List<Expression> projection = new ArrayList<>(q1Projection());
        Expression oneMinus = ((Call) projection.get(1)).argument(1);
        projection.add(oneMinus);
        SharedSubexpressions common = SharedSubexpressions.of(projection);
        assertThat(common.shared()).hasSize(2);
        assertThat(common.shared().get(0)).isEqualTo(oneMinus);
        assertThat(((Call) common.shared().get(1)).argument(1)).isEqualTo(new ColumnReference(4, ONE_PLUS));
        assertThat(common.rewritten().get(3)).isEqualTo(new ColumnReference(4, ONE_PLUS));
    }

    @Test
    void theProjectionGivesWhatEachExpressionGivesAlone() {
        List<Expression> expressions = q1Projection();
        ColumnBatch input = batch(vector(BIGINT, 1L, 2L, 3L),
                vector(MONEY, decimal("100.00"), null, decimal("12345.67")),
                vector(MONEY, decimal("0.05"), decimal("0.10"), decimal("0.00")),
                vector(MONEY, decimal("0.08"), decimal("0.01"), null));
        List<ColumnBatch> output = new ArrayList<>();
        new ProjectOperator(expressions).process(input, output::add);
        assertThat(output).hasSize(1);
        for (int k = 0; k < expressions.size(); k++) {
            Expression expression = expressions.get(k);
            assertThat(values(output.get(0).column(k), expression.type()))
                    .isEqualTo(TestVectors.evaluate(expression, input));
        }
        assertThat(values(output.get(0).column(2), CHARGE)).containsExactly(decimal("102.600000"), null, null);
    }

    @Test
    void argumentsOfConditionalCallsAreNotShared() {
        // a / b guarded by a CASE must not run for the rows the CASE excludes: b = 0 there.
        Expression divide = call(Function.DIVIDE, BIGINT, column(0, BIGINT), column(1, BIGINT));
        Expression guarded = call(Function.CASE, BIGINT,
                call(Function.NOT_EQUAL, LogicalType.BOOLEAN, column(1, BIGINT), literal(0L, BIGINT)), divide, literal(0L, BIGINT));
        Expression guardedAgain = call(Function.CASE, BIGINT,
                call(Function.GREATER_THAN, LogicalType.BOOLEAN, column(1, BIGINT), literal(0L, BIGINT)), divide, literal(-1L, BIGINT));
        SharedSubexpressions common = SharedSubexpressions.of(List.of(guarded, guardedAgain));
        assertThat(common.shared()).isEmpty();
        ColumnBatch input = batch(vector(BIGINT, 6L, 7L), vector(BIGINT, 3L, 0L));
        List<ColumnBatch> output = new ArrayList<>();
        new ProjectOperator(List.of(guarded, guardedAgain)).process(input, output::add);
        assertThat(values(output.get(0).column(0), BIGINT)).containsExactly(2L, 0L);
        assertThat(values(output.get(0).column(1), BIGINT)).containsExactly(2L, -1L);
        // Unguarded twice, it is computed once, and its error is still raised.
        List<Expression> unguarded = List.of(divide, call(Function.NEGATE, BIGINT, divide));
        assertThat(SharedSubexpressions.of(unguarded).shared()).containsExactly(divide);
        assertSqlState(() -> new ProjectOperator(unguarded).process(input, batch -> { }), ExecutionException.DIVISION_BY_ZERO);
    }

    @Test
    void randomAndConstantCallsAreNotShared() {
        Expression random = call(Function.ADD, LogicalType.DOUBLE, call(Function.RANDOM, LogicalType.DOUBLE),
                column(0, LogicalType.DOUBLE));
        Expression constant = call(Function.ADD, BIGINT, literal(1L, BIGINT), literal(2L, BIGINT));
        Expression plusConstant = call(Function.ADD, BIGINT, column(1, BIGINT), constant);
        SharedSubexpressions common = SharedSubexpressions.of(List.of(random, random, plusConstant,
                call(Function.NEGATE, BIGINT, constant)));
        assertThat(common.shared()).isEmpty();
        assertThat(common.rewritten()).containsExactly(random, random, plusConstant, call(Function.NEGATE, BIGINT, constant));
    }
}
