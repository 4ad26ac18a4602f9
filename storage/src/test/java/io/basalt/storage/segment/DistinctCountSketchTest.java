package io.basalt.storage.segment;

import io.basalt.storage.encoding.TestVectors;
import io.basalt.storage.vector.BytesVector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistinctCountSketchTest {

    @Test
    void smallCountsAreNearlyExact() {
        DistinctCountSketch sketch = new DistinctCountSketch();
        for (int repeat = 0; repeat < 5; repeat++) {
            for (long v = 0; v < 100; v++) {
                sketch.addHash(DistinctCountSketch.hashLong(v));
            }
        }
        assertThat(sketch.estimate()).isBetween(97L, 103L);
        assertThat(new DistinctCountSketch().estimate()).isZero();
    }

    @Test
    void largeCountsAreWithinAFewPercent() {
        DistinctCountSketch sketch = new DistinctCountSketch();
        Random random = new Random(1);
        for (int i = 0; i < 1_000_000; i++) {
            sketch.addHash(DistinctCountSketch.hashLong(random.nextInt(200_000)));
        }
        assertThat(sketch.estimate()).isBetween(188_000L, 212_000L);
    }

    @Test
    void mergingSketchesOfOverlappingSetsEstimatesTheUnion() {
        DistinctCountSketch a = new DistinctCountSketch();
        DistinctCountSketch b = new DistinctCountSketch();
        for (long v = 0; v < 60_000; v++) {
            a.addHash(DistinctCountSketch.hashLong(v));
            b.addHash(DistinctCountSketch.hashLong(v + 30_000));
        }
        DistinctCountSketch union = a.copy();
        union.merge(b);

        assertThat(union.estimate()).isBetween(85_000L, 95_000L);
        assertThat(DistinctCountSketch.fromRegisters(union.registers())).isEqualTo(union);
    }

    @Test
    void vectorsSkipNullsAndTreatEqualTextAlike() {
        DistinctCountSketch sketch = new DistinctCountSketch();
        BytesVector strings = TestVectors.strings("a", null, "b", "a", "日本語", null, "");
        sketch.addAll(strings, strings.positionCount());

        assertThat(sketch.estimate()).isEqualTo(4);
    }

    @Test
    void zerosAndNaNsCountOnce() {
        DistinctCountSketch sketch = new DistinctCountSketch();
        sketch.addAll(TestVectors.doubles(0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7FF0_0000_0000_0001L)), 4);

        assertThat(sketch.estimate()).isEqualTo(2);
    }

    @Test
    void hashesAreStableAcrossVersions() {
        // Stored registers are merged across files: these values are part of the file format.
        assertThat(DistinctCountSketch.hashLong(0)).isEqualTo(0L);
        assertThat(DistinctCountSketch.hashLong(1)).isEqualTo(0x5692161D100B05E5L);
        assertThat(DistinctCountSketch.hashBytes(new byte[0], 0, 0)).isEqualTo(0L);
        assertThat(DistinctCountSketch.hashBytes("abc".getBytes(), 0, 3))
                .isEqualTo(DistinctCountSketch.mix(DistinctCountSketch.mix(3) ^ 0x636261L));
    }

    @Test
    void rejectsImpossibleRegisters() {
        assertThatThrownBy(() -> DistinctCountSketch.fromRegisters(new byte[10])).isInstanceOf(IllegalArgumentException.class);
        byte[] registers = new byte[DistinctCountSketch.REGISTER_COUNT];
        registers[5] = 56;
        assertThatThrownBy(() -> DistinctCountSketch.fromRegisters(registers)).isInstanceOf(IllegalArgumentException.class);
    }
}
