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
                .isEqualTo(Runtime.version().feature() >= 21 && PackedIntLanes.hasWideVectors());
        assertThat(PackedIntLanes.lanes() % 8).as("groups start on byte boundaries").isZero();
        assertThat(PackedIntLanes.loadBytes()).isGreaterThanOrEqualTo(PackedIntLanes.lanes() * Integer.BYTES);
    }
}
