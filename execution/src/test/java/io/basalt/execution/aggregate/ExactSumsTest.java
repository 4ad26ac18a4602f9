package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.aggregate.AccumulatorTestData.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exact SUM and AVG of short decimals and integers, which add in plain longs folded into 128 bits when a long would
 * overflow: sums must stay exact (as BigInteger arithmetic says) right at and past the point where a long overflows,
 * in one group and in many, with NULLs, merges, negative values and INT128 inputs.
 */
class ExactSumsTest {

    private static final LogicalType SUM_TYPE = LogicalType.decimal(38, 0);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final AccumulatorTestData data = new AccumulatorTestData();

    private static AggregateCall sum(LogicalType type) {
        return new AggregateCall(AggregateFunction.SUM, new int[] {0}, false, -1, type, "s");
    }

    /** Adds {@code batches} batches of {@code values} (all to group {@code row % groups}) and returns the sums. */
    private Int128Vector sumInBatches(LogicalType argumentType, long[] values, int batches, int groups) {
        Accumulator accumulator = data.create(sum(SUM_TYPE), List.of(argumentType));
        accumulator.ensureGroups(groups);
        LongVector vector = new LongVector(values.length);
        for (long value : values) {
            vector.append(value);
        }
        int[] groupIds = new int[values.length];
        for (int row = 0; row < values.length; row++) {
            groupIds[row] = row % groups;
        }
        for (int batch = 0; batch < batches; batch++) {
            accumulator.add(groupIds, new ColumnVector[] {vector}, AccumulatorTestData.all(values.length), values.length);
        }
        return (Int128Vector) accumulator.result(0, groups);
    }

    private static BigInteger expectedSum(long[] values, int batches, int groups, int group) {
        BigInteger total = BigInteger.ZERO;
        for (int row = group; row < values.length; row += groups) {
            total = total.add(BigInteger.valueOf(values[row]));
        }
        return total.multiply(BigInteger.valueOf(batches));
    }

    @Test
    void decimalsAtTheirPrecisionsLimitSumPastTheLongRangeExactly() {
        // DECIMAL(18,0) at its largest: nine fit a long (9 × 10^18 < 2^63), the tenth overflows it and is folded
        // into 128 bits; 100 of them exceed 2^63 many times over.
        long largest = 999_999_999_999_999_999L;
        long[] values = {largest, largest, largest, largest};
        Int128Vector sums = sumInBatches(LogicalType.decimal(18, 0), values, 25, 1);
        BigInteger expected = BigInteger.valueOf(largest).multiply(BigInteger.valueOf(100));
        assertThat(expected).isGreaterThan(LONG_MAX);
        assertThat(sums.getBigInteger(0)).isEqualTo(expected);
    }

    @Test
    void negativeDecimalsAtTheLimitSumExactly() {
        long smallest = -999_999_999_999_999_999L;
        long[] values = {smallest, smallest, 1, smallest};
        Int128Vector sums = sumInBatches(LogicalType.decimal(18, 0), values, 31, 2);
        assertThat(sums.getBigInteger(0)).isEqualTo(expectedSum(values, 31, 2, 0));
        assertThat(sums.getBigInteger(1)).isEqualTo(expectedSum(values, 31, 2, 1));
        assertThat(sums.getBigInteger(0)).isLessThan(LONG_MAX.negate());
    }

    @Test
    void aLongSumExactlyAtAndOnePastItsLimits() {
        // One group reaches Long.MAX_VALUE exactly and then one past it; the other Long.MIN_VALUE and one below.
        long[] values = {Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 1, -1, 1, -1};
        Int128Vector sums = sumInBatches(LogicalType.BIGINT, values, 1, 2);
        assertThat(sums.getBigInteger(0)).isEqualTo(LONG_MAX.add(BigInteger.ONE));
        assertThat(sums.getBigInteger(1)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));
        Int128Vector exact = sumInBatches(LogicalType.BIGINT, new long[] {Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 1, -1}, 1, 2);
        assertThat(exact.getBigInteger(0)).isEqualTo(LONG_MAX);
        assertThat(exact.getBigInteger(1)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE));
    }

    @Test
    void bigintExtremesAddInOneHundredTwentyEightBits() {
        // Nearly every add overflows the long: each is folded into 128 bits.
        long[] values = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE, Long.MIN_VALUE};
        Int128Vector sums = sumInBatches(LogicalType.BIGINT, values, 3, 2);
        assertThat(sums.getBigInteger(0)).isEqualTo(expectedSum(values, 3, 2, 0));
        assertThat(sums.getBigInteger(1)).isEqualTo(expectedSum(values, 3, 2, 1));
    }

    @Test
    void bigintsNearTheBatchBoundStayExactAcrossManyBatches() {
        // Sums that approach 2^63 from both sides; and Long.MIN_VALUE, whose negation a long cannot hold.
        long[] values = {1L << 61, -(1L << 61) + 3};
        Int128Vector sums = sumInBatches(LogicalType.BIGINT, values, 9, 1);
        assertThat(sums.getBigInteger(0)).isEqualTo(expectedSum(values, 9, 1, 0));
        long[] withMinimum = {1L << 61, Long.MIN_VALUE};
        Int128Vector extreme = sumInBatches(LogicalType.BIGINT, withMinimum, 5, 1);
        assertThat(extreme.getBigInteger(0)).isEqualTo(expectedSum(withMinimum, 5, 1, 0));
    }

    @Test
    void manyGroupsSumExactly() {
        // 5000 groups, one row each per batch, values up to 2^47: no long overflows.
        Random random = new Random(42);
        long[] values = new long[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong() >> 16;
        }
        Int128Vector sums = sumInBatches(LogicalType.BIGINT, values, 40, 5000);
        for (int group = 0; group < 5000; group += 499) {
            assertThat(sums.getBigInteger(group)).isEqualTo(expectedSum(values, 40, 5000, group));
        }
    }

    @Test
    void groupsNeverAddedToSumToNull() {
        // 20000 groups, 1000 of them used, values up to 2^51 (12 adds never overflow) and groups never added to.
        Random random = new Random(7);
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong() >> 12;
        }
        Int128Vector sums = sumInBatches(LogicalType.BIGINT, values, 12, 20000);
        for (int group = 0; group < 1000; group += 37) {
            assertThat(sums.getBigInteger(group)).isEqualTo(expectedSum(values, 12, 20000, group));
        }
        assertThat(sums.isNull(1000)).isTrue();
    }

    /**
     * Sums added together, two per pass ({@link ExactSums#addEveryRow(BatchGroups, ExactSums[], ColumnVector[], int)}),
     * LONG and INT128 arguments mixed, values that overflow a long when summed and INT128 values beyond a long: the same
     * totals as BigInteger arithmetic, for one to five sums at a time (odd counts leave one sum alone), in batches of
     * three groups and of one (an aggregate without GROUP BY, summed in a register).
     */
    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {1, 3})
    void sumsAddedTogetherMatchBigIntegerSums(int groupCount) {
        Random random = new Random(5);
        for (int n = 1; n <= 5; n++) {
            ExactSums[] sums = emptySums(n, groupCount);
            BigInteger[][] expected = zeros(n, groupCount);
            for (int batch = 0; batch < 4; batch++) {
                int rows = 1 + random.nextInt(200);
                int[] groupIds = randomGroupIds(random, rows, groupCount);
                ColumnVector[] arguments = new ColumnVector[n];
                for (int k = 0; k < n; k++) {
                    boolean wide = (k + batch) % 2 == 1;
                    LongVector longs = new LongVector(rows);
                    Int128Vector int128s = new Int128Vector(rows);
                    for (int row = 0; row < rows; row++) {
                        BigInteger value = switch (random.nextInt(4)) {
                            case 0 -> BigInteger.valueOf(Long.MAX_VALUE - random.nextInt(3));
                            case 1 -> BigInteger.valueOf(Long.MIN_VALUE + random.nextInt(3));
                            case 2 -> wide ? BigInteger.ONE.shiftLeft(64 + random.nextInt(30)).negate()
                                    : BigInteger.valueOf(random.nextLong());
                            default -> BigInteger.valueOf(random.nextInt(1000) - 500);
                        };
                        if (wide) {
                            int128s.append(value.shiftRight(64).longValue(), value.longValue());
                        } else {
                            longs.append(value.longValue());
                        }
                        expected[k][groupIds[row]] = expected[k][groupIds[row]].add(value);
                    }
                    arguments[k] = wide ? int128s : longs;
                }
                ExactSums.addEveryRow(new BatchGroups(groupIds, AccumulatorTestData.all(rows), rows, groupCount), sums,
                        arguments, n);
            }
            assertSumsAre(sums, expected);
        }
    }

    /**
     * Arguments declaring a magnitude bound ({@link LongVector#magnitudeBound}) are added without the overflow test
     * while the pending longs' bound leaves room: values at their bound, batches whose bounds exhaust that room (every
     * group folded first, or, with more groups than the batch has rows, the checked add instead), mixed with batches
     * without a bound and INT128 ones. The totals pass 2<sup>63</sup> many times and must equal BigInteger sums, one to
     * five sums at a time, for one group (summed in a register), a few groups, and more groups than rows.
     */
    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {1, 3, 500})
    void sumsOfBoundedArgumentsStayExactAsTheirRoomRunsOut(int groupCount) {
        Random random = new Random(11);
        for (int n = 1; n <= 5; n++) {
            ExactSums[] sums = emptySums(n, groupCount);
            BigInteger[][] expected = zeros(n, groupCount);
            for (int batch = 0; batch < 60; batch++) {
                int rows = 1 + random.nextInt(200);
                int[] groupIds = randomGroupIds(random, rows, groupCount);
                ColumnVector[] arguments = new ColumnVector[n];
                for (int k = 0; k < n; k++) {
                    int kind = random.nextInt(32); // 0: no bound, 1: INT128, else bounded at 2^52 .. 2^55
                    long bound = kind < 2 ? Long.MAX_VALUE : 1L << (52 + random.nextInt(4));
                    LongVector longs = new LongVector(rows);
                    Int128Vector int128s = new Int128Vector(rows);
                    for (int row = 0; row < rows; row++) {
                        long sign = k % 2 == 0 ? 1 : -1; // each sum heads one way, past the long range
                        long value = switch (random.nextInt(8)) {
                            case 0 -> -sign * bound;
                            case 1 -> random.nextLong() % bound;
                            default -> sign * bound;
                        };
                        if (kind == 1) {
                            int128s.append(value >> 63, value);
                        } else {
                            longs.append(value);
                        }
                        expected[k][groupIds[row]] = expected[k][groupIds[row]].add(BigInteger.valueOf(value));
                    }
                    if (kind >= 2) {
                        longs.declareMagnitudeBound(bound);
                    }
                    arguments[k] = kind == 1 ? int128s : longs;
                }
                BatchGroups groups = new BatchGroups(groupIds, AccumulatorTestData.all(rows), rows, groupCount);
                if (n == 1) {
                    sums[0].addEveryRow(groups, arguments[0], null);
                } else {
                    ExactSums.addEveryRow(groups, sums, arguments, n);
                }
            }
            assertSumsAre(sums, expected);
        }
    }

    private static ExactSums[] emptySums(int n, int groupCount) {
        ExactSums[] sums = new ExactSums[n];
        for (int k = 0; k < n; k++) {
            sums[k] = new ExactSums();
            sums[k].resize(groupCount);
        }
        return sums;
    }

    private static BigInteger[][] zeros(int n, int groupCount) {
        BigInteger[][] totals = new BigInteger[n][groupCount];
        for (BigInteger[] row : totals) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        return totals;
    }

    private static int[] randomGroupIds(Random random, int rows, int groupCount) {
        int[] groupIds = new int[rows];
        for (int row = 0; row < rows; row++) {
            groupIds[row] = random.nextInt(groupCount);
        }
        return groupIds;
    }

    private static void assertSumsAre(ExactSums[] sums, BigInteger[][] expected) {
        for (int k = 0; k < sums.length; k++) {
            for (int group = 0; group < expected[k].length; group++) {
                assertThat(sums[k].toBigInteger(group)).as("sum %d of %d, group %d", k, sums.length, group)
                        .isEqualTo(expected[k][group]);
            }
        }
    }

    @Test
    void aVectorForgetsItsMagnitudeBoundWhenWrittenAgain() {
        LongVector vector = new LongVector(4);
        vector.append(3);
        vector.declareMagnitudeBound(3);
        assertThat(vector.magnitudeBound()).isEqualTo(3);
        vector.set(0, 1L << 40);
        assertThat(vector.magnitudeBound()).isEqualTo(Long.MAX_VALUE);
        vector.declareMagnitudeBound(1L << 40);
        vector.append(-(1L << 50));
        assertThat(vector.magnitudeBound()).isEqualTo(Long.MAX_VALUE);
        vector.declareMagnitudeBound(1L << 50);
        vector.setPositionCount(2);
        assertThat(vector.magnitudeBound()).isEqualTo(Long.MAX_VALUE);
        vector.declareMagnitudeBound(1L << 50);
        vector.reset();
        assertThat(vector.magnitudeBound()).isEqualTo(Long.MAX_VALUE);
        assertThat(LongVector.magnitude(Long.MIN_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(LongVector.magnitude(-5)).isEqualTo(5);
        assertThatThrownBy(() -> vector.declareMagnitudeBound(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wideDecimalsThatFitALongAddAsLongsAndOthersStayExact() {
        // DECIMAL(38,0) values (INT128 vectors): batches of small values take the long path, a batch with a value
        // beyond 2^63 the 128-bit one; both into the same group, with a NULL.
        Accumulator accumulator = data.create(sum(SUM_TYPE), List.of(SUM_TYPE));
        accumulator.ensureGroups(2);
        BigInteger huge = BigInteger.ONE.shiftLeft(70).negate();
        BigInteger expected = BigInteger.ZERO;
        for (int batch = 0; batch < 6; batch++) {
            Int128Vector vector = new Int128Vector(3);
            BigInteger[] values = {BigInteger.valueOf(Long.MAX_VALUE / 4), batch == 3 ? huge : BigInteger.valueOf(-7), null};
            for (BigInteger value : values) {
                if (value == null) {
                    vector.appendNull();
                } else {
                    vector.append(value.shiftRight(64).longValue(), value.longValue());
                    expected = expected.add(value);
                }
            }
            accumulator.add(new int[] {0, 0, 1}, new ColumnVector[] {vector}, AccumulatorTestData.all(3), 3);
        }
        Int128Vector sums = (Int128Vector) accumulator.result(0, 2);
        assertThat(sums.getBigInteger(0)).isEqualTo(expected);
        assertThat(sums.isNull(1)).isTrue();
    }

    @Test
    void mixedSignsNullsAndMergesMatchOnePass() {
        long[] raw = {123_456_789_012_345L, -999_999_999_999_999L, 0, 1, -1, 999_999_999_999_999L, 42};
        Long[] boxed = new Long[raw.length + 2];
        for (int i = 0; i < raw.length; i++) {
            boxed[i] = raw[i];
        }
        ColumnVector[] arguments = {longs(boxed)};
        int[] groups = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        AggregateCall call = sum(LogicalType.decimal(38, 2));
        List<LogicalType> types = List.of(LogicalType.decimal(15, 2));
        Int128Vector whole = (Int128Vector) data.onePass(call, types, arguments, groups, 3);
        Int128Vector merged = (Int128Vector) data.merged(call, types, arguments, groups, 3, 4);
        assertThat(whole.getBigInteger(0)).isEqualTo(BigInteger.valueOf(123_456_789_012_345L + 1 + 42));
        assertThat(whole.getBigInteger(1)).isEqualTo(BigInteger.valueOf(-999_999_999_999_999L - 1));
        assertThat(whole.getBigInteger(2)).isEqualTo(BigInteger.valueOf(999_999_999_999_999L));
        for (int group = 0; group < 3; group++) {
            assertThat(merged.getBigInteger(group)).isEqualTo(whole.getBigInteger(group));
        }
    }

    @Test
    void aGroupOfOnlyNullsSumsToNull() {
        ColumnVector[] arguments = {longs(5L, null, null)};
        ColumnVector result = data.onePass(sum(LogicalType.decimal(38, 2)), List.of(LogicalType.decimal(15, 2)), arguments,
                new int[] {0, 1, 1}, 2);
        assertThat(result.isNull(0)).isFalse();
        assertThat(result.isNull(1)).isTrue();
    }

    @Test
    void aSumBeyondTheResultPrecisionStillFailsWith22003() {
        // SUM into DECIMAL(18,0): two values of 10^18 - 1 do not fit 18 digits, although they fit a long.
        AggregateCall call = sum(LogicalType.decimal(18, 0));
        ColumnVector[] arguments = {longs(999_999_999_999_999_999L, 999_999_999_999_999_999L)};
        assertThatThrownBy(() -> data.onePass(call, List.of(LogicalType.decimal(18, 0)), arguments, new int[] {0, 0}, 1))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("numeric field overflow");
    }

    @Test
    void precisionOfA128BitSumIsCheckedAlikeWithAndWithoutBigIntegers() {
        // The long fast path of Int128Arithmetic.fitsPrecision(high, low, p) against the BigInteger one, at the digit
        // boundaries, for Long.MIN_VALUE / MAX_VALUE and for values wider than a long.
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
                BigInteger.ZERO, BigInteger.TWO.pow(100), BigInteger.TWO.pow(100).negate()));
        for (int digits = 0; digits <= 20; digits++) {
            BigInteger power = BigInteger.TEN.pow(digits);
            for (BigInteger value : List.of(power, power.subtract(BigInteger.ONE))) {
                values.add(value);
                values.add(value.negate());
            }
        }
        for (BigInteger value : values) {
            long high = value.shiftRight(64).longValue();
            long low = value.longValue();
            for (int precision = 0; precision <= 38; precision++) {
                assertThat(Int128Arithmetic.fitsPrecision(high, low, precision)).as(value + " in " + precision + " digits")
                        .isEqualTo(Int128Arithmetic.fitsPrecision(value, precision));
            }
        }
        assertThat(Int128Arithmetic.fitsPrecision(Long.MIN_VALUE >> 63, Long.MIN_VALUE, 18)).isFalse();
        assertThat(Int128Arithmetic.fitsPrecision(0, 999_999_999_999_999_999L, 18)).isTrue();
        assertThat(Int128Arithmetic.fitsPrecision(0, 1_000_000_000_000_000_000L, 18)).isFalse();
    }

    @Test
    void addingEveryRowMatchesAddingThroughTheRowList() {
        // The identity-rows path (Accumulator.addEveryRow) of SUM, AVG and COUNT, with long overflows and INT128
        // values beyond a long, must give what add gives for the same rows.
        long[] values = {Long.MAX_VALUE - 5, 999_999_999_999_999_999L, -3, Long.MAX_VALUE, 17, Long.MIN_VALUE + 2, 5};
        int[] groupIds = {0, 1, 0, 0, 2, 1, 0};
        assertAddingEveryRowMatchesTheRowList(values, groupIds, 4);
    }

    @Test
    void addingEveryRowOfOneGroupMatchesTheRowList() {
        // One group (no GROUP BY): the sums run in a register, folding into 128 bits as the long overflows each way.
        long[] values = {Long.MAX_VALUE - 5, 999_999_999_999_999_999L, -3, Long.MAX_VALUE, 17, Long.MIN_VALUE + 2,
            Long.MIN_VALUE, Long.MIN_VALUE, -1, 5};
        assertAddingEveryRowMatchesTheRowList(values, new int[values.length], 1);
        assertThat(new BatchGroups(new int[values.length], AccumulatorTestData.all(values.length), values.length, 1)
                .rowCounts()).containsExactly(values.length);
    }

    @Test
    void addingEveryRowOfAFewGroupBatchCountsPerGroup() {
        // 64 rows in groups 0, 1 and 3 of 4: few enough groups for the batch's per-group row counts (BatchGroups),
        // which COUNT and AVG add per group and SUM marks seen by; group 2 has no row and stays NULL (0 for COUNT).
        int rows = 64;
        long[] values = new long[rows];
        int[] groupIds = new int[rows];
        for (int row = 0; row < rows; row++) {
            values[row] = row % 5 == 0 ? Long.MAX_VALUE - row : row * 1_000_003L - 7;
            groupIds[row] = row % 7 == 0 ? 1 : row % 3 == 0 ? 3 : 0;
        }
        assertThat(new BatchGroups(groupIds, AccumulatorTestData.all(rows), rows, 4).rowCounts()).containsExactly(36, 10, 0, 18);
        assertAddingEveryRowMatchesTheRowList(values, groupIds, 4);
    }

    /** SUM, AVG and COUNT over LONG and INT128 vectors of {@code values}: addEveryRow gives what add gives, in 3 batches. */
    private void assertAddingEveryRowMatchesTheRowList(long[] values, int[] groupIds, int groups) {
        LongVector longVector = new LongVector(values.length);
        Int128Vector wideVector = new Int128Vector(values.length);
        for (long value : values) {
            longVector.append(value);
            BigInteger wide = BigInteger.valueOf(value).shiftLeft(value % 2 == 0 ? 0 : 9);
            wideVector.append(wide.shiftRight(64).longValue(), wide.longValue());
        }
        AggregateCall average = new AggregateCall(AggregateFunction.AVG, new int[] {0}, false, -1, LogicalType.decimal(38, 4), "a");
        AggregateCall count = new AggregateCall(AggregateFunction.COUNT, new int[] {0}, false, -1, LogicalType.BIGINT, "c");
        int[] rowsPerGroup = new int[groups];
        for (int group : groupIds) {
            rowsPerGroup[group]++;
        }
        for (AggregateCall call : List.of(sum(SUM_TYPE), average, count)) {
            for (ColumnVector vector : List.of(longVector, wideVector)) {
                LogicalType argumentType = vector == longVector ? LogicalType.BIGINT : SUM_TYPE;
                Accumulator throughRows = data.create(call, List.of(argumentType));
                Accumulator everyRow = data.create(call, List.of(argumentType));
                throughRows.ensureGroups(groups);
                everyRow.ensureGroups(groups);
                for (int batch = 0; batch < 3; batch++) {
                    int[] rows = AccumulatorTestData.all(values.length);
                    throughRows.add(groupIds, new ColumnVector[] {vector}, rows, values.length);
                    everyRow.addEveryRow(new BatchGroups(groupIds, rows, values.length, groups), new ColumnVector[] {vector});
                }
                ColumnVector expected = throughRows.result(0, groups);
                ColumnVector actual = everyRow.result(0, groups);
                for (int group = 0; group < groups; group++) {
                    assertThat(actual.isNull(group)).isEqualTo(expected.isNull(group));
                    assertThat(expected.isNull(group)).isEqualTo(rowsPerGroup[group] == 0 && call.function() != AggregateFunction.COUNT);
                    if (!expected.isNull(group)) {
                        assertThat(value(actual, group)).as(call.function() + " group " + group).isEqualTo(value(expected, group));
                    }
                }
            }
        }
    }

    private static BigInteger value(ColumnVector vector, int position) {
        return vector instanceof Int128Vector wide ? wide.getBigInteger(position) : BigInteger.valueOf(((LongVector) vector).get(position));
    }

    @Test
    void averageOfDecimalsAtTheLimitIsExact() {
        // AVG over values whose sum exceeds a long: (10^18 - 1) × 20 rows and one 1, in DECIMAL(18,2).
        LogicalType type = LogicalType.decimal(18, 2);
        Long[] values = new Long[21];
        java.util.Arrays.fill(values, 999_999_999_999_999_999L);
        values[20] = 1L;
        AggregateCall call = new AggregateCall(AggregateFunction.AVG, new int[] {0}, false, -1, LogicalType.decimal(38, 6), "a");
        int[] groups = new int[21];
        Int128Vector average = (Int128Vector) data.onePass(call, List.of(type), new ColumnVector[] {longs(values)}, groups, 1);
        Int128Vector merged = (Int128Vector) data.merged(call, List.of(type), new ColumnVector[] {longs(values)}, groups, 1, 7);
        BigDecimal expected = new BigDecimal(BigInteger.valueOf(999_999_999_999_999_999L).multiply(BigInteger.valueOf(20))
                .add(BigInteger.ONE), 2).divide(BigDecimal.valueOf(21), 6, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(average.getBigInteger(0), 6)).isEqualTo(expected);
        assertThat(merged.getBigInteger(0)).isEqualTo(average.getBigInteger(0));
    }
}
