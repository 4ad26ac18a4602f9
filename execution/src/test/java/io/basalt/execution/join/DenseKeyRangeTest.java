package io.basalt.execution.join;

import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import static io.basalt.execution.vector.Selection.all;
import static org.assertj.core.api.Assertions.assertThat;

class DenseKeyRangeTest {

    private static LongVector vector(long... keys) {
        LongVector vector = new LongVector(keys.length);
        for (long key : keys) {
            vector.append(key);
        }
        return vector;
    }

    /** The range of the keys at {@code indexed[0, count)} of {@code keys} when it is narrow enough, else null. */
    private static DenseKeyRange dense(LongVector keys, int[] indexed, int count) {
        return DenseKeyRange.of(BuildKeyBounds.of(keys, indexed, count), count);
    }

    @Test
    void keysWithinEightSlotsARowAreDense() {
        // 4 rows: a span below 32 slots is dense, from 32 on it is not.
        assertThat(dense(vector(10, 20, 30, 41), all(4), 4)).isEqualTo(new DenseKeyRange(10, 31));
        assertThat(dense(vector(10, 20, 30, 42), all(4), 4)).isNull();
        assertThat(dense(vector(Long.MIN_VALUE, Long.MAX_VALUE), all(2), 2)).isNull();
        assertThat(dense(vector(), all(0), 0)).isNull();
        // Only the indexed rows count: row 1 (a NULL key's slot, say) is not.
        assertThat(dense(vector(-5, 1_000_000, -3), new int[] {0, 2}, 2)).isEqualTo(new DenseKeyRange(-5, 2));
    }

    @Test
    void findGivesTheSlotOfKeysWithAChainAndMinusOneForOthers() {
        DenseKeyRange range = new DenseKeyRange(-2, 4); // keys -2 … 2
        int[] firstRow = {7, -1, 3, -1, 0}; // rows with keys -2, 0 and 2
        LongVector probe = vector(-2, -1, 0, 2, 3, -3, Long.MIN_VALUE, Long.MAX_VALUE, 0);
        probe.setNull(8, true);
        int[] slots = new int[9];

        range.find(probe, all(9), 9, firstRow, slots);

        assertThat(slots).containsExactly(0, -1, 2, 4, -1, -1, -1, -1, -1);
        assertThat(range.keys(firstRow, 3).values()).startsWith(-2, 0, 2);
        assertThat(range.keys(firstRow, 3).positionCount()).isEqualTo(3);
    }
}
