package io.basalt.storage.encoding;

import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RunLengthLongsTest {

    private static DecodedBlock roundTrip(long[] values) {
        return roundTrip(values, EncodingKind.RUN_LENGTH);
    }

    private static DecodedBlock roundTrip(long[] values, EncodingKind encoding) {
        return PackedLongsTest.roundTrip(values, encoding);
    }

    /** Runs of one to seven equal values, like lineitem's l_orderkey. */
    private static long[] shortRuns(Random random, int count) {
        return runs(random, count, 7, -1_000, 1_000_000);
    }

    /** {@code count} values in runs of one to {@code longestRun} equal values from {@code [low, high)}. */
    private static long[] runs(Random random, int count, int longestRun, long low, long high) {
        long[] values = new long[count];
        for (int i = 0; i < count; ) {
            long value = random.nextLong(low, high);
            for (int end = Math.min(count, i + 1 + random.nextInt(longestRun)); i < end; i++) {
                values[i] = value;
            }
        }
        return values;
    }

    private static long[][] blocks() {
        Random random = new Random(3);
        return new long[][] {
            shortRuns(random, 5000),
            {Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0, 0, 0, -1},
            {42, 42, 42},   // one run
            {1, 2, 3, 4, 5}, // runs of one
        };
    }

    @Test
    void aRunLengthBlockWithoutNullsStaysAsRunsAndDecodesToItsValues() {
        for (long[] values : blocks()) {
            DecodedBlock block = roundTrip(values);
            assertThat(block.encodedLongs()).isInstanceOf(RunLengthLongs.class);
            assertThat(block.hasVector()).isFalse();
            assertThat(block.nullCount()).isZero();
            assertThat(block.encodedLongs().count()).isEqualTo(values.length);
            assertThat(((LongVector) block.vector()).values()).startsWith(values);
            assertThat(block.vector().positionCount()).isEqualTo(values.length);
        }
    }

    @Test
    void gatheringAndUnpackingFromAnyRowGiveTheBlocksValues() {
        Random random = new Random(7);
        for (long[] values : blocks()) {
            EncodedLongs runs = roundTrip(values).encodedLongs();
            for (int offset : new int[] {0, 1, values.length / 3, values.length - 1}) {
                int count = values.length - offset;
                long[] unpacked = new long[count];
                runs.unpack(offset, count, unpacked);
                assertThat(unpacked).containsExactly(Arrays.copyOfRange(values, offset, values.length));

                // Ascending selections with gaps, and one that jumps back (searched again, not walked).
                int[] ascending = IntStream.range(0, count).filter(i -> random.nextInt(3) == 0).toArray();
                // Few rows kept, runs apart (searched forward by growing steps), and the block's last row.
                int[] sparse = IntStream.range(0, count).filter(i -> random.nextInt(40) == 0 || i == count - 1).toArray();
                int[] unordered = {count - 1, 0, count / 2, count / 2, 0};
                for (int[] positions : new int[][] {ascending, sparse, unordered}) {
                    int from = Math.min(1, positions.length);
                    long[] gathered = new long[positions.length - from];
                    runs.gather(offset, positions, from, gathered.length, gathered);
                    for (int i = 0; i < gathered.length; i++) {
                        assertThat(gathered[i]).isEqualTo(values[offset + positions[from + i]]);
                    }
                }
            }
        }
    }

    @Test
    void testsRunOncePerRunAndKeepTheRowsARowByRowTestKeeps() {
        for (long[] values : blocks()) {
            RunLengthLongs runs = (RunLengthLongs) roundTrip(values).encodedLongs();
            int offset = values.length / 4;
            int count = values.length - offset;
            int[] odd = IntStream.range(0, count).filter(i -> i % 2 == 1).toArray();
            // Rows an earlier filter kept, runs apart (searched forward by growing steps), and a selection jumping back.
            int[] sparse = IntStream.range(0, count).filter(i -> i % 37 == 5 || i == count - 1).toArray();
            int[] unordered = {count - 1, 0, count / 2, count / 2, 1, count - 2};
            LongPredicate even = value -> value % 2 == 0;
            for (int[] positions : new int[][] {null, odd, sparse, unordered, {}}) {
                int n = positions == null ? count : positions.length;
                int[] expected = IntStream.range(0, n).map(i -> positions == null ? i : positions[i])
                        .filter(row -> even.test(values[offset + row])).toArray();
                int[] tests = new int[1];
                int[] out = positions == null ? new int[count] : positions.clone(); // in place
                int kept = runs.selectRuns(offset, positions == null ? null : out, n, value -> {
                    tests[0]++;
                    return even.test(value);
                }, out);
                assertThat(Arrays.copyOf(out, kept)).containsExactly(expected);
                assertThat(tests[0]).isLessThanOrEqualTo(n);
            }
            for (long low : new long[] {Long.MIN_VALUE, -1, 0, 500_000}) {
                for (long high : new long[] {-1, 0, 42, 500_000, Long.MAX_VALUE}) {
                    int[] expected = IntStream.range(0, count)
                            .filter(row -> values[offset + row] >= low && values[offset + row] <= high).toArray();
                    int[] out = new int[count];
                    int kept = runs.selectInRange(offset, null, count, low, high, out);
                    assertThat(Arrays.copyOf(out, kept)).as("[%d, %d]", low, high).containsExactly(expected);
                }
            }
        }
    }

    /**
     * Bitmap tests of runs ({@link RunLengthLongs#selectInBitmap}) keep what a row-by-row test keeps: runs of one to
     * seven and of up to forty rows (past the eight positions a short run writes), ranges starting and ending inside
     * a run, more than 64 runs (several masks), bitmaps passing few, half and all of the runs, and keys below and
     * above the bitmap's range.
     */
    @Test
    void bitmapTestsOfRunsKeepTheRowsWhoseValueIsInTheBitmap() {
        Random random = new Random(11);
        long[] longRuns = runs(random, 6000, 40, 0, 3000);
        long[] shortRuns = Arrays.stream(shortRuns(random, 7000)).map(v -> Math.floorMod(v, 3000)).toArray();
        long[] insideTheBitmap = Arrays.stream(shortRuns).map(v -> 100 + v % 2000).toArray(); // all kept: the last
        // run's positions end at the output's end
        for (long[] values : new long[][] {shortRuns, longRuns, insideTheBitmap, {5, 5, 5}, {7}}) {
            RunLengthLongs runs = (RunLengthLongs) roundTrip(values).encodedLongs();
            for (int oneIn : new int[] {1, 2, 25}) {
                long min = 100; // keys below 100 and above min + span fall outside the bitmap
                long span = 2500;
                long[] words = new long[(int) (span >>> 6) + 2];
                for (long bit = 0; bit <= span; bit++) {
                    if ((bit * 7919) % oneIn == 0) {
                        words[(int) (bit >>> 6)] |= 1L << bit;
                    }
                }
                LongPredicate inBitmap = v -> v >= min && v - min <= span && (((v - min) * 7919) % oneIn == 0);
                for (int offset : new int[] {0, Math.min(3, values.length - 1), values.length / 3}) {
                    for (int count : new int[] {values.length - offset, (values.length - offset) / 2}) {
                        int[] expected = IntStream.range(0, count).filter(row -> inBitmap.test(values[offset + row])).toArray();
                        int[] out = new int[count];
                        int kept = runs.selectInBitmap(offset, count, min, span, words, out);
                        assertThat(Arrays.copyOf(out, kept)).as("one in %d from %d, %d rows", oneIn, offset, count)
                                .containsExactly(expected);
                    }
                }
            }
        }
    }

    @Test
    void aBlockOfRunsOfFourIsTestedOncePerRun() {
        long[] values = new long[4000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 4;
        }
        RunLengthLongs runs = (RunLengthLongs) roundTrip(values).encodedLongs();
        int[] tests = new int[1];
        int kept = runs.selectRuns(2, null, values.length - 2, value -> ++tests[0] > 0 && value % 10 == 0,
                new int[values.length]);
        assertThat(tests[0]).isEqualTo(1000);
        assertThat(kept).isEqualTo(2 + 100 * 4 - 4); // run 0 starts before the offset
    }

    @Test
    void runsAreGatheredOnlyForAFewRowsWhileBitPackedValuesAlwaysAre() {
        long[] values = shortRuns(new Random(5), 4000);
        assertThat(roundTrip(values).encodedLongs().gathersCheaply(1000, 4000)).isTrue();
        assertThat(roundTrip(values).encodedLongs().gathersCheaply(1001, 4000)).isFalse();
        assertThat(roundTrip(values, EncodingKind.BIT_PACKED).encodedLongs().gathersCheaply(4000, 4000)).isTrue();
    }

    @Test
    void aConstantBlockWithoutNullsIsOneRun() {
        long[] values = new long[65_536];
        Arrays.fill(values, -9);
        DecodedBlock block = roundTrip(values, EncodingKind.CONSTANT);
        assertThat(block.encodedLongs()).isInstanceOf(RunLengthLongs.class);
        EncodedLongs runs = block.encodedLongs();
        long[] gathered = new long[2];
        runs.gather(60_000, new int[] {0, 5_535}, 2, gathered);
        assertThat(gathered).containsExactly(-9, -9);
        int[] out = new int[10];
        assertThat(runs.selectInRange(65_526, null, 10, -9, -9, out)).isEqualTo(10);
        assertThat(out).containsExactly(IntStream.range(0, 10).toArray());
        assertThat(runs.selectInRange(65_526, null, 10, -8, 100, out)).isZero();
        assertThat(((LongVector) block.vector()).values()).startsWith(values);
    }
}
