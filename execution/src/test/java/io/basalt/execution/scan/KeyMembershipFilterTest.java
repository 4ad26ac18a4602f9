package io.basalt.execution.scan;

import io.basalt.storage.encoding.BlockDecoder;
import io.basalt.storage.encoding.BlockEncoder;
import io.basalt.storage.encoding.EncodedBlock;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.encoding.EncodedLongs;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeyMembershipFilterTest {

    @Test
    void keepsEveryKeyOfTheSetAndFewOthers() {
        Random random = new Random(7);
        Set<Long> keys = new HashSet<>();
        while (keys.size() < 50_000) {
            keys.add(random.nextLong() >> random.nextInt(40));
        }
        long[] array = keys.stream().mapToLong(Long::longValue).toArray();
        KeyMembershipFilter filter = KeyMembershipFilter.of(array, array.length);

        for (long key : array) {
            assertThat(filter.mightContain(key)).as("key %d", key).isTrue();
        }
        int falsePositives = 0;
        int tried = 0;
        while (tried < 100_000) {
            long other = random.nextLong() >> random.nextInt(40);
            if (!keys.contains(other)) {
                tried++;
                falsePositives += filter.mightContain(other) ? 1 : 0;
            }
        }
        // 16 bits and 3 hash bits per key in 64-bit blocks: well under 1 % (a deterministic seed, not a timing)
        assertThat(falsePositives).isLessThan(1_000);
    }

    @Test
    void rejectsKeysOutsideTheRange() {
        KeyMembershipFilter filter = KeyMembershipFilter.of(new long[] {10, 20, 30}, 3);

        assertThat(filter.mightContain(9)).isFalse();
        assertThat(filter.mightContain(31)).isFalse();
        assertThat(filter.mightContain(Long.MIN_VALUE)).isFalse();
        assertThat(filter.mightContain(20)).isTrue();
    }

    @Test
    void anEmptySetKeepsNothing() {
        KeyMembershipFilter filter = KeyMembershipFilter.of(new long[0], 0);

        assertThat(filter.mightContain(0)).isFalse();
        assertThat(filter.mightContain(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void selectDropsNullsAndKeysNotInTheSetKeepingOrder() {
        KeyMembershipFilter filter = KeyMembershipFilter.of(new long[] {1, 2, 3}, 3);
        LongVector vector = new LongVector(6);
        vector.append(3);
        vector.appendNull();
        vector.append(7);
        vector.append(1);
        vector.append(2);
        vector.append(-4);
        vector.values()[1] = 2; // a NULL row's value slot holding a key of the set must not let it through
        int[] kept = new int[6];

        assertThat(filter.select(vector, null, 6, kept)).isEqualTo(3);
        assertThat(kept).startsWith(0, 3, 4);

        int[] positions = {5, 4, 1, 0};
        assertThat(filter.select(vector, positions, 4, positions)).isEqualTo(2);
        assertThat(positions).startsWith(4, 0);
    }

    @Test
    void runsOfOneKeyKeepOrDropEveryRowButTheNullOnes() {
        KeyMembershipFilter filter = KeyMembershipFilter.of(new long[] {5, 6}, 2);
        LongVector vector = new LongVector(8);
        for (long key : new long[] {5, 5, 5, 9, 9, 5, 6, 6}) {
            vector.append(key);
        }
        vector.setNull(2, true); // inside a run of 5: the slot still holds 5, the row must go
        vector.setNull(7, true);
        int[] kept = new int[8];

        assertThat(filter.select(vector, null, 8, kept)).isEqualTo(4);
        assertThat(kept).startsWith(0, 1, 5, 6);

        int[] positions = {3, 4, 0, 1, 2};
        assertThat(filter.select(vector, positions, 5, positions)).isEqualTo(2);
        assertThat(positions).startsWith(0, 1);
    }

    @Test
    void keysFillingANarrowRangeGetAnExactBitmap() {
        // Every third key of [1000, 61000): 20,000 keys spanning 60,000 values, the way surrogate keys are dense.
        long[] keys = new long[20_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 1000 + 3L * i;
        }
        KeyMembershipFilter filter = KeyMembershipFilter.of(keys, keys.length);

        assertThat(filter).isInstanceOf(KeyBitmapFilter.class);
        for (long key = 900; key < 61_100; key++) {
            boolean member = key >= 1000 && key < 61_000 && (key - 1000) % 3 == 0;
            assertThat(filter.mightContain(key)).as("key %d", key).isEqualTo(member); // exact: no false positives
        }
        assertThat(filter.mightContain(Long.MIN_VALUE)).isFalse();
        assertThat(filter.mightContain(Long.MAX_VALUE)).isFalse();
        assertThat(filter.mightContain(1000 - 64)).isFalse();
    }

    @Test
    void fewKeysOverARangeThatFitsACachedBitmapGetAnExactBitmap() {
        // TPC-H Q19's shape: a few hundred part keys spread over 200,000.
        long[] keys = new long[485];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 1 + 412L * i;
        }
        KeyMembershipFilter filter = KeyMembershipFilter.of(keys, keys.length);

        assertThat(filter).isInstanceOf(KeyBitmapFilter.class);
        for (long key = -5; key < 200_000; key++) {
            boolean member = key >= 1 && (key - 1) % 412 == 0 && (key - 1) / 412 < keys.length;
            assertThat(filter.mightContain(key)).as("key %d", key).isEqualTo(member);
        }
        // The same few keys spread wider than the cached bitmap get a Bloom filter.
        long[] sparse = {0, 5_000_000, 10_000_000};
        assertThat(KeyMembershipFilter.of(sparse, sparse.length)).isInstanceOf(BloomKeyFilter.class);
    }

    @Test
    void keysAtTheEndsOfTheLongRangeGetABloomFilter() {
        KeyMembershipFilter filter = KeyMembershipFilter.of(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}, 3);

        assertThat(filter).isInstanceOf(BloomKeyFilter.class);
        assertThat(filter.mightContain(Long.MIN_VALUE)).isTrue();
        assertThat(filter.mightContain(0)).isTrue();
        assertThat(filter.mightContain(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void aBitmapSelectDropsNullsAndKeysNotInTheSet() {
        KeyMembershipFilter filter = KeyMembershipFilter.of(new long[] {-2, 0, 63, 64}, 4);
        assertThat(filter).isInstanceOf(KeyBitmapFilter.class);
        LongVector vector = new LongVector(7);
        for (long key : new long[] {64, 63, -3, 0, 65, -2, 1}) {
            vector.append(key);
        }
        int[] kept = new int[7];

        assertThat(filter.select(vector, null, 7, kept)).isEqualTo(4);
        assertThat(kept).startsWith(0, 1, 3, 5);

        vector.setNull(1, true); // the slot still holds 63, a key of the set
        int[] positions = {6, 5, 1, 0};
        assertThat(filter.select(vector, positions, 4, positions)).isEqualTo(2);
        assertThat(positions).startsWith(5, 0);
    }

    @Test
    void aBitmapBatchTestAgreesWithTheSingleKeyTestAtTheEdgesOfItsRange() {
        // Ranges ending just before, at and just after a 64-bit word boundary: a key outside the range is tested
        // against the zero word past the bitmap, never against the range's last word.
        for (long span : new long[] {0, 62, 63, 64, 127, 128, 1000}) {
            long min = -17;
            long[] keys = {min, min + span, min + span / 2};
            KeyMembershipFilter filter = KeyMembershipFilter.of(keys, keys.length);
            assertThat(filter).isInstanceOf(KeyBitmapFilter.class);
            LongVector probe = new LongVector(16);
            long[] probeKeys = {min - 1, min, min + 1, min + span - 1, min + span, min + span + 1, min + span + 64,
                    min + span / 2, min - 64, Long.MIN_VALUE, Long.MAX_VALUE, min + 64 * (span / 64 + 1), 0};
            for (long key : probeKeys) {
                probe.append(key);
            }
            int[] kept = new int[probeKeys.length];
            int passed = filter.select(probe, null, probeKeys.length, kept);
            int[] expected = IntStream.range(0, probeKeys.length)
                    .filter(i -> filter.mightContain(probeKeys[i])).toArray();
            assertThat(Arrays.copyOf(kept, passed)).as("span %d", span).containsExactly(expected);
            assertThat(expected).as("span %d", span).contains(1, 4, 7);
        }
    }

    @Test
    void aBloomBatchTestAgreesWithTheSingleKeyTestAtTheEdgesOfItsRangeAndDropsNulls() {
        // The batch tests hash every key, in range or not, and combine the range and bit tests without a branch:
        // a key just outside the range whose bits happen to be set must still be dropped, as must a NULL row.
        Random random = new Random(11);
        for (long[] ends : new long[][] {{-1_000_000_000L, 1_000_000_000L}, {Long.MIN_VALUE, Long.MAX_VALUE},
                {Long.MAX_VALUE - (1L << 40), Long.MAX_VALUE}}) {
            long min = ends[0];
            long max = ends[1];
            long[] keys = new long[2_000];
            keys[0] = min;
            keys[1] = max;
            long span = max - min; // negative when the range is wider than Long.MAX_VALUE
            for (int i = 2; i < keys.length; i++) {
                keys[i] = span < 0 ? random.nextLong() : min + Math.floorMod(random.nextLong(), span);
            }
            KeyMembershipFilter filter = KeyMembershipFilter.of(keys, keys.length);
            assertThat(filter).isInstanceOf(BloomKeyFilter.class);
            long[] probeKeys = new long[4_000];
            for (int i = 0; i < probeKeys.length; i++) {
                probeKeys[i] = switch (i % 8) {
                    case 0 -> min - 1 - random.nextInt(3);
                    case 1 -> max + 1 + random.nextInt(3);
                    case 2, 3 -> keys[random.nextInt(keys.length)];
                    case 4 -> min;
                    case 5 -> max;
                    default -> random.nextLong();
                };
            }
            LongVector probe = new LongVector(probeKeys.length);
            for (long key : probeKeys) {
                probe.append(key);
            }
            for (int i = 0; i < probeKeys.length; i += 13) {
                probe.setNull(i, true);
            }
            int[] expected = IntStream.range(0, probeKeys.length)
                    .filter(i -> i % 13 != 0 && filter.mightContain(probeKeys[i])).toArray();
            int[] kept = new int[probeKeys.length];
            int passed = filter.select(probe, null, probeKeys.length, kept);
            assertThat(Arrays.copyOf(kept, passed)).as("select [%d, %d]", min, max).containsExactly(expected);

            int[] odd = IntStream.range(0, probeKeys.length / 2).map(i -> 2 * i + 1).toArray();
            int[] expectedOdd = Arrays.stream(expected).filter(i -> i % 2 == 1).toArray();
            passed = filter.select(probe, odd, odd.length, odd);
            assertThat(Arrays.copyOf(odd, passed)).as("select of positions [%d, %d]", min, max)
                    .containsExactly(expectedOdd);

            int[] noNullsExpected = IntStream.range(0, probeKeys.length)
                    .filter(i -> filter.mightContain(probeKeys[i])).toArray();
            passed = filter.keepMatching(probeKeys, null, 0, probeKeys.length, kept, 0);
            assertThat(Arrays.copyOf(kept, passed)).as("keepMatching [%d, %d]", min, max)
                    .containsExactly(noNullsExpected);
            assertThat(noNullsExpected.length).isGreaterThanOrEqualTo(probeKeys.length / 2);
        }
    }

    @Test
    void packedKeysAreTestedAsTheirDecodedVectorIs() {
        Random random = new Random(29);
        // Runs of one to seven equal keys (lineitem's l_orderkey), so a run-length block has runs to test.
        long[] values = new long[10_000];
        for (int i = 0; i < values.length; ) {
            long key = random.nextLong(1, 200_000);
            for (int end = Math.min(values.length, i + 1 + random.nextInt(7)); i < end; i++) {
                values[i] = key;
            }
        }
        long[] dense = random.longs(3_000, 1, 200_000).toArray();   // a bitmap
        long[] sparse = random.longs(3_000, 1, 1L << 40).toArray(); // a Bloom filter
        System.arraycopy(values, 0, sparse, 0, 500);
        for (EncodingKind encoding : new EncodingKind[] {EncodingKind.BIT_PACKED, EncodingKind.DICTIONARY,
                EncodingKind.RUN_LENGTH, EncodingKind.DELTA}) {
            LongVector vector = new LongVector(values.length);
            for (long value : values) {
                vector.append(value);
            }
            EncodedBlock encoded = BlockEncoder.encode(vector, values.length, encoding);
            EncodedLongs packed = BlockDecoder.decodeBlock(PhysicalKind.LONG, encoding, values.length, encoded.bytes(), 0,
                    encoded.length()).encodedLongs();
            assertThat(packed).isNotNull();
            for (long[] keys : new long[][] {dense, sparse}) {
                KeyMembershipFilter filter = KeyMembershipFilter.of(keys, keys.length);
                int offset = 100;
                int count = values.length - offset;
                LongVector tail = new LongVector(count);
                for (int i = 0; i < count; i++) {
                    tail.append(values[offset + i]);
                }
                int[] expected = new int[count];
                int expectedCount = filter.select(tail, null, count, expected);
                // As when the filter has kept many rows so far, and few (a bitmap then branches on packed keys).
                for (boolean fewKept : new boolean[] {false, true}) {
                    int[] kept = new int[count];
                    int keptCount = filter.selectEncoded(packed, offset, null, count, kept, new long[300], fewKept);
                    assertThat(Arrays.copyOf(kept, keptCount)).as(encoding + " " + filter.getClass().getSimpleName())
                            .containsExactly(Arrays.copyOf(expected, expectedCount)).isNotEmpty();

                    int[] thirds = IntStream.range(0, count / 3).map(i -> 3 * i).toArray();
                    int[] expectedThirds = new int[thirds.length];
                    int expectedThirdCount = filter.select(tail, thirds, thirds.length, expectedThirds);
                    keptCount = filter.selectEncoded(packed, offset, thirds, thirds.length, thirds, new long[300], fewKept);
                    assertThat(Arrays.copyOf(thirds, keptCount))
                            .containsExactly(Arrays.copyOf(expectedThirds, expectedThirdCount));
                }
            }
        }
    }

    @Test
    void sortedDeltaKeysSearchedForTheBitmapsKeysKeepWhatATestOfEveryRowKeeps() {
        Random random = new Random(41);
        // Sorted probe keys in runs of one to five (partsupp's part keys), against sets from a handful of keys in the
        // probe's range (searched) to most of it (tested row by row), some reaching past either end.
        long[] probe = new long[20_000];
        long key = 1_000;
        for (int i = 0; i < probe.length; ) {
            key += random.nextInt(3);
            for (int end = Math.min(probe.length, i + 1 + random.nextInt(5)); i < end; i++) {
                probe[i] = key;
            }
        }
        long last = probe[probe.length - 1];
        EncodedLongs deltas = encoded(probe, EncodingKind.DELTA);
        for (int setSize : new int[] {1, 3, 40, 400, 4_000, 12_000}) {
            long[] keys = random.longs(setSize, 900, last + 100).toArray();
            KeyMembershipFilter filter = KeyMembershipFilter.of(keys, keys.length);
            assertThat(filter).isInstanceOf(KeyBitmapFilter.class);
            for (int[] slice : new int[][] {{0, probe.length}, {137, 5_000}, {probe.length - 64, 64}, {500, 1}}) {
                int from = slice[0];
                int count = slice[1];
                int[] expected = IntStream.range(0, count).filter(r -> filter.mightContain(probe[from + r])).toArray();
                int[] kept = new int[count];
                int passed = filter.selectEncoded(deltas, from, null, count, kept, new long[300], false);
                assertThat(Arrays.copyOf(kept, passed)).as("%d keys, rows [%d, +%d)", setSize, from, count)
                        .containsExactly(expected);
            }
        }
        // Sets wholly before or after the rows' keys, and a Bloom filter (which cannot list its keys).
        for (long[] keys : new long[][] {{1, 5, 999}, {last + 1, last + 70}, {0, 5_000_000, 10_000_000, 1_200}}) {
            KeyMembershipFilter filter = KeyMembershipFilter.of(keys, keys.length);
            int[] expected = IntStream.range(0, probe.length).filter(r -> filter.mightContain(probe[r])).toArray();
            int[] kept = new int[probe.length];
            int passed = filter.selectEncoded(deltas, 0, null, probe.length, kept, new long[300], false);
            assertThat(Arrays.copyOf(kept, passed)).as(Arrays.toString(keys)).containsExactly(expected);
        }
    }

    private static EncodedLongs encoded(long[] values, EncodingKind encoding) {
        LongVector vector = new LongVector(values.length);
        for (long value : values) {
            vector.append(value);
        }
        EncodedBlock block = BlockEncoder.encode(vector, values.length, encoding);
        return BlockDecoder.decodeBlock(PhysicalKind.LONG, encoding, values.length, block.bytes(), 0, block.length())
                .encodedLongs();
    }
}
