package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionCompilerTest {

    private static final LogicalType BIGINT = LogicalType.BIGINT;

    @Test
    void columnReferencesHandOverTheInputVector() {
        ColumnVector column = vector(BIGINT, 1L, 2L);
        assertThat(ExpressionCompiler.compile(column(0, BIGINT)).evaluate(batch(column))).isSameAs(column);
    }

    @Test
    void literalsOfEveryKindRepeatForTheBatch() {
        ColumnBatch three = batch(vector(BIGINT, 1L, 2L, 3L));
        assertThat(evaluate(literal(7L, BIGINT), three)).containsExactly(7L, 7L, 7L);
        assertThat(evaluate(literal(1.5, LogicalType.DOUBLE), three)).containsExactly(1.5, 1.5, 1.5);
        assertThat(evaluate(literal("x", LogicalType.TEXT), three)).containsExactly("x", "x", "x");
        assertThat(evaluate(literal(true, LogicalType.BOOLEAN), three)).containsExactly(true, true, true);
        LogicalType wide = LogicalType.decimal(38, 2);
        assertThat(evaluate(literal(decimal("-1.25"), wide), three)).containsExactly(decimal("-1.25"), decimal("-1.25"), decimal("-1.25"));
        assertThat(evaluate(literal("1998-09-02", LogicalType.DATE), three)).containsOnly(LocalDate.of(1998, 9, 2));
        assertThat(evaluate(literal(null, LogicalType.TEXT), three)).containsExactly(null, null, null);
        assertThat(evaluate(literal(null, wide), batch(vector(BIGINT)))).isEmpty();
    }

    @Test
    void constantCallsAreFolded() {
        Expression sum = call(Function.ADD, LogicalType.decimal(5, 2), literal(decimal("1.50"), LogicalType.decimal(3, 2)),
                literal(2L, LogicalType.INTEGER));
        Operand folded = ExpressionCompiler.compileOperand(sum);
        assertThat(folded.isConstant()).isTrue();
        assertThat(folded.value()).isEqualTo(350L);
        Expression conditional = call(Function.CASE, BIGINT, literal(false, LogicalType.BOOLEAN), literal(1L, BIGINT), literal(2L, BIGINT));
        assertThat(ExpressionCompiler.compileOperand(conditional).value()).isEqualTo(2L);
    }

    @Test
    void constantErrorsSurfaceOnlyWhenRowsAreEvaluated() {
        Expression divide = call(Function.DIVIDE, BIGINT, literal(1L, BIGINT), literal(0L, BIGINT));
        assertThat(ExpressionCompiler.compileOperand(divide).isConstant()).isFalse();
        assertThat(evaluate(divide, batch(vector(BIGINT)))).isEmpty();
        assertSqlState(() -> evaluate(divide, BIGINT, 5L), ExecutionException.DIVISION_BY_ZERO);
        // In a branch no row takes, it never fails.
        Expression guarded = call(Function.CASE, BIGINT, call(Function.IS_NULL, LogicalType.BOOLEAN, column(0, BIGINT)), divide,
                column(0, BIGINT));
        assertThat(evaluate(guarded, BIGINT, 5L, 6L)).containsExactly(5L, 6L);
    }

    @Test
    void strictFunctionsOfANullConstantAreNull() {
        Expression expression = call(Function.MULTIPLY, BIGINT, column(0, BIGINT), literal(null, BIGINT));
        assertThat(ExpressionCompiler.compileOperand(expression).isNullConstant()).isTrue();
        assertThat(evaluate(expression, BIGINT, 1L, null)).containsExactly(null, null);
        Expression upper = call(Function.UPPER, LogicalType.TEXT, literal(null, LogicalType.TEXT));
        assertThat(evaluate(upper, BIGINT, 1L)).containsExactly((Object) null);
    }

    @Test
    void nestedExpressionsOverSeveralColumns() {
        // revenue of TPC-H Q6: sum(l_extendedprice * l_discount) where shipdate in a year, discount in a band, quantity < 24
        LogicalType money = LogicalType.decimal(15, 2);
        LogicalType bool = LogicalType.BOOLEAN;
        Expression filter = call(Function.AND, bool,
                call(Function.GREATER_THAN_OR_EQUAL, bool, column(0, LogicalType.DATE), literal("1994-01-01", LogicalType.DATE)),
                call(Function.LESS_THAN, bool, column(0, LogicalType.DATE),
                        call(Function.ADD_MONTHS, LogicalType.DATE, literal("1994-01-01", LogicalType.DATE), literal(12L, BIGINT))),
                call(Function.GREATER_THAN_OR_EQUAL, bool, column(2, money), literal(decimal("0.05"), LogicalType.decimal(3, 2))),
                call(Function.LESS_THAN_OR_EQUAL, bool, column(2, money), literal(decimal("0.07"), LogicalType.decimal(3, 2))),
                call(Function.LESS_THAN, bool, column(3, money), literal(24L, LogicalType.INTEGER)));
        ColumnBatch input = batch(vector(LogicalType.DATE, "1994-03-01", "1995-01-01", "1994-12-31", null),
                vector(money, decimal("100.00"), decimal("100.00"), decimal("100.00"), decimal("100.00")),
                vector(money, decimal("0.06"), decimal("0.06"), decimal("0.08"), decimal("0.06")),
                vector(money, decimal("23.00"), decimal("1.00"), decimal("1.00"), decimal("1.00")));
        assertThat(evaluate(filter, input)).containsExactly(true, false, false, null);
        Expression revenue = call(Function.MULTIPLY, LogicalType.decimal(30, 4), column(1, money), column(2, money));
        assertThat(evaluate(revenue, input)).containsExactly(decimal("6.0000"), decimal("6.0000"), decimal("8.0000"), decimal("6.0000"));
    }

    @Test
    void resultsHaveTheBatchRowCountForLargeBatches() {
        Object[] values = new Object[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 == 0 ? null : (long) i;
        }
        Expression expression = call(Function.CONCAT, LogicalType.TEXT, call(Function.CAST, LogicalType.TEXT, column(0, BIGINT)),
                literal("-é", LogicalType.TEXT));
        var result = evaluate(expression, BIGINT, values);
        assertThat(result).hasSize(5000);
        assertThat(result.get(1)).isEqualTo("1-é");
        assertThat(result.get(7)).isNull();
    }
}
