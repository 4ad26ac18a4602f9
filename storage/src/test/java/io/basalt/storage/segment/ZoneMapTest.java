package io.basalt.storage.segment;

import io.basalt.storage.encoding.TestVectors;
import io.basalt.storage.type.PhysicalKind;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneMapTest {

    @Test
    void longBoundsAndPruning() {
        LongZoneMap zoneMap = (LongZoneMap) ZoneMapBuilder.of(TestVectors.longs(5L, null, -3L, Long.MAX_VALUE), 4);

        assertThat(zoneMap).isEqualTo(new LongZoneMap(4, 1, -3, Long.MAX_VALUE));
        assertThat(zoneMap.mayContain(Long.MIN_VALUE, -4)).isFalse();
        assertThat(zoneMap.mayContain(-3, -3)).isTrue();
        assertThat(zoneMap.mayContain(6, 7)).isTrue();
    }

    @Test
    void allNullZoneMapContainsNothing() {
        LongZoneMap zoneMap = (LongZoneMap) ZoneMapBuilder.of(TestVectors.longs(null, null), 2);

        assertThat(zoneMap.hasValues()).isFalse();
        assertThat(zoneMap.mayContain(Long.MIN_VALUE, Long.MAX_VALUE)).isFalse();
        assertThat(zoneMap.merge(new LongZoneMap(3, 0, 7, 9))).isEqualTo(new LongZoneMap(5, 2, 7, 9));
    }

    @Test
    void booleansAreZeroAndOne() {
        assertThat(ZoneMapBuilder.of(TestVectors.booleans(true, null, true), 3)).isEqualTo(new LongZoneMap(3, 1, 1, 1));
        assertThat(ZoneMapBuilder.of(TestVectors.booleans(false, true), 2)).isEqualTo(new LongZoneMap(2, 0, 0, 1));
    }

    @Test
    void doublesKeepNaNApartAndOrderZeros() {
        DoubleZoneMap zoneMap = (DoubleZoneMap) ZoneMapBuilder.of(TestVectors.doubles(0.0, Double.NaN, -0.0, 2.5), 4);

        assertThat(Double.doubleToRawLongBits(zoneMap.min())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(zoneMap.max()).isEqualTo(2.5);
        assertThat(zoneMap.hasNaN()).isTrue();
        assertThat(zoneMap.mayContain(0.0, 0.0)).isTrue();
        assertThat(zoneMap.mayContain(3, Double.POSITIVE_INFINITY)).isFalse();

        DoubleZoneMap onlyNaN = (DoubleZoneMap) ZoneMapBuilder.of(TestVectors.doubles(Double.NaN), 1);
        assertThat(onlyNaN.mayContain(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(onlyNaN.hasNaN()).isTrue();
        assertThat(onlyNaN.merge(zoneMap)).isEqualTo(new DoubleZoneMap(5, 0, -0.0, 2.5, true));

        DoubleZoneMap infinities = (DoubleZoneMap) ZoneMapBuilder.of(
                TestVectors.doubles(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 2);
        assertThat(infinities.mayContain(1e308, 1e308)).isTrue();
    }

    @Test
    void int128BoundsCompareSigned() {
        BigInteger big = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        Int128ZoneMap zoneMap = (Int128ZoneMap) ZoneMapBuilder.of(TestVectors.int128s(BigInteger.ONE, big.negate(), big, null), 4);

        assertThat(zoneMap.minHigh()).isNegative();
        assertThat(zoneMap.maxHigh()).isPositive();
        assertThat(zoneMap.mayContain(0, 0, 0, 0)).isTrue();
        Int128ZoneMap small = (Int128ZoneMap) ZoneMapBuilder.of(TestVectors.int128s(BigInteger.ONE, BigInteger.TWO), 2);
        assertThat(small.mayContain(0, 3, 0, 10)).isFalse();
        assertThat(small.mayContain(-1, -1, 0, 1)).isTrue();
    }

    @Test
    void bytesCompareUnsignedAndKeepShortBoundsExact() {
        BytesZoneMap zoneMap = (BytesZoneMap) ZoneMapBuilder.of(TestVectors.strings("b", "日本", "a", "z"), 4);

        assertThat(zoneMap.min()).isEqualTo(utf8("a"));
        assertThat(zoneMap.max()).isEqualTo(utf8("日本"));
        assertThat(zoneMap.mayContain(utf8("c"), utf8("y"))).isTrue();
        assertThat(zoneMap.mayContain(null, utf8("0"))).isFalse();
        assertThat(zoneMap.mayContain(utf8("日本語"), null)).isFalse();
    }

    @Test
    void longMaxIsRoundedUpAndLongMinCut() {
        String longA = "a".repeat(100);
        String longZ = "z".repeat(70) + "tail";
        BytesZoneMap zoneMap = (BytesZoneMap) ZoneMapBuilder.of(TestVectors.strings(longA, longZ), 2);

        assertThat(zoneMap.min()).isEqualTo(utf8("a".repeat(64)));
        assertThat(zoneMap.max()).isEqualTo(utf8("z".repeat(63) + "{"));
        assertThat(Arrays.compareUnsigned(zoneMap.max(), utf8(longZ))).isPositive();
        assertThat(zoneMap.mayContain(utf8(longZ), utf8(longZ))).isTrue();
    }

    @Test
    void maxOfAllFFBytesIsUnbounded() {
        byte[] ff = new byte[80];
        Arrays.fill(ff, (byte) 0xFF);
        byte[] almost = ff.clone();
        almost[63] = (byte) 0xFE;
        BytesZoneMap unbounded = (BytesZoneMap) ZoneMapBuilder.of(TestVectors.bytes(ff, new byte[] {1}), 2);
        BytesZoneMap bounded = (BytesZoneMap) ZoneMapBuilder.of(TestVectors.bytes(almost), 1);

        assertThat(unbounded.hasUpperBound()).isFalse();
        assertThat(unbounded.mayContain(ff, null)).isTrue();
        assertThat(bounded.max()).hasSize(64).endsWith((byte) 0xFF);
        assertThat(bounded.merge(unbounded)).isEqualTo(new BytesZoneMap(3, 0, new byte[] {1}, null));
    }

    @Test
    void emptyZoneMapsMergeToTheOther() {
        for (PhysicalKind kind : PhysicalKind.values()) {
            assertThat(ZoneMap.empty(kind).hasValues()).isFalse();
        }
        BytesZoneMap some = (BytesZoneMap) ZoneMapBuilder.of(TestVectors.strings("m"), 1);
        assertThat(ZoneMap.empty(PhysicalKind.BYTES).merge(some)).isEqualTo(some);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
