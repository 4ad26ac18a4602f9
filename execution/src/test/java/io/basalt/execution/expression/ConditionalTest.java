package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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

class ConditionalTest {

    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;
    private static final LogicalType BIGINT = LogicalType.BIGINT;

    @Test
    void caseEvaluatesABranchOnlyForTheRowsThatReachIt() {
        // CASE WHEN x <> 0 THEN 100 / x END never divides by zero
        Expression expression = call(Function.CASE, BIGINT,
                call(Function.NOT_EQUAL, BOOLEAN, column(0, BIGINT), literal(0L, BIGINT)),
                call(Function.DIVIDE, BIGINT, literal(100L, BIGINT), column(0, BIGINT)),
                literal(null, BIGINT));
        assertThat(evaluate(expression, BIGINT, 0L, 4L, null, -50L, 0L)).containsExactly(null, 25L, null, -2L, null);
        // ... and the ELSE only for the rest: here dividing by x happens only where x = 0 is false
        Expression elseDivides = call(Function.CASE, BIGINT,
                call(Function.EQUAL, BOOLEAN, column(0, BIGINT), literal(0L, BIGINT)), literal(-1L, BIGINT),
                call(Function.DIVIDE, BIGINT, literal(100L, BIGINT), column(0, BIGINT)));
        assertThat(evaluate(elseDivides, BIGINT, 0L, 4L)).containsExactly(-1L, 25L);
        // ... and a row reaching a failing branch still fails
        assertSqlState(() -> evaluate(call(Function.CASE, BIGINT, literal(true, BOOLEAN),
                call(Function.DIVIDE, BIGINT, literal(1L, BIGINT), column(0, BIGINT)), literal(0L, BIGINT)), BIGINT, 0L),
                ExecutionException.DIVISION_BY_ZERO);
    }

    @Test
    void laterConditionsOnlySeeUndecidedRows() {
        // CASE WHEN x = 0 THEN 'zero' WHEN 10 / x > 1 THEN 'small' ELSE 'large' END
        LogicalType text = LogicalType.TEXT;
        Expression expression = call(Function.CASE, text,
                call(Function.EQUAL, BOOLEAN, column(0, BIGINT), literal(0L, BIGINT)), literal("zero", text),
                call(Function.GREATER_THAN, BOOLEAN, call(Function.DIVIDE, BIGINT, literal(10L, BIGINT), column(0, BIGINT)), literal(1L, BIGINT)),
                literal("small", text),
                literal("large", text));
        assertThat(evaluate(expression, BIGINT, 0L, 2L, 20L, null)).containsExactly("zero", "small", "large", "large");
    }

    /** Random CASEs over all result kinds against a row-at-a-time reading of the same rules. */
    @Test
    void randomCasesOfEveryKindAgreeWithRowByRowEvaluation() {
        Random random = new Random(11);
        LogicalType[] types = {BIGINT, LogicalType.DOUBLE, LogicalType.TEXT, BOOLEAN, LogicalType.decimal(30, 2)};
        for (int round = 0; round < 300; round++) {
            LogicalType type = types[random.nextInt(types.length)];
            int rows = random.nextInt(40);
            int branches = 1 + random.nextInt(4);
            Object[] selector = new Object[rows];
            for (int i = 0; i < rows; i++) {
                selector[i] = random.nextInt(8) == 0 ? null : (long) random.nextInt(branches + 1);
            }
            List<Object[]> branchValues = new ArrayList<>();
            List<Expression> arguments = new ArrayList<>();
            List<io.basalt.storage.vector.ColumnVector> columns = new ArrayList<>();
            columns.add(vector(BIGINT, selector));
            for (int b = 0; b <= branches; b++) {
                Object[] values = new Object[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = random.nextInt(6) == 0 ? null : randomValue(type, random);
                }
                branchValues.add(values);
                columns.add(vector(type, values));
            }
            for (int b = 0; b < branches; b++) {
                arguments.add(call(Function.EQUAL, BOOLEAN, column(0, BIGINT), literal((long) b, BIGINT)));
                arguments.add(column(b + 1, type));
            }
            arguments.add(column(branches + 1, type));
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                Object chosen = selector[i] != null && (Long) selector[i] < branches
                        ? branchValues.get((int) (long) (Long) selector[i])[i] : branchValues.get(branches)[i];
                expected.add(chosen);
            }
            var input = batch(columns.toArray(new io.basalt.storage.vector.ColumnVector[0]));
            assertThat(evaluate(new Call(Function.CASE, arguments, type), input)).as(type + " round " + round)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static Object randomValue(LogicalType type, Random random) {
        return switch (type.physicalKind()) {
            case LONG -> (long) random.nextInt(1000);
            case DOUBLE -> random.nextDouble();
            case BYTES -> "s" + random.nextInt(1000) + (random.nextBoolean() ? "ü" : "");
            case BOOLEAN -> random.nextBoolean();
            default -> decimal(random.nextInt(100000) + "." + random.nextInt(10) + random.nextInt(10));
        };
    }

    @Test
    void caseBranchesOfAnotherTypeAreConverted() {
        LogicalType result = LogicalType.decimal(10, 2);
        Expression expression = call(Function.CASE, result, column(0, BOOLEAN), literal(decimal("1.5"), LogicalType.decimal(2, 1)),
                literal(0L, LogicalType.INTEGER));
        assertThat(evaluate(expression, BOOLEAN, true, false, null)).containsExactly(decimal("1.50"), decimal("0.00"), decimal("0.00"));
    }

    @Test
    void coalesceTakesTheFirstNonNullAndIsLazy() {
        var input = batch(vector(BIGINT, 1L, null, null, null), vector(BIGINT, 5L, 6L, null, 0L));
        assertThat(evaluate(call(Function.COALESCE, BIGINT, column(0, BIGINT), column(1, BIGINT), literal(-1L, BIGINT)), input))
                .containsExactly(1L, 6L, -1L, 0L);
        assertThat(evaluate(call(Function.COALESCE, BIGINT, column(0, BIGINT), column(1, BIGINT)), input))
                .containsExactly(1L, 6L, null, 0L);
        // The division only runs where x is NULL, where y = 2.
        Expression lazy = call(Function.COALESCE, BIGINT, column(0, BIGINT),
                call(Function.DIVIDE, BIGINT, literal(10L, BIGINT), column(1, BIGINT)));
        assertThat(evaluate(lazy, batch(vector(BIGINT, 1L, null), vector(BIGINT, 0L, 2L)))).containsExactly(1L, 5L);
        LogicalType text = LogicalType.TEXT;
        assertThat(evaluate(call(Function.COALESCE, text, column(0, text), literal("none", text)), text, "a", null, ""))
                .containsExactly("a", "none", "");
    }

    @Test
    void nullIf() {
        var input = batch(vector(BIGINT, 1L, 2L, null, 4L), vector(BIGINT, 1L, 3L, 1L, null));
        assertThat(evaluate(call(Function.NULLIF, BIGINT, column(0, BIGINT), column(1, BIGINT)), input)).containsExactly(null, 2L, null, 4L);
        LogicalType text = LogicalType.TEXT;
        assertThat(evaluate(call(Function.NULLIF, text, column(0, text), literal("", text)), text, "", "a", null))
                .containsExactly(null, "a", null);
        assertThat(evaluate(call(Function.NULLIF, BIGINT, column(0, BIGINT), literal(null, BIGINT)), BIGINT, 1L)).containsExactly(1L);
    }

    @Test
    void emptyBatches() {
        assertThat(evaluate(call(Function.CASE, BIGINT, column(0, BOOLEAN), literal(1L, BIGINT), literal(2L, BIGINT)), BOOLEAN)).isEmpty();
        assertThat(evaluate(call(Function.COALESCE, BIGINT, column(0, BIGINT), literal(2L, BIGINT)), BIGINT)).isEmpty();
    }
}
