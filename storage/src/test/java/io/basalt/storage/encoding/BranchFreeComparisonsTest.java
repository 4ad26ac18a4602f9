package io.basalt.storage.encoding;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BranchFreeComparisonsTest {

    private static final long[] EDGES = {0, 1, 2, 63, 64, -1, -2, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
            Long.MIN_VALUE + 1, 1L << 32, (1L << 32) - 1, 1L << 62, (1L << 62) - 1};

    @Test
    void unsignedAtMostAgreesWithCompareUnsignedOnEdgesAndRandomPairs() {
        for (long value : EDGES) {
            for (long bound : EDGES) {
                assertAtMost(value, bound);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong();
            assertAtMost(value, random.nextLong());
            assertAtMost(value, value + random.nextInt(-2, 3));
        }
    }

    @Test
    void atMostOrPicksTheValueOnlyWhenWithinTheBound() {
        assertThat(BranchFreeComparisons.atMostOr(5, 10, 99)).isEqualTo(5);
        assertThat(BranchFreeComparisons.atMostOr(10, 10, 99)).isEqualTo(10);
        assertThat(BranchFreeComparisons.atMostOr(11, 10, 99)).isEqualTo(99);
        assertThat(BranchFreeComparisons.atMostOr(-1, 10, 99)).isEqualTo(99); // huge as unsigned
        assertThat(BranchFreeComparisons.atMostOr(0, 0, 99)).isEqualTo(0);
        assertThat(BranchFreeComparisons.atMostOr(1, 0, 99)).isEqualTo(99);
        assertThat(BranchFreeComparisons.atMostOr(Long.MIN_VALUE, 10, 99)).isEqualTo(99);
        assertThat(BranchFreeComparisons.atMostOr(Long.MAX_VALUE, Long.MAX_VALUE, 99)).isEqualTo(Long.MAX_VALUE);
        assertThat(BranchFreeComparisons.atMostOr(Long.MAX_VALUE, Long.MAX_VALUE - 1, 99)).isEqualTo(99);
    }

    /** Against the unsigned comparison, for every non-negative bound among the edge values and random ones. */
    @Test
    void atMostOrAgreesWithTheUnsignedComparisonForNonNegativeBounds() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 200_000; i++) {
            long value = i < EDGES.length * EDGES.length ? EDGES[i % EDGES.length] : random.nextLong() >> random.nextInt(64);
            long bound = i < EDGES.length * EDGES.length ? EDGES[i / EDGES.length] : random.nextLong() >>> random.nextInt(1, 64);
            if (bound < 0) {
                continue;
            }
            long expected = Long.compareUnsigned(value, bound) <= 0 ? value : -7;
            assertThat(BranchFreeComparisons.atMostOr(value, bound, -7)).as("%d <= %d", value, bound).isEqualTo(expected);
        }
    }

    @Test
    void isZeroIsOneOnlyForZero() {
        for (long value : EDGES) {
            assertThat(BranchFreeComparisons.isZero(value)).isEqualTo(value == 0 ? 1 : 0);
        }
    }

    @Test
    void withinSmallAgreesWithTwoComparisonsBelowTwoToThe62() {
        long[] small = {0, 1, 2, 100, (1L << 62) - 2, (1L << 62) - 1};
        for (long value : small) {
            for (long low : small) {
                for (long high : small) {
                    assertThat(BranchFreeComparisons.withinSmall(value, low, high))
                            .as("%d in [%d, %d]", value, low, high)
                            .isEqualTo(low <= value && value <= high ? 1 : 0);
                }
            }
        }
    }

    private static void assertAtMost(long value, long bound) {
        assertThat(BranchFreeComparisons.unsignedAtMost(value, bound))
                .as("%s <= %s unsigned", Long.toUnsignedString(value), Long.toUnsignedString(bound))
                .isEqualTo(Long.compareUnsigned(value, bound) <= 0 ? 1 : 0);
    }
}
