package io.basalt.storage.encoding;

import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaLongsTest {

    /** Sorted keys in runs of one to five, stepping by at most {@code maxStep} (1: one-bit differences). */
    private static long[] sortedRuns(Random random, int count, long start, int maxStep) {
        long[] values = new long[count];
        long key = start;
        for (int i = 0; i < count; ) {
            key += random.nextInt(maxStep + 1);
            for (int end = Math.min(count, i + 1 + random.nextInt(5)); i < end; i++) {
                values[i] = key;
            }
        }
        return values;
    }

    private static long[][] blocks() {
        Random random = new Random(17);
        long[] steps = new long[1000];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = -50 + 7L * i; // one difference throughout: width 0
        }
        return new long[][] {
            sortedRuns(random, 5_000, 1, 1),
            sortedRuns(random, 4_099, -1_000_000, 40),
            random.longs(3_000, -1_000, 1_000).toArray(),                  // differences of both signs
            {Long.MAX_VALUE, Long.MIN_VALUE + 10, Long.MIN_VALUE + 20},   // "positive" differences that wrap
            {7},
            steps,
            Arrays.copyOf(sortedRuns(random, 64, 100, 3), 33),            // one value past a checkpoint
        };
    }

    private static DeltaLongs deltas(long[] values) {
        DecodedBlock block = PackedLongsTest.roundTrip(values, EncodingKind.DELTA);
        assertThat(block.hasVector()).isFalse();
        assertThat(block.encodedLongs()).isInstanceOf(DeltaLongs.class);
        return (DeltaLongs) block.encodedLongs();
    }

    private static boolean sorted(long[] values) {
        return IntStream.range(1, values.length).allMatch(i -> values[i - 1] <= values[i]);
    }

    @Test
    void aDeltaBlockWithoutNullsStaysEncodedAndGivesItsValuesFromAnyRow() {
        Random random = new Random(3);
        for (long[] values : blocks()) {
            DeltaLongs deltas = deltas(values);
            assertThat(deltas.count()).isEqualTo(values.length);
            assertThat(((LongVector) deltas.unpackAll()).values()).startsWith(values);
            for (int i = 0; i < values.length; i++) {
                assertThat(deltas.valueAt(i)).as("value %d", i).isEqualTo(values[i]);
            }
            for (int trial = 0; trial < 50; trial++) {
                int from = random.nextInt(values.length);
                int n = random.nextInt(values.length - from + 1);
                long[] out = new long[n];
                deltas.unpack(from, n, out);
                assertThat(out).as("unpack %d + %d", from, n).containsExactly(Arrays.copyOfRange(values, from, from + n));
            }
            // A selection ascends, with jumps forward (of more than one bit count's 57 differences in the sparse
            // one) and, from one call to the next, back.
            for (int offset : new int[] {0, values.length / 3}) {
                int oneIn = offset == 0 ? 9 : 150;
                int[] positions = IntStream.range(0, values.length - offset).filter(r -> random.nextInt(oneIn) == 0).toArray();
                long[] gathered = new long[positions.length];
                deltas.gather(offset, positions, positions.length, gathered);
                assertThat(gathered).containsExactly(Arrays.stream(positions).mapToLong(r -> values[offset + r]).toArray());
            }
        }
    }

    @Test
    void onlyNonNegativeDifferencesThatCannotWrapMakeAnAscendingBlock() {
        for (long[] values : blocks()) {
            assertThat(deltas(values).isAscending()).as(Arrays.toString(Arrays.copyOf(values, 3)))
                    .isEqualTo(sorted(values));
        }
    }

    @Test
    void anAscendingBlockFindsTheFirstValueAtLeastAKey() {
        Random random = new Random(9);
        for (long[] values : blocks()) {
            if (!sorted(values)) {
                continue;
            }
            DeltaLongs deltas = deltas(values);
            for (int trial = 0; trial < 300; trial++) {
                int from = random.nextInt(values.length);
                int end = from + random.nextInt(values.length - from + 1);
                long key = values[random.nextInt(values.length)] + random.nextInt(3) - 1;
                int expected = from;
                while (expected < end && values[expected] < key) {
                    expected++;
                }
                assertThat(deltas.firstAtLeast(from, end, key)).as("[%d, %d) key %d", from, end, key).isEqualTo(expected);
            }
        }
    }

    @Test
    void rangeAndBitmapSelectionsKeepWhatTheDecodedValuesPass() {
        Random random = new Random(13);
        for (long[] values : blocks()) {
            DeltaLongs deltas = deltas(values);
            for (int trial = 0; trial < 40; trial++) {
                int offset = random.nextInt(values.length);
                int count = values.length - offset;
                long low = values[random.nextInt(values.length)];
                long high = trial % 5 == 0 ? Long.MAX_VALUE : low + random.nextInt(200);
                int[] expected = IntStream.range(0, count)
                        .filter(r -> values[offset + r] >= low && values[offset + r] <= high).toArray();
                int[] out = new int[count];
                int kept = deltas.selectInRange(offset, null, count, low, high, out);
                assertThat(Arrays.copyOf(out, kept)).as("range [%d, %d] from %d", low, high, offset).containsExactly(expected);

                int[] odd = IntStream.range(0, count).filter(r -> r % 2 == 1).toArray();
                kept = deltas.selectInRange(offset, odd, odd.length, low, high, odd);
                assertThat(Arrays.copyOf(odd, kept)).containsExactly(Arrays.stream(expected).filter(r -> r % 2 == 1).toArray());

                // A bitmap of keys from low on: bit k - low set for every third k; the last word stays zero.
                long span = 500;
                long[] words = new long[(int) (span >>> 6) + 2];
                for (long bit = 0; bit <= span; bit += 3) {
                    words[(int) (bit >>> 6)] |= 1L << bit;
                }
                int[] inBitmap = IntStream.range(0, count).filter(r -> {
                    long at = values[offset + r] - low;
                    return at >= 0 && at <= span && at % 3 == 0;
                }).toArray();
                kept = deltas.selectInBitmap(offset, null, count, low, span, words, out);
                assertThat(Arrays.copyOf(out, kept)).as("bitmap from %d", low).containsExactly(inBitmap);
                int[] thirds = IntStream.range(0, count).filter(r -> r % 3 == 0).toArray();
                kept = deltas.selectInBitmap(offset, thirds, thirds.length, low, span, words, thirds);
                assertThat(Arrays.copyOf(thirds, kept)).containsExactly(Arrays.stream(inBitmap).filter(r -> r % 3 == 0).toArray());
            }
        }
    }

    @Test
    void bitmapTestsAndGathersOfSelectedRowsAgreeWhetherTheRowsAreCloseOrFarApart() {
        // Selections one row in 1 to 60: the close ones read values summed a chunk at a time (DENSE_SPACING), the far
        // ones walk from row to row; batches of one block in turn mix the two, each walk continuing where the last
        // one stopped, and later blocks start again from the beginning.
        Random random = new Random(29);
        long[] values = sortedRuns(random, 3 * DeltaLongs.DENSE_CHUNK + 500, 1_000, 9);
        long min = values[0] + 40;
        long span = values[values.length - 1] - min - 40;
        long[] words = new long[(int) (span >>> 6) + 2];
        for (long bit = 0; bit <= span; bit++) {
            if (random.nextInt(3) == 0) {
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
        }
        for (int trial = 0; trial < 30; trial++) {
            DeltaLongs deltas = deltas(values);
            int batch = 700 + random.nextInt(2_000);
            for (int offset = 0; offset < values.length; offset += batch) {
                int count = Math.min(batch, values.length - offset);
                int oneIn = 1 + random.nextInt(trial % 2 == 0 ? 12 : 60);
                int[] positions = IntStream.range(0, count).filter(r -> random.nextInt(oneIn) == 0).toArray();
                if (positions.length == 0) {
                    continue;
                }
                int batchOffset = offset;
                int[] expected = Arrays.stream(positions).filter(r -> {
                    long at = values[batchOffset + r] - min;
                    return at >= 0 && at <= span && (words[(int) (at >>> 6)] & 1L << at) != 0;
                }).toArray();
                int[] out = positions.clone();
                int kept = deltas.selectInBitmap(offset, out, out.length, min, span, words, out);
                assertThat(Arrays.copyOf(out, kept)).as("one in %d from %d", oneIn, offset).containsExactly(expected);
                // Gathering the same rows, and the second half of them on their own, reads the same values.
                long[] gathered = new long[positions.length];
                deltas.gather(offset, positions, 0, positions.length, gathered);
                assertThat(gathered).containsExactly(Arrays.stream(positions).mapToLong(r -> values[batchOffset + r]).toArray());
                int half = positions.length / 2;
                long[] secondHalf = new long[positions.length - half];
                deltas.gather(offset, positions, half, secondHalf.length, secondHalf);
                assertThat(secondHalf).containsExactly(Arrays.copyOfRange(gathered, half, gathered.length));
            }
        }
    }

    @Test
    void aDeltaBlockWithNullsIsDecodedAtOnce() {
        LongVector vector = new LongVector(3);
        vector.append(1);
        vector.appendNull();
        vector.append(3);
        EncodedBlock encoded = BlockEncoder.encode(vector, 3, EncodingKind.DELTA);
        DecodedBlock block = BlockDecoder.decodeBlock(io.basalt.storage.type.PhysicalKind.LONG, EncodingKind.DELTA, 3,
                encoded.bytes(), 0, encoded.length());

        assertThat(block.encodedLongs()).isNull();
        assertThat(block.vector().isNull(1)).isTrue();
        assertThat(((LongVector) block.vector()).values()[2]).isEqualTo(3);
    }
}
