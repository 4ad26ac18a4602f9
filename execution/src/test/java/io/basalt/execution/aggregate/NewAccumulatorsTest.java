package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.SortKey;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.basalt.execution.aggregate.AccumulatorTestData.doubles;
import static io.basalt.execution.aggregate.AccumulatorTestData.longs;
import static io.basalt.execution.aggregate.AccumulatorTestData.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Variance, STRING_AGG, percentiles, MODE and APPROX_COUNT_DISTINCT: values, NULLs, empty groups and merging. */
class NewAccumulatorsTest {

    private final AccumulatorTestData data = new AccumulatorTestData();

    private static AggregateCall call(AggregateFunction function, int[] arguments, LogicalType type) {
        return new AggregateCall(function, arguments, false, -1, type, "a");
    }

    private static AggregateCall ordered(AggregateFunction function, int[] arguments, LogicalType type, List<SortKey> order,
                                         Double fraction) {
        return new AggregateCall(function, arguments, false, -1, type, "a", order, fraction);
    }

    @Test
    void varianceOfDoublesMergesAsOnePassAndIgnoresNulls() {
        int rows = 1001;
        Double[] values = new Double[rows];
        int[] groups = new int[rows];
        for (int i = 0; i < rows; i++) {
            // Large and close together: summing squares would lose every digit.
            values[i] = i % 10 == 0 ? null : 1e9 + i;
            groups[i] = i % 2;
        }
        // Group 2 gets no rows, group 3 (no rows either) checks the one-value case below.
        ColumnVector[] arguments = {doubles(values)};
        List<LogicalType> types = List.of(LogicalType.DOUBLE);
        for (AggregateFunction function : List.of(AggregateFunction.VAR_SAMP, AggregateFunction.STDDEV_POP)) {
            AggregateCall call = call(function, new int[] {0}, LogicalType.DOUBLE);
            DoubleVector whole = (DoubleVector) data.onePass(call, types, arguments, groups, 3);
            DoubleVector merged = (DoubleVector) data.merged(call, types, arguments, groups, 3, 377);
            for (int g = 0; g < 2; g++) {
                double expected = reference(values, groups, g, function);
                // Relative to the value: doubles near 1e9 keep about 7 digits after the point.
                assertThat(whole.get(g)).isCloseTo(expected, within(expected * 1e-9));
                assertThat(merged.get(g)).isCloseTo(expected, within(expected * 1e-9));
            }
            assertThat(whole.isNull(2)).isTrue();
            assertThat(merged.isNull(2)).isTrue();
        }
    }

    private static double reference(Double[] values, int[] groups, int group, AggregateFunction function) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (groups[i] == group && values[i] != null) {
                sum = sum.add(BigDecimal.valueOf(values[i]));
                count++;
            }
        }
        double mean = sum.doubleValue() / count;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            if (groups[i] == group && values[i] != null) {
                squares += (values[i] - mean) * (values[i] - mean);
            }
        }
        return function == AggregateFunction.VAR_SAMP ? squares / (count - 1) : Math.sqrt(squares / count);
    }

    @Test
    void sampleVarianceOfOneValueIsNullAndPopulationVarianceZero() {
        ColumnVector[] arguments = {longs(7L)};
        int[] groups = {0};
        assertThat(data.onePass(call(AggregateFunction.VAR_SAMP, new int[] {0}, LogicalType.DOUBLE), List.of(LogicalType.INTEGER),
                arguments, groups, 1).isNull(0)).isTrue();
        DoubleVector population = (DoubleVector) data.onePass(call(AggregateFunction.VAR_POP, new int[] {0}, LogicalType.DOUBLE),
                List.of(LogicalType.INTEGER), arguments, groups, 1);
        assertThat(population.get(0)).isZero();
    }

    @Test
    void decimalStandardDeviationIsExactToTheResultScale() {
        LogicalType decimal = LogicalType.decimal(10, 2);
        LogicalType result = LogicalType.decimal(38, 16);
        // 1.50, 2.50, 3.25: sample variance 0.7708333…, its root 0.8779711460710615…
        ColumnVector[] arguments = {longs(150L, null, 250L, 325L)};
        int[] groups = {0, 0, 0, 0};
        AggregateCall call = call(AggregateFunction.STDDEV_SAMP, new int[] {0}, result);
        Int128Vector whole = (Int128Vector) data.onePass(call, List.of(decimal), arguments, groups, 1);
        Int128Vector merged = (Int128Vector) data.merged(call, List.of(decimal), arguments, groups, 1, 2);
        BigDecimal expected = new BigDecimal("0.77083333333333333333333333333333333").sqrt(new java.math.MathContext(40))
                .setScale(16, java.math.RoundingMode.HALF_UP);
        assertThat(new BigDecimal(whole.getBigInteger(0), 16)).isEqualTo(expected);
        assertThat(merged.getBigInteger(0)).isEqualTo(whole.getBigInteger(0));
    }

    @Test
    void stringAggJoinsInTheCallsOrderWithEachRowsSeparator() {
        // value, separator, order key; group 1 only has a NULL value.
        ColumnVector[] arguments = {texts("b", "a", null, "c", null), texts(",", ";", ",", "-", ","),
                longs(2L, 1L, 3L, 0L, 5L)};
        int[] groups = {0, 0, 0, 0, 1};
        List<LogicalType> types = List.of(LogicalType.TEXT, LogicalType.TEXT, LogicalType.INTEGER);
        AggregateCall call = ordered(AggregateFunction.STRING_AGG, new int[] {0, 1}, LogicalType.TEXT,
                List.of(new SortKey(2, true, false)), null);
        for (ColumnVector result : List.of(data.onePass(call, types, arguments, groups, 2),
                data.merged(call, types, arguments, groups, 2, 2))) {
            // c (0), a (1), b (2): the first value's separator is dropped, the others bring their own.
            assertThat(((BytesVector) result).getString(0)).isEqualTo("c;a,b");
            assertThat(result.isNull(1)).isTrue();
        }
    }

    @Test
    void percentilesInterpolateOrPickAndFollowTheOrderDirection() {
        Long[] values = {5L, null, 1L, 10L, 3L, 2L, 9L, 4L, null, 8L, 7L, 6L};
        int[] groups = new int[values.length];
        ColumnVector[] arguments = {longs(values)};
        List<LogicalType> types = List.of(LogicalType.INTEGER);
        List<SortKey> ascending = List.of(new SortKey(0, true, false));
        List<SortKey> descending = List.of(new SortKey(0, false, true));
        assertThat(percentile(AggregateFunction.PERCENTILE_CONT, 0.25, ascending, arguments, groups, types)).isEqualTo(3.25);
        assertThat(percentile(AggregateFunction.PERCENTILE_CONT, 0.25, descending, arguments, groups, types)).isEqualTo(7.75);
        assertThat(percentile(AggregateFunction.PERCENTILE_CONT, 1.0, ascending, arguments, groups, types)).isEqualTo(10.0);
        assertThat(percentile(AggregateFunction.PERCENTILE_DISC, 0.25, ascending, arguments, groups, types)).isEqualTo(3L);
        assertThat(percentile(AggregateFunction.PERCENTILE_DISC, 0.0, ascending, arguments, groups, types)).isEqualTo(1L);
        assertThat(percentile(AggregateFunction.PERCENTILE_DISC, 0.5, descending, arguments, groups, types)).isEqualTo(6L);
    }

    private Object percentile(AggregateFunction function, double fraction, List<SortKey> order, ColumnVector[] arguments,
                              int[] groups, List<LogicalType> types) {
        LogicalType type = function == AggregateFunction.PERCENTILE_CONT ? LogicalType.DOUBLE : LogicalType.INTEGER;
        AggregateCall call = ordered(function, new int[0], type, order, fraction);
        ColumnVector whole = data.onePass(call, types, arguments, groups, 1);
        ColumnVector merged = data.merged(call, types, arguments, groups, 1, 5);
        Object value = whole instanceof DoubleVector d ? (Object) d.get(0) : (Object) ((LongVector) whole).get(0);
        Object mergedValue = merged instanceof DoubleVector d ? (Object) d.get(0) : (Object) ((LongVector) merged).get(0);
        assertThat(mergedValue).isEqualTo(value);
        return value;
    }

    @Test
    void aFractionOutsideZeroToOneFailsEvenForAnEmptyGroupAndANullFractionGivesNull() {
        List<SortKey> order = List.of(new SortKey(0, true, false));
        ColumnVector[] arguments = {longs()};
        AggregateCall outside = ordered(AggregateFunction.PERCENTILE_CONT, new int[0], LogicalType.DOUBLE, order, 1.5);
        assertThatThrownBy(() -> data.onePass(outside, List.of(LogicalType.INTEGER), arguments, new int[0], 1))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"))
                .hasMessage("percentile value 1.5 is not between 0 and 1");
        AggregateCall unknown = ordered(AggregateFunction.PERCENTILE_DISC, new int[0], LogicalType.INTEGER, order, null);
        assertThat(data.onePass(unknown, List.of(LogicalType.INTEGER), new ColumnVector[] {longs(1L)}, new int[] {0}, 1)
                .isNull(0)).isTrue();
    }

    @Test
    void modeTakesTheFirstOfEquallyFrequentValuesInTheCallsOrder() {
        ColumnVector[] arguments = {longs(3L, 1L, null, 3L, 1L, 2L, null, null)};
        int[] groups = new int[8];
        List<LogicalType> types = List.of(LogicalType.INTEGER);
        AggregateCall ascending = ordered(AggregateFunction.MODE, new int[0], LogicalType.INTEGER,
                List.of(new SortKey(0, true, false)), null);
        AggregateCall descending = ordered(AggregateFunction.MODE, new int[0], LogicalType.INTEGER,
                List.of(new SortKey(0, false, true)), null);
        assertThat(((LongVector) data.merged(ascending, types, arguments, groups, 1, 3)).get(0)).isEqualTo(1L);
        assertThat(((LongVector) data.merged(descending, types, arguments, groups, 1, 3)).get(0)).isEqualTo(3L);
    }

    @Test
    void approximateDistinctCountMergesExactlyAndStaysClose() {
        int rows = 30_000;
        Long[] values = new Long[rows];
        for (int i = 0; i < rows; i++) {
            // 10,000 distinct values, each three times, spread over both halves.
            values[i] = i % 1000 == 0 ? null : (long) (i % 10_000);
        }
        ColumnVector[] arguments = {longs(values)};
        int[] groups = new int[rows];
        AggregateCall call = call(AggregateFunction.APPROX_COUNT_DISTINCT, new int[] {0}, LogicalType.BIGINT);
        List<LogicalType> types = List.of(LogicalType.BIGINT);
        long whole = ((LongVector) data.onePass(call, types, arguments, groups, 2)).get(0);
        long merged = ((LongVector) data.merged(call, types, arguments, groups, 2, 12_345)).get(0);
        assertThat(merged).isEqualTo(whole);
        assertThat((double) whole).isCloseTo(9_990, within(9_990 * 0.1));
        assertThat(((LongVector) data.onePass(call, types, arguments, groups, 2)).get(1)).isZero();
    }
}
