package io.basalt.execution.join;

import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPairPackingTest {

    private static LongVector longs(long... values) {
        LongVector vector = new LongVector(values.length);
        for (long value : values) {
            vector.append(value);
        }
        return vector;
    }

    @Test
    void pairsPackToOneLongExactlyWhenEqualAndBackToThemselves() {
        long[] firsts = {-3, -3, 0, 5, 5, 12};
        long[] seconds = {100, 101, 100, 131, 100, 116};
        int[] all = IntStream.range(0, firsts.length).toArray();
        KeyPairPacking packing = KeyPairPacking.of(longs(firsts), longs(seconds), all, all.length);
        assertThat(packing).isNotNull();
        LongVector packed = packing.packBuild(longs(firsts), longs(seconds), all, all.length, all.length);

        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < firsts.length; i++) {
            assertThat(packed.values()[i]).isNotNegative();
            assertThat(seen.put(packed.values()[i], i)).as("pair %d packs like another", i).isNull();
        }
        LongVector[] unpacked = packing.unpack(packed);
        assertThat(unpacked[0].values()).startsWith(firsts);
        assertThat(unpacked[1].values()).startsWith(seconds);

        // Probe pairs: the build's own, and pairs with a value just outside either range.
        long[] probeFirsts = {5, -4, 13, 5, 5, -3};
        long[] probeSeconds = {131, 100, 100, 99, 132, 101};
        long[] out = new long[probeFirsts.length];
        packing.packProbe(longs(probeFirsts), longs(probeSeconds), IntStream.range(0, 6).toArray(), 6, out);
        assertThat(out).containsExactly(packed.values()[3], KeyPairPacking.NO_MATCH, KeyPairPacking.NO_MATCH,
                KeyPairPacking.NO_MATCH, KeyPairPacking.NO_MATCH, packed.values()[1]);
    }

    @Test
    void rangesTooWideTogetherAreNotPacked() {
        int[] two = {0, 1};
        // 40 + 22 bits fit; 40 + 23 do not; a range wider than Long.MAX_VALUE never does.
        assertThat(KeyPairPacking.of(longs(0, (1L << 40) - 1), longs(0, (1L << 22) - 1), two, 2)).isNotNull();
        assertThat(KeyPairPacking.of(longs(0, (1L << 40) - 1), longs(0, (1L << 23) - 1), two, 2)).isNull();
        assertThat(KeyPairPacking.of(longs(Long.MIN_VALUE, Long.MAX_VALUE), longs(1, 1), two, 2)).isNull();
        assertThat(KeyPairPacking.of(longs(), longs(), new int[0], 0)).isNull();
    }
}
