package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistinctBucketMergeTest {

    /** Records every (group, argument) it is fed, as text. */
    private static final class RecordingAccumulator implements Accumulator {
        final List<String> fed = new ArrayList<>();

        @Override
        public void ensureGroups(int groupCount) {
        }

        @Override
        public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                Object value = arguments[0] instanceof LongVector longs ? (Object) longs.get(row)
                        : ((BytesVector) arguments[0]).getString(row);
                fed.add(groupIds[row] + "/" + value);
            }
        }

        @Override
        public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ColumnVector result(int from, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {
        }
    }

    /**
     * A worker's entries: {@code rows} of them, of which every third is left out of the partition; the group id column
     * and {@code groupByEntry} hold merged group ids, as the merge hands them over ({@code id * 3 % 1000} of the worker's
     * {@code id}, so several of a worker's groups merge into one).
     */
    private static DistinctBucketMerge.Source source(Random random, int rows, boolean text, Set<String> expected) {
        LongVector groups = new LongVector(rows);
        LongVector numbers = new LongVector(rows);
        BytesVector texts = new BytesVector(rows, rows * 8);
        int[] groupByEntry = new int[rows];
        int[] selected = new int[rows];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            int group = random.nextInt(2_000);
            // Half the values come from a small pool: they repeat within a worker and across workers.
            long value = random.nextBoolean() ? random.nextInt(50) : random.nextInt(1_000_000);
            groupByEntry[row] = group * 3 % 1_000;
            groups.append(groupByEntry[row]); // translated, as the merge hands them over
            numbers.append(value);
            texts.append("t" + value);
            if (row % 3 != 2) {
                selected[count++] = row;
                expected.add(groupByEntry[row] + "/" + (text ? "t" + value : Long.toString(value)));
            }
        }
        ColumnVector[] entries = {groups, text ? texts : numbers};
        return new DistinctBucketMerge.Source(entries, Arrays.copyOf(selected, count), groupByEntry,
                new ColumnVector[] {entries[1]});
    }

    @Test
    void everyDistinctEntryIsFedOnceWhateverItsColumnsAndHowOftenItRepeats() {
        // One bucket (the entries stay where they are) and several (LONG entries copied per bucket); text entries,
        // which stay where they are in either case.
        for (int scale : new int[] {1, 30}) {
            for (boolean text : new boolean[] {false, true}) {
                check(scale, text);
            }
        }
    }

    private void check(int scale, boolean text) {
        Random random = new Random(text ? 2 : 1);
        Set<String> expected = new HashSet<>();
        // The third worker's entries are empty.
        List<DistinctBucketMerge.Source> sources = List.of(source(random, 3_000 * scale, text, expected),
                source(random, 2_000 * scale, text, expected), source(random, 0, text, expected));
        int total = sources.stream().mapToInt(source -> source.rows().length).sum();
        assertThat(DistinctBucketMerge.bucketBits(total)).isEqualTo(scale == 1 ? 0 : 3);
        MemoryBudget budget = new MemoryBudget(1L << 30);
        MemoryReservation memory = new MemoryReservation(budget, "test");
        RecordingAccumulator accumulator = new RecordingAccumulator();
        List<PhysicalKind> kinds = List.of(PhysicalKind.LONG, text ? PhysicalKind.BYTES : PhysicalKind.LONG);

        DistinctBucketMerge.merge(sources, kinds, accumulator, memory, () -> { });

        assertThat(accumulator.fed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(accumulator.fed)).isEqualTo(expected);
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void theCopiesOfTheEntriesAreReservedAndGivenBack() {
        Random random = new Random(3);
        List<DistinctBucketMerge.Source> sources = List.of(source(random, 90_000, false, new HashSet<>()),
                source(random, 60_000, false, new HashSet<>()));
        List<PhysicalKind> kinds = List.of(PhysicalKind.LONG, PhysicalKind.LONG);
        // 100,000 entries copied take about 2.2 MB: a 1 MB budget fails the merge with 53200, not the JVM's heap.
        MemoryBudget small = new MemoryBudget(1L << 20);
        RecordingAccumulator accumulator = new RecordingAccumulator();
        assertThatThrownBy(() -> DistinctBucketMerge.merge(sources, kinds, accumulator,
                new MemoryReservation(small, "aggregating"), () -> { }))
                .isInstanceOfSatisfying(ExecutionException.class,
                        failure -> assertThat(failure.sqlState()).isEqualTo(ExecutionException.OUT_OF_MEMORY));
        assertThat(small.usedBytes()).isZero();
        assertThat(accumulator.fed).isEmpty();
    }

    @Test
    void bucketsHoldAtMostTheirShareUpToTheLimit() {
        assertThat(DistinctBucketMerge.bucketBits(0)).isZero();
        assertThat(DistinctBucketMerge.bucketBits(DistinctBucketMerge.BUCKET_ENTRIES)).isZero();
        assertThat(DistinctBucketMerge.bucketBits(DistinctBucketMerge.BUCKET_ENTRIES + 1)).isEqualTo(1);
        assertThat(DistinctBucketMerge.bucketBits(600_000)).isEqualTo(6);
        assertThat(DistinctBucketMerge.bucketBits(Integer.MAX_VALUE)).isEqualTo(16);
    }
}
