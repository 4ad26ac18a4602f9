package io.basalt.execution.aggregate;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows sorted into runs of one group ({@link GroupRuns}) and added run by run ({@link Accumulator#addRuns}) give
 * exactly what adding them row by row gives: sums past the long range, INT128 values beyond a long, NULLs, groups
 * without rows, COUNT of nullable columns, and accumulators that keep the row-by-row default.
 */
class GroupRunsTest {

    private final AccumulatorTestData data = new AccumulatorTestData();

    @Test
    void sortKeepsEachGroupsRowsTogetherInTheirOrder() {
        GroupRuns runs = new GroupRuns();
        int[] positions = {0, 2, 3, 5, 6, 7, 9};
        int[] groups = {3, 0, 3, 1, 0, 3, 1};
        runs.sort(positions, groups, positions.length, 5);

        assertThat(runs.rowCount()).isEqualTo(7);
        assertThat(runs.runCount()).isEqualTo(3); // groups 2 and 4 have no rows: no run
        assertThat(java.util.Arrays.copyOf(runs.rows(), 7)).containsExactly(2, 6, 5, 9, 0, 3, 7);
        assertThat(java.util.Arrays.copyOf(runs.runStarts(), 4)).containsExactly(0, 2, 4, 7);
        assertThat(java.util.Arrays.copyOf(runs.runGroups(), 3)).containsExactly(0, 1, 3);

        // Reused for a smaller batch of more groups.
        runs.sort(new int[] {1, 0}, new int[] {7, 7}, 2, 8);
        assertThat(runs.runCount()).isEqualTo(1);
        assertThat(runs.runGroups()[0]).isEqualTo(7);
        assertThat(java.util.Arrays.copyOf(runs.rows(), 2)).containsExactly(1, 0);
    }

    @Test
    void sortingPaysOnlyForFewGroupsOfManyRows() {
        assertThat(GroupRuns.pays(4, 65_536)).isTrue();
        assertThat(GroupRuns.pays(4, 63)).isFalse();
        assertThat(GroupRuns.pays(GroupRuns.MAX_GROUPS + 1, 1 << 30)).isFalse();
    }

    @Test
    void decimalSumsAndAveragesByRunEqualRowByRowPastTheLongRange() {
        // Values near 2^62 overflow a group's long every few rows; a fifth of the rows is NULL; group 5 gets none.
        Random random = new Random(11);
        Long[] values = new Long[3_000];
        int[] groups = new int[values.length];
        for (int row = 0; row < values.length; row++) {
            values[row] = random.nextInt(5) == 0 ? null : random.nextLong() >> 1;
            groups[row] = random.nextInt(5);
        }
        ColumnVector[] arguments = {AccumulatorTestData.longs(values)};
        LogicalType argument = LogicalType.decimal(18, 2);
        assertRunsMatchRows(call(AggregateFunction.SUM, LogicalType.decimal(38, 2)), argument, arguments, groups, 6);
        assertRunsMatchRows(call(AggregateFunction.AVG, LogicalType.decimal(38, 6)), argument, arguments, groups, 6);
        assertRunsMatchRows(call(AggregateFunction.COUNT, LogicalType.BIGINT), argument, arguments, groups, 6);
        assertRunsMatchRows(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "c"),
                argument, new ColumnVector[0], groups, 6);
        assertRunsMatchRows(call(AggregateFunction.MAX, argument), argument, arguments, groups, 6);
    }

    @Test
    void sumsOfLongsWithoutNullsByRunEqualRowByRow() {
        Random random = new Random(5);
        Long[] values = new Long[2_000];
        int[] groups = new int[values.length];
        for (int row = 0; row < values.length; row++) {
            values[row] = row % 7 == 0 ? Long.MIN_VALUE : random.nextLong();
            groups[row] = row % 3;
        }
        ColumnVector[] arguments = {AccumulatorTestData.longs(values)};
        assertRunsMatchRows(call(AggregateFunction.SUM, LogicalType.decimal(38, 0)), LogicalType.BIGINT, arguments, groups, 3);
        assertRunsMatchRows(call(AggregateFunction.AVG, LogicalType.decimal(38, 0)), LogicalType.BIGINT, arguments, groups, 3);
    }

    @Test
    void wideSumsByRunEqualRowByRow() {
        // INT128 values: most fit a long, some are beyond 2^64 either way; with and without NULLs.
        Random random = new Random(3);
        for (boolean withNulls : new boolean[] {false, true}) {
            Int128Vector vector = new Int128Vector(1_000);
            int[] groups = new int[1_000];
            for (int row = 0; row < groups.length; row++) {
                groups[row] = random.nextInt(4);
                if (withNulls && row % 9 == 0) {
                    vector.appendNull();
                } else if (row % 13 == 0) {
                    vector.append(BigInteger.valueOf(random.nextLong()).shiftLeft(10 + random.nextInt(40)));
                } else {
                    vector.append(BigInteger.valueOf(random.nextLong() >> 2));
                }
            }
            LogicalType type = LogicalType.decimal(38, 4);
            assertRunsMatchRows(call(AggregateFunction.SUM, type), type, new ColumnVector[] {vector}, groups, 4);
            assertRunsMatchRows(call(AggregateFunction.AVG, LogicalType.decimal(38, 6)), type, new ColumnVector[] {vector},
                    groups, 4);
        }
    }

    private static AggregateCall call(AggregateFunction function, LogicalType result) {
        return new AggregateCall(function, new int[] {0}, false, -1, result, "a");
    }

    /** The call's results over all rows, added in several batches row by row and, in another accumulator, by runs. */
    private void assertRunsMatchRows(AggregateCall call, LogicalType argumentType, ColumnVector[] arguments, int[] groupIds,
                                     int groupCount) {
        List<LogicalType> types = List.of(argumentType);
        Accumulator byRows = data.create(call, types);
        Accumulator byRuns = data.create(call, types);
        byRows.ensureGroups(groupCount);
        byRuns.ensureGroups(groupCount);
        GroupRuns runs = new GroupRuns();
        int rowCount = groupIds.length;
        int batchRows = 700;
        for (int from = 0; from < rowCount; from += batchRows) {
            int count = Math.min(batchRows, rowCount - from);
            int[] positions = new int[count];
            int[] groups = new int[count];
            for (int i = 0; i < count; i++) {
                positions[i] = from + i;
                groups[i] = groupIds[from + i];
            }
            byRows.add(groupIds, arguments, positions, count);
            runs.sort(positions, groups, count, groupCount);
            byRuns.addRuns(runs, groupIds, arguments);
        }
        assertThat(values(byRuns.result(0, groupCount))).isEqualTo(values(byRows.result(0, groupCount)));
    }

    private static List<Object> values(ColumnVector vector) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < vector.positionCount(); i++) {
            if (vector.isNull(i)) {
                values.add(null);
            } else if (vector instanceof Int128Vector wide) {
                values.add(wide.getBigInteger(i));
            } else {
                values.add(((LongVector) vector).values()[i]);
            }
        }
        return values;
    }
}
