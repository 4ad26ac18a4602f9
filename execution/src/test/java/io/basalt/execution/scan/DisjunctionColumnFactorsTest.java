package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisjunctionColumnFactorsTest {

    private static final List<LogicalType> TYPES = List.of(LogicalType.TEXT, LogicalType.TEXT, LogicalType.BIGINT);

    private static ColumnReference column(int index) {
        return new ColumnReference(index, TYPES.get(index));
    }

    private static Expression equal(int column, Object value) {
        return Call.of(Function.EQUAL, LogicalType.BOOLEAN, column(column), new Literal(value, TYPES.get(column)));
    }

    private static Expression between(int column, long low, long high) {
        return and(Call.of(Function.GREATER_THAN_OR_EQUAL, LogicalType.BOOLEAN, column(column),
                        new Literal(low, LogicalType.BIGINT)),
                Call.of(Function.LESS_THAN_OR_EQUAL, LogicalType.BOOLEAN, column(column), new Literal(high, LogicalType.BIGINT)));
    }

    private static Expression and(Expression... conjuncts) {
        return Call.of(Function.AND, LogicalType.BOOLEAN, conjuncts);
    }

    private static Expression or(Expression... branches) {
        return Call.of(Function.OR, LogicalType.BOOLEAN, branches);
    }

    @Test
    void everyColumnThatEveryBranchTestsGetsTheOrOfTheBranchesTests() {
        // Q19's part filter: (brand AND container AND size range) OR (...) OR (...)
        Expression disjunction = or(
                and(equal(0, "Brand#12"), equal(1, "SM BOX"), between(2, 1, 5)),
                and(equal(0, "Brand#23"), equal(1, "MED BAG"), between(2, 1, 10)),
                and(equal(0, "Brand#34"), equal(1, "LG BOX"), between(2, 1, 15)));

        var factors = DisjunctionColumnFactors.of(disjunction);

        assertThat(factors).containsOnlyKeys(0, 1, 2);
        assertThat(factors.get(0)).isEqualTo(or(equal(0, "Brand#12"), equal(0, "Brand#23"), equal(0, "Brand#34")));
        // a branch's several tests on one column stay together (ANDed)
        assertThat(factors.get(2)).isEqualTo(or(
                and(((Call) between(2, 1, 5)).arguments().toArray(Expression[]::new)),
                and(((Call) between(2, 1, 10)).arguments().toArray(Expression[]::new)),
                and(((Call) between(2, 1, 15)).arguments().toArray(Expression[]::new))));
    }

    @Test
    void aColumnMissingFromOneBranchImpliesNothingAndAlikeTestsAreNotRepeated() {
        Expression disjunction = or(
                and(equal(0, "AIR"), equal(2, 1L)),
                and(equal(0, "AIR"), equal(1, "x")),
                // a nested OR is one more branch
                or(and(equal(0, "AIR"), equal(2, 2L)), and(equal(1, "y"), equal(2, 3L))));

        assertThat(DisjunctionColumnFactors.of(disjunction)).isEmpty();
        assertThat(DisjunctionColumnFactors.of(or(and(equal(0, "AIR"), equal(2, 1L)), and(equal(0, "AIR"), equal(1, "x")))))
                .containsExactly(java.util.Map.entry(0, equal(0, "AIR")));
    }

    @Test
    void testsThatCanFailOrReadSeveralColumnsAreNotTaken() {
        Expression division = Call.of(Function.EQUAL, LogicalType.BOOLEAN,
                Call.of(Function.DIVIDE, LogicalType.BIGINT, new Literal(10L, LogicalType.BIGINT), column(2)),
                new Literal(5L, LogicalType.BIGINT));
        Expression twoColumns = Call.of(Function.EQUAL, LogicalType.BOOLEAN, column(0), column(1));
        Expression disjunction = or(and(division, twoColumns, equal(0, "a")), and(division, equal(0, "b")));

        assertThat(DisjunctionColumnFactors.of(disjunction)).containsOnlyKeys(0);
        assertThat(DisjunctionColumnFactors.of(and(equal(0, "a"), equal(1, "b")))).isEmpty();
        assertThat(DisjunctionColumnFactors.of(equal(0, "a"))).isEmpty();
    }
}
