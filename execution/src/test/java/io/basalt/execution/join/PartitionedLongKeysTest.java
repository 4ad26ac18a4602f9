package io.basalt.execution.join;

import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static io.basalt.execution.vector.Selection.all;
import static org.assertj.core.api.Assertions.assertThat;

class PartitionedLongKeysTest {

    private static final Consumer<List<Runnable>> ONE_THREAD = tasks -> tasks.forEach(Runnable::run);

    private static LongVector vector(long... keys) {
        LongVector vector = new LongVector(keys.length);
        for (long key : keys) {
            vector.append(key);
        }
        return vector;
    }

    /** The build rows of the key in {@code slot}, following the chain. */
    private static List<Integer> chain(PartitionedLongKeys table, int[] next, int slot) {
        List<Integer> rows = new ArrayList<>();
        for (int row = table.head(slot); row >= 0; row = next[row]) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void chainsHoldEveryIndexedRowOfAKeyInBuildOrder() {
        // Row 2 is not indexed (a NULL key's row, say): it is in no chain.
        LongVector keys = vector(5, -9, 5, Long.MIN_VALUE, 5, Long.MAX_VALUE, -9);
        int[] indexed = {0, 1, 3, 4, 5, 6};
        int[] next = new int[7];

        PartitionedLongKeys table = PartitionedLongKeys.build(keys, indexed, indexed.length, next, ONE_THREAD, () -> { });

        assertThat(table.distinctKeyCount()).isEqualTo(4);
        LongVector distinct = table.keys();
        assertThat(distinct.positionCount()).isEqualTo(4);
        assertThat(Arrays.copyOf(distinct.values(), 4)).containsExactlyInAnyOrder(5, -9, Long.MIN_VALUE, Long.MAX_VALUE);
        LongVector probe = vector(5, -9, 7, Long.MIN_VALUE, Long.MAX_VALUE, 0, 5);
        probe.setNull(6, true);
        int[] found = new int[7];
        table.find(probe, all(7), 7, found);
        assertThat(chain(table, next, found[0])).containsExactly(0, 4);
        assertThat(chain(table, next, found[1])).containsExactly(1, 6);
        assertThat(found[2]).isEqualTo(-1);
        assertThat(chain(table, next, found[3])).containsExactly(3);
        assertThat(chain(table, next, found[4])).containsExactly(5);
        assertThat(found[5]).isEqualTo(-1);
        assertThat(found[6]).as("a NULL key finds nothing").isEqualTo(-1);
    }

    @Test
    void regionsFilledByParallelWorkersIndexLikeOneThread() throws Exception {
        // Enough rows for the regions to be handed out; spread keys with repeats, and runs of one key in the probe.
        int rows = 200_000;
        Random random = new Random(42);
        LongVector keys = new LongVector(rows);
        for (int row = 0; row < rows; row++) {
            keys.append(random.nextInt(150_000) * 40L - 3_000_000L);
        }
        int[] next = new int[rows];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Consumer<List<Runnable>> parallel = tasks -> {
                List<Future<?>> futures = new ArrayList<>();
                for (Runnable task : tasks) {
                    futures.add(pool.submit(task));
                }
                for (Future<?> future : futures) {
                    try {
                        future.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            PartitionedLongKeys table = PartitionedLongKeys.build(keys, all(rows), rows, next, parallel, () -> { });

            Map<Long, List<Integer>> expected = new HashMap<>();
            for (int row = 0; row < rows; row++) {
                expected.computeIfAbsent(keys.values()[row], key -> new ArrayList<>()).add(row);
            }
            assertThat(table.distinctKeyCount()).isEqualTo(expected.size());
            LongVector probe = new LongVector(1000);
            for (int i = 0; i < 1000; i++) {
                probe.append(i % 3 == 0 ? keys.values()[i / 3] : random.nextLong());
            }
            int[] found = new int[1000];
            table.find(probe, all(1000), 1000, found);
            for (int i = 0; i < 1000; i++) {
                List<Integer> rowsOfKey = expected.get(probe.values()[i]);
                if (rowsOfKey == null) {
                    assertThat(found[i]).isEqualTo(-1);
                } else {
                    assertThat(chain(table, next, found[i])).isEqualTo(rowsOfKey);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
