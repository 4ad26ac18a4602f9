package io.basalt.execution.window;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.PipelineStoppedException;
import io.basalt.execution.sort.SortSink;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The output of a window operator, streamed from its input sorted by partition and order keys (an external sort,
 * which spills): {@link #next()} reads sorted batches into a chunk until computing the chunk would take at least
 * {@code chunkBytes} (see {@link WindowComputation#computingBytes}, which bounds its output too) and a partition
 * ended in it, then hands out a morsel that computes the chunk's whole partitions
 * (on a worker, chunks in parallel) and frees them; the last, unfinished partition moves on to the next chunk. So
 * memory holds the chunks in flight and the current partition, never the whole input. A partition that alone does
 * not fit fails the query with 53200 naming it, after the chunks in flight have freed their memory.
 */
final class WindowChunks implements MorselSource {

    private final SortSink sorted;
    private final WindowComputation computation;
    private final MemoryReservation memory;
    private final LongSupplier chunkBytesOnceFinished;
    private long chunkBytes;
    private final PartitionNames names;
    private final Runnable cancellation;
    private final Runnable onClose;
    private RowStore pending;
    /** The bytes of the sorted batches in {@link #pending} (its arrays may have room for more). */
    private long pendingBytes;
    /** Sorted rows read but not in {@link #pending} yet (the rest of a batch larger than a chunk, or one that did not fit). */
    private final Deque<ColumnBatch> unread = new ArrayDeque<>();
    private boolean inputDone;
    /** The most bytes per row a chunk's computation held so far: it corrects {@link WindowComputation#computingBytes}. */
    private volatile long learnedBytesPerRow;
    /** Chunks handed out and not yet run or discarded; guarded by {@code this}. */
    private int chunksInFlight;

    /**
     * @param memory       reserves the chunks' rows; each chunk's computation reserves through a child
     * @param chunkBytes   the bytes computing a chunk may take before it is cut at a partition's end (known once the
     *                     sink finished)
     * @param cancellation fails with 57014 when the query was cancelled
     * @param onClose      runs when this source closes (closing the sink: the sort, its runs and files)
     */
    WindowChunks(SortSink sorted, WindowComputation computation, MemoryReservation memory, LongSupplier chunkBytes,
                 PartitionNames names, Runnable cancellation, Runnable onClose) {
        this.sorted = sorted;
        this.computation = computation;
        this.memory = memory;
        this.chunkBytesOnceFinished = chunkBytes;
        this.names = names;
        this.cancellation = cancellation;
        this.onClose = onClose;
    }

    @Override
    public Morsel next() {
        if (pending == null) {
            pending = new RowStore(computation.kinds(), memory);
            chunkBytes = chunkBytesOnceFinished.getAsLong();
        }
        while (true) {
            cancellation.run();
            ColumnBatch batch = unread.pollFirst();
            if (batch == null && !inputDone) {
                batch = sorted.nextBatch();
                inputDone = batch == null;
            }
            if (batch == null) {
                if (pending.rowCount() == 0) {
                    memory.releaseSetAside();
                    return null;
                }
                return cut(pending.rowCount());
            }
            if (computingBytes(pendingBytes, pending.rowCount()) >= chunkBytes) {
                // The chunk is full but holds one unfinished partition: read on to the partition's end.
                int continuing = rowsContinuingThePartition(batch);
                if (continuing == 0) {
                    unread.addFirst(batch);
                    return cut(pending.rowCount());
                }
                batch = firstRows(batch, continuing);
            } else {
                batch = rowsThatFill(batch);
            }
            if (!pending.tryAppend(batch)) {
                unread.addFirst(batch);
                int complete = completeRows(batch);
                if (complete > 0) {
                    return cut(complete);
                }
                if (!awaitChunksInFlight()) {
                    throw partitionTooLarge(batch.columns(), pending.rowCount());
                }
            } else if (computingBytes(pendingBytes += VectorSizes.bytes(batch), pending.rowCount()) >= chunkBytes) {
                int lastStart = lastPartitionStart();
                if (lastStart > 0) {
                    return cut(lastStart);
                }
            }
        }
    }

    /**
     * The first rows of {@code batch} whose computation fills what is left of the chunk (at least one row); the others
     * are read next. The sort's batches may be larger than a chunk.
     */
    private ColumnBatch rowsThatFill(ColumnBatch batch) {
        int rows = batch.rowCount();
        long bytes = VectorSizes.bytes(batch);
        long perRow = Math.max(1, computingBytes(bytes, rows) / Math.max(1, rows));
        long room = chunkBytes - computingBytes(pendingBytes, pending.rowCount());
        return firstRows(batch, (int) Math.max(1, Math.min(rows, room / perRow)));
    }

    /** The first {@code count} rows of {@code batch}; the others are read next. */
    private ColumnBatch firstRows(ColumnBatch batch, int count) {
        int rows = batch.rowCount();
        if (count == rows) {
            return batch;
        }
        unread.addFirst(VectorSlicer.slice(batch, count, rows - count));
        return VectorSlicer.slice(batch, 0, count);
    }

    /** How many first rows of {@code batch} are in the partition of {@link #pending}'s last row (it is not empty). */
    private int rowsContinuingThePartition(ColumnBatch batch) {
        ColumnVector[] columns = batch.columns().toArray(new ColumnVector[0]);
        return endOfPartition(columns, 0, batch.rowCount(), pending.columns(), pending.rowCount() - 1);
    }

    /** What computing {@code rows} rows of {@code inputBytes} will hold: the estimate, or more when chunks held more. */
    private long computingBytes(long inputBytes, int rows) {
        return Math.max(computation.computingBytes(inputBytes, rows), learnedBytesPerRow * rows);
    }

    /** Rows of {@link #pending} in partitions that end before {@code next}, the sorted batch that follows them. */
    private int completeRows(ColumnBatch next) {
        int rows = pending.rowCount();
        if (rows == 0) {
            return 0;
        }
        ColumnVector[] following = next.columns().toArray(new ColumnVector[0]);
        boolean continues = computation.partitions().compare(pending.columns(), rows - 1, following, 0) == 0;
        return continues ? lastPartitionStart() : rows;
    }

    /** Where the last partition in {@link #pending} starts (the rows being sorted by partition). */
    private int lastPartitionStart() {
        int rows = pending.rowCount();
        if (rows == 0) {
            return 0;
        }
        ColumnVector[] columns = pending.columns();
        return startOfPartition(columns, rows - 1, columns, rows - 1);
    }

    /**
     * The first of rows {@code [0, to)} of {@code columns} (sorted by partition) in the partition of row {@code row}
     * of {@code reference}; {@code to} when none is.
     */
    private int startOfPartition(ColumnVector[] columns, int to, ColumnVector[] reference, int row) {
        return boundary(columns, 0, to, reference, row, false);
    }

    /**
     * The first of rows {@code [from, to)} of {@code columns} (sorted by partition, the first ones in the partition of
     * row {@code row} of {@code reference}) in another partition; {@code to} when none is.
     */
    private int endOfPartition(ColumnVector[] columns, int from, int to, ColumnVector[] reference, int row) {
        return boundary(columns, from, to, reference, row, true);
    }

    /**
     * A binary search in rows {@code [from, to)} for the first row whose being in the partition of row {@code row} of
     * {@code reference} differs from {@code inBefore}, which holds for the rows before it.
     */
    private int boundary(ColumnVector[] columns, int from, int to, ColumnVector[] reference, int row, boolean inBefore) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            boolean in = computation.partitions().compare(columns, middle, reference, row) == 0;
            if (in == inBefore) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Hands out the first {@code rows} rows of {@link #pending} (whole partitions) as a chunk; the rest, one
     * unfinished partition, is copied into a new pending store.
     */
    private Morsel cut(int rows) {
        RowStore chunk = pending;
        pending = new RowStore(computation.kinds(), memory);
        pendingBytes = 0;
        int rest = chunk.rowCount() - rows;
        if (rest > 0) {
            ColumnVector[] columns = chunk.columns();
            ColumnBatch tail = VectorSlicer.slice(new ColumnBatch(chunk.rowCount(), Arrays.asList(columns)), rows, rest);
            if (!pending.tryAppend(tail)) {
                chunk.release();
                throw partitionTooLarge(tail.columns(), rest);
            }
            pendingBytes = VectorSizes.bytes(tail);
        }
        synchronized (this) {
            chunksInFlight++;
        }
        return new Morsel() {
            @Override
            public void run(BatchConsumer output) {
                try {
                    computeAndEmit(chunk.columns(), rows, output);
                } finally {
                    finished(chunk);
                }
            }

            @Override
            public void discard() {
                finished(chunk);
            }
        };
    }

    /**
     * Computes rows {@code [0, rows)} of {@code columns} (whole partitions) and emits them. When the computation does
     * not fit (the estimate was short, or what the window's rows feed took the rest of the budget), the chunk is split
     * at a partition's end near its middle and each part computed on its own; a single partition that does not fit
     * fails with 53200 naming it.
     */
    private void computeAndEmit(ColumnVector[] columns, int rows, BatchConsumer output) {
        List<ColumnBatch> batches;
        try (MemoryReservation computing = memory.child()) {
            batches = computation.compute(columns, rows, computing);
            learnedBytesPerRow = Math.max(learnedBytesPerRow, computing.peakBytes() / Math.max(1, rows));
        } catch (ExecutionException failure) {
            if (!ExecutionException.OUT_OF_MEMORY.equals(failure.sqlState())) {
                throw failure;
            }
            int split = partitionEndNear(columns, rows, rows / 2);
            if (split == rows) {
                throw partitionTooLarge(Arrays.asList(columns), rows);
            }
            // The parts are copies of rows the chunk's store holds reserved until the chunk is done (its arrays have
            // room for twice its rows, or hold the unfinished partition that moved on): they reserve nothing more, so
            // that the bytes the failed attempt gave back (kept by the set-aside) are there for them.
            ColumnBatch whole = new ColumnBatch(columns[0].positionCount(), Arrays.asList(columns));
            computeAndEmit(VectorSlicer.slice(whole, 0, split).columns().toArray(new ColumnVector[0]), split, output);
            computeAndEmit(VectorSlicer.slice(whole, split, rows - split).columns().toArray(new ColumnVector[0]),
                    rows - split, output);
            return;
        }
        for (ColumnBatch batch : batches) {
            output.accept(batch);
        }
    }

    /**
     * A partition's end near row {@code row} of {@code columns} (sorted by partition; ends are exclusive): the end of
     * its partition, or its start when that partition runs to the last row; {@code rows} when all are one partition.
     */
    private int partitionEndNear(ColumnVector[] columns, int rows, int row) {
        int end = endOfPartition(columns, row, rows, columns, row);
        if (end < rows) {
            return end;
        }
        int start = startOfPartition(columns, row, columns, row);
        return start == 0 ? rows : start;
    }

    private synchronized void finished(RowStore chunk) {
        chunk.release();
        chunksInFlight--;
        notifyAll();
    }

    /** Waits until no chunk is in flight (their memory is free again); false when none was. */
    private synchronized boolean awaitChunksInFlight() {
        if (chunksInFlight == 0) {
            return false;
        }
        while (chunksInFlight > 0) {
            cancellation.run();
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineStoppedException();
            }
        }
        return true;
    }

    /**
     * 53200 for the partition of the first row of {@code columns}, which does not fit in memory beside what the query
     * holds ({@code held} of its rows did).
     */
    private ExecutionException partitionTooLarge(List<ColumnVector> columns, int held) {
        return new ExecutionException(ExecutionException.OUT_OF_MEMORY, "query exceeded its memory limit of "
                + memory.limitBytes() + " bytes while computing window functions: the window partition "
                + names.describe(columns, 0) + " does not fit in memory (" + held
                + " of its rows held, " + memory.budget().usedBytes() + " bytes in use); window functions hold one"
                + " partition at a time in memory, so raise memory_limit or partition by more columns");
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        memory.close();
        unread.clear();
        onClose.run();
    }
}
