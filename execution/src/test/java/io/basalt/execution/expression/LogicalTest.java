package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class LogicalTest {

    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;
    private static final Boolean[] TRUTH_VALUES = {true, false, null};

    /** SQL's three-valued AND and OR, written out as the standard's tables. */
    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    @Test
    void threeValuedTruthTablesForTwoAndThreeArguments() {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        List<Object> third = new ArrayList<>();
        List<Object> expectedAnd = new ArrayList<>();
        List<Object> expectedOr = new ArrayList<>();
        for (Boolean a : TRUTH_VALUES) {
            for (Boolean b : TRUTH_VALUES) {
                for (Boolean c : TRUTH_VALUES) {
                    first.add(a);
                    second.add(b);
                    third.add(c);
                    expectedAnd.add(and(and(a, b), c));
                    expectedOr.add(or(or(a, b), c));
                }
            }
        }
        var input = batch(vector(BOOLEAN, first.toArray()), vector(BOOLEAN, second.toArray()), vector(BOOLEAN, third.toArray()));
        assertThat(evaluate(call(Function.AND, BOOLEAN, column(0, BOOLEAN), column(1, BOOLEAN), column(2, BOOLEAN)), input))
                .containsExactlyElementsOf(expectedAnd);
        assertThat(evaluate(call(Function.OR, BOOLEAN, column(0, BOOLEAN), column(1, BOOLEAN), column(2, BOOLEAN)), input))
                .containsExactlyElementsOf(expectedOr);
        List<Object> expectedPairAnd = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            expectedPairAnd.add(and((Boolean) first.get(i), (Boolean) second.get(i)));
        }
        assertThat(evaluate(call(Function.AND, BOOLEAN, column(0, BOOLEAN), column(1, BOOLEAN)), input))
                .containsExactlyElementsOf(expectedPairAnd);
    }

    @Test
    void notAndTheIsTests() {
        var input = batch(vector(BOOLEAN, true, false, null));
        assertThat(evaluate(call(Function.NOT, BOOLEAN, column(0, BOOLEAN)), input)).containsExactly(false, true, null);
        assertThat(evaluate(call(Function.IS_NULL, BOOLEAN, column(0, BOOLEAN)), input)).containsExactly(false, false, true);
        assertThat(evaluate(call(Function.IS_NOT_NULL, BOOLEAN, column(0, BOOLEAN)), input)).containsExactly(true, true, false);
        assertThat(evaluate(call(Function.IS_TRUE, BOOLEAN, column(0, BOOLEAN)), input)).containsExactly(true, false, false);
        assertThat(evaluate(call(Function.IS_NOT_TRUE, BOOLEAN, column(0, BOOLEAN)), input)).containsExactly(false, true, true);
        assertThat(evaluate(call(Function.IS_FALSE, BOOLEAN, column(0, BOOLEAN)), input)).containsExactly(false, true, false);
        assertThat(evaluate(call(Function.IS_NOT_FALSE, BOOLEAN, column(0, BOOLEAN)), input)).containsExactly(true, false, true);
        LogicalType text = LogicalType.TEXT;
        assertThat(evaluate(call(Function.IS_NULL, BOOLEAN, column(0, text)), text, "", null)).containsExactly(false, true);
        assertThat(evaluate(call(Function.IS_NULL, BOOLEAN, literal(null, text)), text, "x")).containsExactly(true);
    }

    @Test
    void laterConjunctsThatCanFailOnlySeeUndecidedRows() {
        // x <> 0 AND 10 / x > 1: the division never runs for x = 0, as PostgreSQL users expect.
        LogicalType type = LogicalType.BIGINT;
        Expression notZero = call(Function.NOT_EQUAL, BOOLEAN, column(0, type), literal(0L, type));
        Expression ratio = call(Function.GREATER_THAN, BOOLEAN, call(Function.DIVIDE, type, literal(10L, type), column(0, type)),
                literal(1L, type));
        assertThat(evaluate(call(Function.AND, BOOLEAN, notZero, ratio), type, 0L, 5L, 20L, null, 0L))
                .containsExactly(false, true, false, null, false);
        Expression isZero = call(Function.EQUAL, BOOLEAN, column(0, type), literal(0L, type));
        assertThat(evaluate(call(Function.OR, BOOLEAN, isZero, ratio), type, 0L, 5L, 20L, null))
                .containsExactly(true, true, false, null);
    }

    /** Selective first arguments make later ones run on the few undecided rows; results must not change. */
    @Test
    void randomJunctionsWithSelectiveFirstArguments() {
        java.util.Random random = new java.util.Random(13);
        LogicalType type = LogicalType.BIGINT;
        for (int round = 0; round < 200; round++) {
            boolean and = random.nextBoolean();
            int rows = random.nextInt(300);
            double density = random.nextDouble() * 0.2;
            Object[] first = new Object[rows];
            Object[] numbers = new Object[rows];
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                boolean rare = random.nextDouble() < density;
                // For AND the rare value is TRUE (most rows decided FALSE at once); for OR it is FALSE.
                first[i] = random.nextInt(20) == 0 ? null : (and == rare);
                numbers[i] = random.nextInt(15) == 0 ? null : (long) random.nextInt(10);
                Boolean greater = numbers[i] == null ? null : (Long) numbers[i] > 5;
                Boolean notSeven = numbers[i] == null ? null : (Long) numbers[i] != 7;
                expected.add(and ? and(and((Boolean) first[i], greater), notSeven) : or(or((Boolean) first[i], greater), notSeven));
            }
            Expression expression = call(and ? Function.AND : Function.OR, BOOLEAN, column(0, BOOLEAN),
                    call(Function.GREATER_THAN, BOOLEAN, column(1, type), literal(5L, type)),
                    call(Function.NOT, BOOLEAN, call(Function.EQUAL, BOOLEAN, column(1, type), literal(7L, type))));
            assertThat(evaluate(expression, batch(vector(BOOLEAN, first), vector(type, numbers)))).as("round " + round)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void constantArgumentsAndEmptyBatches() {
        assertThat(evaluate(call(Function.AND, BOOLEAN, column(0, BOOLEAN), literal(null, BOOLEAN)), BOOLEAN, true, false, null))
                .containsExactly(null, false, null);
        assertThat(evaluate(call(Function.OR, BOOLEAN, literal(true, BOOLEAN), column(0, BOOLEAN)), BOOLEAN, false, null))
                .containsExactly(true, true);
        assertThat(evaluate(call(Function.AND, BOOLEAN, column(0, BOOLEAN), column(0, BOOLEAN)), BOOLEAN)).isEmpty();
    }
}
