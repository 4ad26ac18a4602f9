package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static org.assertj.core.api.Assertions.assertThat;

class InListTest {

    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;

    private static Expression in(Expression value, Expression... constants) {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(value);
        arguments.addAll(List.of(constants));
        return new Call(Function.IN, arguments, BOOLEAN);
    }

    @Test
    void threeValuedResult() {
        LogicalType type = LogicalType.BIGINT;
        Expression plain = in(column(0, type), literal(1L, type), literal(3L, type));
        assertThat(evaluate(plain, type, 1L, 2L, 3L, null)).containsExactly(true, false, true, null);
        Expression withNull = in(column(0, type), literal(1L, type), literal(null, type));
        assertThat(evaluate(withNull, type, 1L, 2L, null)).containsExactly(true, null, null);
        assertThat(evaluate(plain, type)).isEmpty();
    }

    @Test
    void shortAndLongListsOfEveryKindAgree() {
        Random random = new Random(3);
        for (int size : new int[] {1, 2, InListCompiler.LINEAR_LIMIT, InListCompiler.LINEAR_LIMIT + 1, 200}) {
            List<Expression> longs = new ArrayList<>();
            List<Expression> texts = new ArrayList<>();
            java.util.Set<Long> members = new java.util.HashSet<>();
            for (int k = 0; k < size; k++) {
                long value = random.nextInt(400) - 200;
                members.add(value);
                longs.add(literal(value, LogicalType.BIGINT));
                texts.add(literal("v" + value + "é", LogicalType.TEXT));
            }
            Object[] rows = new Object[500];
            Object[] textRows = new Object[500];
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                long value = random.nextInt(400) - 200;
                rows[i] = i % 50 == 0 ? null : value;
                textRows[i] = rows[i] == null ? null : "v" + value + "é";
                expected.add(rows[i] == null ? null : members.contains(value));
            }
            assertThat(evaluate(in(column(0, LogicalType.BIGINT), longs.toArray(new Expression[0])), LogicalType.BIGINT, rows))
                    .as("longs, " + size).containsExactlyElementsOf(expected);
            assertThat(evaluate(in(column(0, LogicalType.TEXT), texts.toArray(new Expression[0])), LogicalType.TEXT, textRows))
                    .as("text, " + size).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void doublesMatchInTheTotalOrder() {
        LogicalType type = LogicalType.DOUBLE;
        Expression expression = in(column(0, type), literal(0.0, type), literal(Double.NaN, type));
        assertThat(evaluate(expression, type, -0.0, Double.NaN, 1.0)).containsExactly(true, true, false);
    }

    @Test
    void constantsOfOtherScalesAndWideDecimals() {
        LogicalType money = LogicalType.decimal(15, 2);
        Expression expression = in(column(0, money), literal(1L, LogicalType.INTEGER), literal(decimal("2.5"), LogicalType.decimal(2, 1)),
                literal(decimal("0.125"), LogicalType.decimal(4, 3)));
        assertThat(evaluate(expression, money, decimal("1.00"), decimal("2.50"), decimal("0.13"))).containsExactly(true, true, false);
        Expression inexact = in(column(0, money), literal(decimal("1.234"), LogicalType.decimal(4, 3)),
                literal(decimal("100000000000000000000"), LogicalType.decimal(21, 0)));
        assertThat(evaluate(inexact, money, decimal("1.23"), null)).containsExactly(false, null);
        LogicalType wide = LogicalType.decimal(38, 0);
        Expression wideIn = in(column(0, wide), literal(decimal("12345678901234567890123"), wide));
        assertThat(evaluate(wideIn, wide, decimal("12345678901234567890123"), decimal("1"))).containsExactly(true, false);
    }

    @Test
    void booleansAndNonConstantLists() {
        assertThat(evaluate(in(column(0, BOOLEAN), literal(true, BOOLEAN)), BOOLEAN, true, false, null)).containsExactly(true, false, null);
        LogicalType type = LogicalType.BIGINT;
        Expression columnsInList = in(literal(2L, type), column(0, type), literal(5L, type));
        assertThat(evaluate(columnsInList, type, 2L, 3L, null)).containsExactly(true, false, null);
    }
}
