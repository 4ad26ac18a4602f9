package io.basalt.execution.sort;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.VectorGather;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges sorted runs into output batches with a binary heap of run cursors, skipping the first
 * {@code offset} rows and stopping after {@code limit}.
 */
final class RunMerger {

    private static final int BATCH_ROWS = 1 << 14;

    private RunMerger() {
    }

    /** @param cancellation checked once per output batch: a long merge still notices a cancelled query */
    static List<ColumnBatch> merge(List<SortedRun> runs, RowComparator comparator, int columnCount, long offset,
                                   long limit, MemoryReservation memory, Runnable cancellation) {
        List<ColumnBatch> batches = new ArrayList<>();
        if (runs.isEmpty()) {
            return batches;
        }
        int[] cursor = new int[runs.size()];
        int[] heap = new int[runs.size()];
        int heapSize = 0;
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r).size() > 0) {
                heap[heapSize++] = r;
            }
        }
        HeapOrder order = (a, b) -> {
            SortedRun left = runs.get(a);
            SortedRun right = runs.get(b);
            int comparison = comparator.compare(left.columns, left.order[cursor[a]], right.columns, right.order[cursor[b]]);
            return comparison != 0 ? comparison : Integer.compare(a, b);
        };
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(heap, heapSize, i, order);
        }
        ColumnVector[][] sources = new ColumnVector[columnCount][runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            for (int c = 0; c < columnCount; c++) {
                sources[c][r] = runs.get(r).columns[c];
            }
        }
        int[] runIds = new int[BATCH_ROWS];
        int[] positions = new int[BATCH_ROWS];
        int pending = 0;
        long skipped = 0;
        long emitted = 0;
        while (heapSize > 0 && (limit < 0 || emitted < limit)) {
            int run = heap[0];
            SortedRun sorted = runs.get(run);
            if (skipped < offset) {
                skipped++;
            } else {
                runIds[pending] = run;
                positions[pending] = sorted.order[cursor[run]];
                pending++;
                emitted++;
                if (pending == BATCH_ROWS) {
                    batches.add(gather(sources, runIds, positions, pending, memory));
                    pending = 0;
                    cancellation.run();
                }
            }
            cursor[run]++;
            if (cursor[run] == sorted.size()) {
                heap[0] = heap[--heapSize];
            }
            siftDown(heap, heapSize, 0, order);
        }
        if (pending > 0) {
            batches.add(gather(sources, runIds, positions, pending, memory));
        }
        return batches;
    }

    private static ColumnBatch gather(ColumnVector[][] sources, int[] runIds, int[] positions, int count,
                                      MemoryReservation memory) {
        List<ColumnVector> columns = new ArrayList<>(sources.length);
        for (ColumnVector[] column : sources) {
            ColumnVector gathered = VectorGather.gather(column, runIds, positions, count);
            memory.grow(VectorSizes.bytes(gathered));
            columns.add(gathered);
        }
        return new ColumnBatch(count, columns);
    }

    @FunctionalInterface
    private interface HeapOrder {
        int compare(int leftRun, int rightRun);
    }

    private static void siftDown(int[] heap, int size, int index, HeapOrder order) {
        while (true) {
            int smallest = index;
            int left = 2 * index + 1;
            int right = left + 1;
            if (left < size && order.compare(heap[left], heap[smallest]) < 0) {
                smallest = left;
            }
            if (right < size && order.compare(heap[right], heap[smallest]) < 0) {
                smallest = right;
            }
            if (smallest == index) {
                return;
            }
            int swap = heap[index];
            heap[index] = heap[smallest];
            heap[smallest] = swap;
            index = smallest;
        }
    }
}
