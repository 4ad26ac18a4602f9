package io.basalt.execution.sort;

import io.basalt.execution.vector.VectorGather;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges sorted runs into output batches, one batch per {@link #next()}, with a binary heap of run cursors,
 * skipping the first {@code offset} rows and stopping after {@code limit}. Rows of equal keys come in run
 * order. Output rows are gathered from the runs' vectors; before a spilled run replaces its vectors with
 * its next batch, the rows taken so far are gathered and returned (so a batch may be shorter than asked).
 */
final class RunMerger implements AutoCloseable {

    /** The rows of an output batch of the sort. */
    static final int OUTPUT_BATCH_ROWS = 1 << 14;

    private final List<RunCursor> cursors;
    private final RowComparator comparator;
    private final int columnCount;
    private final long offset;
    private final long limit;
    private final int[] heap;
    private int heapSize;
    private final ColumnVector[][] sources;
    private final int batchRows;
    private final int[] runIds;
    private final int[] positions;
    private long skipped;
    private long emitted;
    /** A run whose vectors are used up but whose next batch must wait until the rows taken from them are gathered. */
    private int pendingLoad = -1;

    /**
     * @param cursors the runs, each at its first row (cursors of empty runs must be left out)
     * @param batchRows the most rows an output batch holds
     */
    RunMerger(List<? extends RunCursor> cursors, RowComparator comparator, int columnCount, long offset, long limit,
              int batchRows) {
        this.batchRows = batchRows;
        this.runIds = new int[batchRows];
        this.positions = new int[batchRows];
        this.cursors = new ArrayList<>(cursors);
        this.comparator = comparator;
        this.columnCount = columnCount;
        this.offset = offset;
        this.limit = limit;
        this.heap = new int[cursors.size()];
        this.sources = new ColumnVector[columnCount][cursors.size()];
        for (int r = 0; r < cursors.size(); r++) {
            heap[heapSize++] = r;
            updateSources(r);
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** The next batch of merged rows, or {@code null} when done. */
    ColumnBatch next() {
        if (pendingLoad >= 0) {
            loadOrRemove(pendingLoad);
            pendingLoad = -1;
        }
        int pending = 0;
        while (heapSize > 0 && (limit < 0 || emitted < limit) && pending < batchRows) {
            int run = heap[0];
            RunCursor cursor = cursors.get(run);
            if (skipped < offset) {
                skipped++;
            } else {
                runIds[pending] = run;
                positions[pending] = cursor.position();
                pending++;
                emitted++;
            }
            if (cursor.advanceInBatch()) {
                siftDown(0);
            } else if (pending > 0 && cursor.hasMoreBatches()) {
                pendingLoad = run;
                break;
            } else {
                loadOrRemove(run);
            }
        }
        return pending == 0 ? null : gather(pending);
    }

    /** Loads the next batch of the run at the top of the heap, or removes the run when it has none. */
    private void loadOrRemove(int run) {
        if (cursors.get(run).loadNextBatch()) {
            updateSources(run);
        } else {
            heap[0] = heap[--heapSize];
        }
        siftDown(0);
    }

    private void updateSources(int run) {
        ColumnVector[] columns = cursors.get(run).columns();
        for (int c = 0; c < columnCount; c++) {
            sources[c][run] = columns[c];
        }
    }

    private ColumnBatch gather(int count) {
        List<ColumnVector> columns = new ArrayList<>(columnCount);
        for (ColumnVector[] column : sources) {
            columns.add(VectorGather.gather(column, runIds, positions, count));
        }
        return new ColumnBatch(count, columns);
    }

    private int compare(int leftRun, int rightRun) {
        RunCursor left = cursors.get(leftRun);
        RunCursor right = cursors.get(rightRun);
        int comparison = comparator.compare(left.columns(), left.position(), right.columns(), right.position());
        return comparison != 0 ? comparison : Integer.compare(leftRun, rightRun);
    }

    private void siftDown(int index) {
        while (true) {
            int smallest = index;
            int left = 2 * index + 1;
            int right = left + 1;
            if (left < heapSize && compare(heap[left], heap[smallest]) < 0) {
                smallest = left;
            }
            if (right < heapSize && compare(heap[right], heap[smallest]) < 0) {
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

    /** Closes every cursor (their readers and the memory of their batches). */
    @Override
    public void close() {
        for (RunCursor cursor : cursors) {
            cursor.close();
        }
    }
}
