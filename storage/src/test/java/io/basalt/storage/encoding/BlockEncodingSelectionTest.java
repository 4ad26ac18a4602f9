package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Data designed for one encoding must get that encoding, so a broken size estimate shows up here. */
class BlockEncodingSelectionTest {

    private final Random random = new Random(42);

    @Test
    void longs() {
        assertChosen(TestVectors.longs(TestData.filled(5000, -17L)), EncodingKind.CONSTANT);
        assertChosen(TestVectors.longs(TestData.sortedTimestamps(random, 20_000)), EncodingKind.DELTA);
        assertChosen(TestVectors.longs(random.longs(20_000, 1000, 1100).toArray()), EncodingKind.BIT_PACKED);
        assertChosen(TestVectors.longs(TestData.runs(random, 50, 1000)), EncodingKind.RUN_LENGTH);
        assertChosen(TestVectors.longs(TestData.lowCardinality(random, 20_000, 12)), EncodingKind.DICTIONARY);
        assertChosen(TestVectors.longs(random.longs(20_000).toArray()), EncodingKind.PLAIN);
        assertChosen(TestVectors.longs(Long.MIN_VALUE, Long.MAX_VALUE, 5L, -9L, 1L << 40), EncodingKind.PLAIN);
    }

    /**
     * Line items' order keys (TPC-H's sparse keys, one to seven rows each): DELTA packs them a few per cent smaller than
     * RUN_LENGTH, but a scan must decode a DELTA block whole, so runs win unless DELTA is a quarter smaller.
     */
    @Test
    void runsBeatSlightlySmallerDelta() {
        long[] keys = new long[65_536]; // a whole block: its keys span 18 bits
        int row = 0;
        for (long order = 0; row < keys.length; order++) {
            long key = (order / 8) * 32 + order % 8 + 1;
            for (int copies = 1 + random.nextInt(7); copies > 0 && row < keys.length; copies--) {
                keys[row++] = key;
            }
        }
        LongStats stats = LongStats.of(keys, keys.length);
        assertThat(DeltaLongEncoding.estimatedBytes(stats)).isLessThan(RunLengthLongEncoding.estimatedBytes(stats));
        assertChosen(TestVectors.longs(keys), EncodingKind.RUN_LENGTH);
    }

    @Test
    void constantWithNullsIsStillConstant() {
        ColumnVector vector = TestVectors.withNullsEvery(TestVectors.longs(TestData.filled(300, 5L)), 4, 0);
        assertChosen(vector, EncodingKind.CONSTANT);
    }

    @Test
    void doubles() {
        assertChosen(TestVectors.doubles(TestData.filled(5000, 2.5)), EncodingKind.CONSTANT);
        assertChosen(TestVectors.doubles(TestData.filled(5000, Double.NaN)), EncodingKind.CONSTANT);
        assertChosen(TestVectors.doubles(TestData.pick(random, 20_000, new double[] {0.1, 0.2, 99.99, -1e-9})), EncodingKind.DICTIONARY);
        double[] runs = Arrays.stream(TestData.runs(random, 40, 1000)).mapToDouble(v -> v * 1e-3).toArray();
        assertChosen(TestVectors.doubles(runs), EncodingKind.RUN_LENGTH);
        assertChosen(TestVectors.doubles(random.doubles(20_000).toArray()), EncodingKind.PLAIN);
    }

    @Test
    void int128s() {
        assertChosen(TestVectors.int128s(TestData.filled(100, TestData.TEN_TO_38_MINUS_1)), EncodingKind.CONSTANT);
        BigInteger[] choices = TestData.randomBigs(random, 20);
        assertChosen(TestVectors.int128s(TestData.pick(random, 10_000, choices)), EncodingKind.DICTIONARY);
        assertChosen(TestVectors.int128s(TestData.randomBigs(random, 10_000)), EncodingKind.PLAIN);
    }

    @Test
    void bytes() {
        assertChosen(TestVectors.strings(TestData.filled(1000, "same")), EncodingKind.CONSTANT);
        assertChosen(TestVectors.strings(TestData.pick(random, 20_000, new String[] {"AIR", "MAIL", "SHIP", "日本語"})),
                EncodingKind.DICTIONARY);
        assertChosen(TestVectors.strings(TestData.stringRuns(random, 30, 2000)), EncodingKind.RUN_LENGTH);
        assertChosen(TestVectors.strings(TestData.uniqueStrings(random, 20_000)), EncodingKind.PLAIN);
    }

    @Test
    void booleans() {
        assertChosen(TestVectors.booleans(TestData.filled(1000, true)), EncodingKind.CONSTANT);
        assertChosen(TestVectors.booleans(TestData.booleanRuns(random, 20, 5000)), EncodingKind.RUN_LENGTH);
        assertChosen(TestVectors.booleans(TestData.randomBooleans(random, 20_000)), EncodingKind.PLAIN);
    }

    @Test
    void chosenEncodingIsNeverLargerThanPlain() {
        for (PhysicalKind kind : PhysicalKind.values()) {
            for (var set : TestData.dataSets(kind).entrySet()) {
                ColumnVector vector = set.getValue();
                int chosen = BlockEncoder.encode(vector, vector.positionCount()).length();
                int plain = BlockEncoder.encode(vector, vector.positionCount(), EncodingKind.PLAIN).length();
                assertThat(chosen).as("%s %s", kind, set.getKey()).isLessThanOrEqualTo(plain);
            }
        }
    }

    private static void assertChosen(ColumnVector vector, EncodingKind expected) {
        EncodedBlock block = BlockEncoder.encode(vector, vector.positionCount());
        assertThat(block.encoding()).isEqualTo(expected);
        TestVectors.assertSameValues(
                BlockDecoder.decode(vector.kind(), block.encoding(), vector.positionCount(), block.bytes(), 0, block.length()), vector);
    }
}
