package io.basalt.optimizer.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BasaltCostTest {

    @Test
    void plansCompareByCpuMemoryAndIoNotRowsAlone() {
        // Same rows out; building the hash table on a million rows costs more than on a thousand.
        BasaltCost smallBuild = new BasaltCost(100, 1_001_100, 1_000, 0);
        BasaltCost largeBuild = new BasaltCost(100, 1_001_100, 1_000_000, 0);

        assertThat(smallBuild.isLt(largeBuild)).isTrue();
        assertThat(largeBuild.isLt(smallBuild)).isFalse();
    }

    @Test
    void memoryWeighsTwiceAsMuchAsCpu() {
        assertThat(new BasaltCost(1, 10, 5, 3).total()).isEqualTo(10 + 2 * 5 + 3);
    }

    @Test
    void arithmeticKeepsEveryComponent() {
        BasaltCost sum = (BasaltCost) new BasaltCost(1, 2, 3, 4).plus(new BasaltCost(10, 20, 30, 40));

        assertThat(sum.getRows()).isEqualTo(11);
        assertThat(sum.getCpu()).isEqualTo(22);
        assertThat(sum.getMemory()).isEqualTo(33);
        assertThat(sum.getIo()).isEqualTo(44);
        assertThat(BasaltCostFactory.INSTANCE.makeInfiniteCost().plus(sum).isInfinite()).isTrue();
    }
}
