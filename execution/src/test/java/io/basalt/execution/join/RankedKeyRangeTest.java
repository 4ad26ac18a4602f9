package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static io.basalt.execution.vector.Selection.all;
import static org.assertj.core.api.Assertions.assertThat;

class RankedKeyRangeTest {

    private final MemoryReservation memory = new MemoryReservation(new MemoryBudget(1L << 30), "test");

    private static LongVector vector(long... keys) {
        LongVector vector = new LongVector(keys.length);
        for (long key : keys) {
            vector.append(key);
        }
        return vector;
    }

    private RankedKeyRange ranked(LongVector keys, int[] indexed, int count) {
        return RankedKeyRange.of(keys, indexed, count, BuildKeyBounds.of(keys, indexed, count), memory);
    }

    @Test
    void keysWithinTwoHundredFiftySixValuesARowAreRanked() {
        // 4 rows: a span below 1,024 values is ranked, from 1,024 on it is not.
        assertThat(ranked(vector(10, 20, 30, 1_033), all(4), 4)).isNotNull();
        assertThat(ranked(vector(10, 20, 30, 1_034), all(4), 4)).isNull();
        assertThat(ranked(vector(Long.MIN_VALUE, Long.MAX_VALUE), all(2), 2)).isNull();
        // However many rows: a range of MAX_SPAN values or more is hashed (its index would outgrow an array).
        assertThat(RankedKeyRange.of(vector(0, RankedKeyRange.MAX_SPAN), all(2), Integer.MAX_VALUE,
                new BuildKeyBounds(0, RankedKeyRange.MAX_SPAN), memory)).isNull();
        assertThat(ranked(vector(), all(0), 0)).isNull();
        // Only the indexed rows count: row 1 (a NULL key's slot, say) is not.
        RankedKeyRange ranked = ranked(vector(-5, 1_000_000, 90), new int[] {0, 2}, 2);
        assertThat(ranked.keys().values()).startsWith(-5, 90);
        assertThat(ranked.distinct()).isEqualTo(2);
    }

    @Test
    void aKeysGroupIsItsRankAmongTheDistinctBuildKeys() {
        Random random = new Random(41);
        long min = -3_000_000_000L;
        long[] build = new long[20_000];
        for (int i = 0; i < build.length; i++) {
            build[i] = min + random.nextInt(2_000_000); // duplicates too
        }
        build[7] = min;
        long[] distinct = Arrays.stream(build).distinct().sorted().toArray();
        long before = memory.heldBytes();
        RankedKeyRange ranked = ranked(vector(build), all(build.length), build.length);

        assertThat(ranked.distinct()).isEqualTo(distinct.length);
        assertThat(memory.heldBytes() - before).isEqualTo(ranked.bytes());
        assertThat(ranked.keys().values()).startsWith(distinct);
        for (int i = 0; i < build.length; i += 97) {
            assertThat(ranked.group(build[i])).isEqualTo(Arrays.binarySearch(distinct, build[i]));
        }

        // Probes: build keys, keys between them, just outside the range, the extremes and a NULL.
        long[] probe = new long[5_000];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = i % 3 == 0 ? build[random.nextInt(build.length)] : min - 5 + random.nextInt(2_000_010);
        }
        probe[1] = Long.MIN_VALUE;
        probe[2] = Long.MAX_VALUE;
        probe[4] = min - 1;
        probe[5] = distinct[distinct.length - 1] + 1;
        LongVector probeVector = vector(probe);
        probeVector.setNull(8, true);
        int[] groups = new int[probe.length];
        ranked.find(probeVector, all(probe.length), probe.length, groups);
        for (int i = 0; i < probe.length; i++) {
            int expected = i == 8 ? -1 : Math.max(-1, Arrays.binarySearch(distinct, probe[i]));
            assertThat(groups[i]).as("probe %d: %d", i, probe[i]).isEqualTo(expected);
        }
    }
}
