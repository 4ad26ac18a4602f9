package io.basalt.tpch.concurrency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySamplesTest {

    @Test
    void percentilesAreNearestRanksOverEveryClientsSamples() {
        LatencySamples first = new LatencySamples();
        LatencySamples second = new LatencySamples();
        for (int millis = 1; millis <= 2000; millis++) {
            (millis % 2 == 0 ? first : second).add(millis * 1_000_000L);
        }
        LatencySamples all = new LatencySamples();
        all.addAll(first);
        all.addAll(second);
        assertThat(all.count()).isEqualTo(2000);
        assertThat(all.percentileMillis(50)).isEqualTo(1000.0);
        assertThat(all.percentileMillis(95)).isEqualTo(1900.0);
        assertThat(all.percentileMillis(100)).isEqualTo(2000.0);
        assertThat(all.percentileMillis(0)).isEqualTo(1.0);
    }

    @Test
    void noSamplesReadAsZero() {
        assertThat(new LatencySamples().percentileMillis(95)).isZero();
    }
}
