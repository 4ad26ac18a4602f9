package io.basalt.execution.vector;

import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorBuffers;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BatchArenaTest {

    @Test
    void aClosedScopesArraysServeTheNextBatch() {
        AtomicReference<long[]> first = new AtomicReference<>();
        AtomicReference<long[]> second = new AtomicReference<>();
        BatchArena.lendingTo(() -> false, () -> {
            int scope = BatchArena.open();
            LongVector vector = BatchArena.longVector(1000);
            first.set(vector.values());
            BatchArena.close(scope);

            scope = BatchArena.open();
            second.set(BatchArena.longVector(500).values());
            BatchArena.close(scope);
        });

        assertThat(first.get()).hasSize(BatchArena.ROWS);
        assertThat(second.get()).isSameAs(first.get());
    }

    @Test
    void vectorsOfOneScopeNeverShareArrays() {
        BatchArena.lendingTo(() -> false, () -> {
            int scope = BatchArena.open();
            LongVector longs = BatchArena.longVector(100);
            Int128Vector wide = BatchArena.int128Vector(100);
            assertThat(wide.high()).isNotSameAs(wide.low()).isNotSameAs(longs.values());
            assertThat(wide.low()).isNotSameAs(longs.values());
            assertThat(wide.nulls()).isNotSameAs(longs.nulls());
            BatchArena.close(scope);
        });
    }

    @Test
    void aRecycledNullMaskComesBackClear() {
        BatchArena.lendingTo(() -> false, () -> {
            int scope = BatchArena.open();
            LongVector vector = BatchArena.longVector(10);
            vector.setPositionCount(10);
            vector.setNull(3, true);
            boolean[] mask = vector.nulls();
            BatchArena.close(scope);

            scope = BatchArena.open();
            LongVector again = BatchArena.longVector(10);
            assertThat(again.nulls()).isSameAs(mask);
            assertThat(again.mayHaveNulls()).isFalse();
            for (int i = 0; i < 10; i++) {
                assertThat(again.nulls()[i]).isFalse();
            }
            BatchArena.close(scope);
        });
    }

    @Test
    void nothingIsLentOutsideAScopeOrToAWriterThatKeepsBatches() {
        AtomicBoolean keeps = new AtomicBoolean(true);
        BatchArena.lendingTo(keeps::get, () -> {
            assertThat(BatchArena.buffers()).isSameAs(VectorBuffers.NEW);
            int scope = BatchArena.open();
            assertThat(scope).isEqualTo(BatchArena.NOT_LENDING);
            assertThat(BatchArena.buffers()).isSameAs(VectorBuffers.NEW);
            assertThat(BatchArena.longVector(7).values()).hasSize(7);
            BatchArena.close(scope);

            keeps.set(false);
            scope = BatchArena.open();
            assertThat(BatchArena.buffers()).isNotSameAs(VectorBuffers.NEW);
            BatchArena.close(scope);
            assertThat(BatchArena.buffers()).isSameAs(VectorBuffers.NEW);
        });
        // Outside any worker: plain allocation.
        int scope = BatchArena.open();
        assertThat(scope).isEqualTo(BatchArena.NOT_LENDING);
        assertThat(BatchArena.longVector(3).values()).hasSize(3);
    }

    @Test
    void requestsLargerThanABlockAreAllocated() {
        BatchArena.lendingTo(() -> false, () -> {
            int scope = BatchArena.open();
            assertThat(BatchArena.longVector(BatchArena.ROWS + 1).values()).hasSize(BatchArena.ROWS + 1);
            BatchArena.close(scope);
        });
    }

    @Test
    void anInnerScopeReturnsOnlyWhatItLent() {
        BatchArena.lendingTo(() -> false, () -> {
            int outer = BatchArena.open();
            long[] outerArray = BatchArena.longVector(10).values();
            outerArray[0] = 42;
            int inner = BatchArena.open();
            long[] innerArray = BatchArena.longVector(10).values();
            BatchArena.close(inner);

            assertThat(BatchArena.longVector(10).values()).isSameAs(innerArray);
            assertThat(outerArray[0]).isEqualTo(42);
            BatchArena.close(outer);
        });
    }

    @Test
    void underTestsAReturnedArrayIsOverwritten() {
        // The build runs tests with basalt.batchArena.poison set, so that a vector kept past its scope fails them.
        assertThat(Boolean.getBoolean("basalt.batchArena.poison")).isTrue();
        BatchArena.lendingTo(() -> false, () -> {
            int scope = BatchArena.open();
            long[] values = BatchArena.longVector(4).values();
            values[0] = 1;
            BatchArena.close(scope);
            assertThat(values[0]).isNotEqualTo(1);
        });
    }
}
