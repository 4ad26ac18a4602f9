package io.basalt.execution.vector;

import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stores in chunks ({@link RowStore#inChunks}): appended batches are kept as exact copies (the caller may reuse its
 * vectors), reserved exactly, read back by {@link RowStore#batches}, and {@link RowStore#concatenate} gives one store of
 * growable vectors with every part's rows in order, NULLs and strings included, its memory the exact size.
 */
class RowStoreChunksTest {

    private static final List<PhysicalKind> KINDS = List.of(PhysicalKind.LONG, PhysicalKind.BYTES);

    private final MemoryBudget budget = new MemoryBudget(1L << 30);
    private final MemoryReservation memory = new MemoryReservation(budget, "test");

    /** Rows {@code first .. first+count-1}: the number (NULL every seventh) and its name ("r<number>", NULL every fifth). */
    private static ColumnBatch batch(int first, int count) {
        LongVector numbers = new LongVector(count);
        BytesVector names = new BytesVector(count, count * 8);
        for (int row = first; row < first + count; row++) {
            if (row % 7 == 0) {
                numbers.appendNull();
            } else {
                numbers.append(row);
            }
            if (row % 5 == 0) {
                names.appendNull();
            } else {
                names.append("r" + row);
            }
        }
        return new ColumnBatch(count, List.<ColumnVector>of(numbers, names));
    }

    private static List<String> rows(List<ColumnBatch> batches) {
        List<String> rows = new ArrayList<>();
        for (ColumnBatch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++) {
                rows.add(text(batch.column(0), row) + "|" + text(batch.column(1), row));
            }
        }
        return rows;
    }

    private static String text(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return "NULL";
        }
        return vector instanceof LongVector longs ? Long.toString(longs.get(row))
                : new String(((BytesVector) vector).getBytes(row), StandardCharsets.UTF_8);
    }

    @Test
    void partsInChunksConcatenateInOrderAtTheExactSize() {
        RowStore first = RowStore.inChunks(KINDS, memory);
        RowStore second = RowStore.inChunks(KINDS, memory);
        List<ColumnBatch> appended = new ArrayList<>();
        int next = 0;
        for (int count : new int[] {3, 100, 1, 0, 57}) {
            ColumnBatch batch = batch(next, count);
            appended.add(batch);
            (next % 2 == 0 ? first : second).append(batch);
            next += count;
        }
        ColumnBatch last = batch(next, 40);
        assertThat(second.tryAppend(last)).isTrue();
        appended.add(last);
        List<String> firstRows = rows(first.batches());
        List<String> secondRows = rows(second.batches());
        assertThat(first.rowCount() + second.rowCount()).isEqualTo(next + 40);
        assertThat(first.reservedBytes() + second.reservedBytes()).isEqualTo(memory.heldBytes());

        RowStore all = RowStore.concatenate(KINDS, List.of(first, second), memory);

        List<String> expected = new ArrayList<>(firstRows);
        expected.addAll(secondRows);
        assertThat(rows(all.batches())).isEqualTo(expected);
        assertThat(all.rowCount()).isEqualTo(next + 40);
        long exact = 0;
        for (ColumnVector column : all.columns()) {
            exact += VectorSizes.bytes(column);
        }
        assertThat(all.reservedBytes()).isEqualTo(memory.heldBytes()).isEqualTo(exact);
        assertThat(rows(appended)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aChunkIsACopyOfTheAppendedBatch() {
        RowStore store = RowStore.inChunks(KINDS, memory);
        ColumnBatch batch = batch(1, 4);
        store.append(batch);
        ((LongVector) batch.column(0)).values()[0] = -99;
        assertThat(rows(store.batches())).startsWith("1|r1");
        assertThat(rows(RowStore.concatenate(KINDS, List.of(store), memory).batches()))
                .containsExactly("1|r1", "2|r2", "3|r3", "4|r4");
    }

    @Test
    void aChunkThatDoesNotFitIsRefusedAndNothingIsKept() {
        MemoryReservation small = new MemoryReservation(new MemoryBudget(2_000), "small");
        RowStore store = RowStore.inChunks(KINDS, small);
        assertThat(store.tryAppend(batch(1, 10))).isTrue();
        assertThat(store.tryAppend(batch(11, 1_000))).isFalse();
        assertThat(store.rowCount()).isEqualTo(10);
        assertThat(rows(store.batches())).hasSize(10);
        assertThat(small.heldBytes()).isEqualTo(store.reservedBytes());
    }

    @Test
    void aStoreInChunksStartedWhenTheBudgetIsFullReservesNothingAndRefusesItsFirstBatch() {
        // A worker's part of a build side created after the other workers filled the budget: the store itself must
        // not fail the query (the build then spills), so it holds and reserves nothing until a batch fits.
        MemoryReservation full = new MemoryReservation(new MemoryBudget(1_000), "full");
        full.grow(1_000);
        RowStore store = RowStore.inChunks(KINDS, full);
        assertThat(store.reservedBytes()).isZero();
        assertThat(store.tryAppend(batch(1, 3))).isFalse();
        assertThat(store.rowCount()).isZero();
        assertThat(full.heldBytes()).isEqualTo(1_000);
    }

    @Test
    void aStoreInChunksHasNoColumnsToRead() {
        RowStore store = RowStore.inChunks(KINDS, memory);
        store.append(batch(1, 2));
        assertThatThrownBy(() -> store.column(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batches()");
    }
}
