package io.basalt.storage.encoding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the vector kernels run: the tests' JVM has the module (storage's pom adds it). */
class VectorInstructionsTest {

    @Test
    void offNeverOnAlwaysAndByDefaultFromJdk21WithWideVectors() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(VectorInstructions.decide("off")).isFalse();
        assertThat(VectorInstructions.decide("on")).isTrue();
        assertThat(VectorInstructions.decide("auto"))
                .isEqualTo(Runtime.version().feature() >= 21 && PackedRangeVectors.hasWideVectors());
        assertThat(PackedRangeVectors.lanes() % 8).as("groups start on byte boundaries").isZero();
        assertThat(PackedRangeVectors.loadBytes()).isGreaterThanOrEqualTo(PackedRangeVectors.lanes() * Integer.BYTES);
    }
}
