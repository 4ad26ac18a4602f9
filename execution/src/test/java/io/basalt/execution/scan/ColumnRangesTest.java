package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.storage.segment.DoubleZoneMap;
import io.basalt.storage.segment.LongZoneMap;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnRangesTest {

    private static final LogicalType MONEY = LogicalType.decimal(15, 2);
    private static final List<LogicalType> TYPES = List.of(LogicalType.DATE, MONEY, LogicalType.TEXT, LogicalType.BIGINT);

    private static Expression compare(Function function, Expression left, Expression right) {
        return Call.of(function, LogicalType.BOOLEAN, left, right);
    }

    private static ColumnReference column(int index) {
        return new ColumnReference(index, TYPES.get(index));
    }

    private static Expression and(Expression... conjuncts) {
        return Call.of(Function.AND, LogicalType.BOOLEAN, conjuncts);
    }

    @Test
    void comparisonsWithConstantsBecomeOneRangePerColumnAndTheRestStays() {
        Expression textTest = compare(Function.EQUAL, column(2), new Literal("MAIL", LogicalType.TEXT));
        Expression filter = and(
                and(compare(Function.GREATER_THAN_OR_EQUAL, column(0), new Literal(8766L, LogicalType.DATE)),
                        compare(Function.LESS_THAN, column(0), new Literal(9131L, LogicalType.DATE))),
                // constant on the left: 5 < discount, i.e. discount > 5
                compare(Function.LESS_THAN, new Literal(5L, MONEY), column(1)),
                compare(Function.LESS_THAN_OR_EQUAL, column(1), new Literal(7L, MONEY)),
                textTest,
                compare(Function.NOT_EQUAL, column(3), new Literal(4L, LogicalType.BIGINT)));

        ColumnRanges ranges = ColumnRanges.of(Optional.of(filter), TYPES);

        assertThat(ranges.ranges()).containsExactly(new ColumnRanges.Range(0, 8766, 9130), new ColumnRanges.Range(1, 6, 7));
        Expression residual = ranges.residual().orElseThrow();
        assertThat(residual).isInstanceOf(Call.class);
        assertThat(((Call) residual).function()).isEqualTo(Function.AND);
        assertThat(((Call) residual).arguments()).hasSize(2).startsWith(textTest);
    }

    @Test
    void aConstantOfAnotherScaleIsLeftToTheFilter() {
        Expression filter = compare(Function.LESS_THAN, column(1), new Literal(24L, LogicalType.decimal(15, 0)));
        ColumnRanges ranges = ColumnRanges.of(Optional.of(filter), TYPES);
        assertThat(ranges.ranges()).isEmpty();
        assertThat(ranges.residual()).contains(filter);
        assertThat(ColumnRanges.of(Optional.empty(), TYPES).ranges()).isEmpty();
    }

    @Test
    void boundsAtTheEndsOfLongAndContradictionsSelectNothing() {
        Expression belowMinimum = compare(Function.LESS_THAN, column(3), new Literal(Long.MIN_VALUE, LogicalType.BIGINT));
        Expression aboveMaximum = compare(Function.GREATER_THAN, column(3), new Literal(Long.MAX_VALUE, LogicalType.BIGINT));
        Expression contradiction = and(compare(Function.EQUAL, column(3), new Literal(3L, LogicalType.BIGINT)),
                compare(Function.GREATER_THAN, column(3), new Literal(3L, LogicalType.BIGINT)));
        LongVector values = vector(Long.MIN_VALUE, 3, Long.MAX_VALUE);
        int[] out = new int[3];
        for (Expression filter : List.of(belowMinimum, aboveMaximum, contradiction)) {
            ColumnRanges ranges = ColumnRanges.of(Optional.of(filter), TYPES);
            assertThat(ranges.residual()).isEmpty();
            assertThat(ranges.ranges().get(0).select(values, null, 3, out)).isZero();
        }
        Expression everything = compare(Function.GREATER_THAN_OR_EQUAL, column(3), new Literal(Long.MIN_VALUE, LogicalType.BIGINT));
        assertThat(ColumnRanges.of(Optional.of(everything), TYPES).ranges().get(0).select(values, null, 3, out)).isEqualTo(3);
    }

    @Test
    void selectionKeepsRowsInRangeAndDropsNulls() {
        LongVector values = vector(-5, 0, 5, 10, 11, Long.MIN_VALUE, Long.MAX_VALUE);
        values.appendNull();
        ColumnRanges.Range range = new ColumnRanges.Range(0, 0, 10);
        int[] out = new int[8];
        assertThat(range.select(values, null, 8, out)).isEqualTo(3);
        assertThat(out).startsWith(1, 2, 3);

        int[] positions = {0, 2, 3, 7};
        assertThat(range.select(values, positions, 4, positions)).isEqualTo(2); // in place
        assertThat(positions).startsWith(2, 3);

        LongVector gathered = vector(5, 100);
        gathered.appendNull();
        int[] rows = {20, 30, 40};
        assertThat(range.selectGathered(gathered, rows, 3, rows)).isEqualTo(1);
        assertThat(rows[0]).isEqualTo(20);
    }

    private static LongVector vector(long... values) {
        LongVector vector = new LongVector(values.length + 1);
        for (long value : values) {
            vector.append(value);
        }
        return vector;
    }

    @Test
    void aBlockHoldsEveryRowOnlyWhenItsZoneMapLiesInsideTheRangeWithoutNulls() {
        ColumnRanges.Range range = new ColumnRanges.Range(0, 10, 20);

        assertThat(range.holdsEveryRow(new LongZoneMap(100, 0, 10, 20))).isTrue();
        assertThat(range.holdsEveryRow(new LongZoneMap(100, 0, 12, 15))).isTrue();
        assertThat(range.holdsEveryRow(new LongZoneMap(100, 0, 9, 15))).isFalse();
        assertThat(range.holdsEveryRow(new LongZoneMap(100, 0, 12, 21))).isFalse();
        assertThat(range.holdsEveryRow(new LongZoneMap(100, 1, 12, 15))).as("a NULL row fails").isFalse();
        assertThat(range.holdsEveryRow(new LongZoneMap(0, 0, 0, 0))).isFalse();
        assertThat(new ColumnRanges.Range(0, 20, 10).holdsEveryRow(new LongZoneMap(100, 0, 12, 15))).as("empty range").isFalse();
        assertThat(range.holdsEveryRow(new DoubleZoneMap(100, 0, 12, 15, false))).isFalse();
    }
}
