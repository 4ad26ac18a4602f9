package io.basalt.storage.table;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.segment.ColumnSpec;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bulk-load path: appends column batches to one partition of a table inside a transaction. Rows are cut
 * into segments of the table's target size, in arrival order (so sorted input keeps tight zone maps), and
 * up to {@code parallelism} segments are encoded and written at once on worker threads. {@link #finish()}
 * hands the written segments to the transaction, which publishes them when it commits; until then no reader
 * sees any of them.
 *
 * <p>The appender takes ownership of every batch passed to {@link #append}: the caller must not change it
 * afterwards. One thread calls {@code append}; the appender itself is not thread-safe.
 */
public final class TableAppender implements AutoCloseable {

    private final Transaction transaction;
    private final TableEntry table;
    private final long partitionId;
    private final List<ColumnSpec> columns;
    private final int targetSegmentRows;
    private final int parallelism;
    private final ExecutorService workers;
    private final Deque<SegmentWriteTask> running = new ArrayDeque<>();
    private final List<Future<SegmentEntry>> written = new ArrayList<>();
    private SegmentWriteTask current;
    private long rowsAppended;
    private boolean finished;

    public TableAppender(Transaction transaction, long tableId) {
        this(transaction, tableId, transaction.requireTable(tableId).defaultPartition().partitionId(),
                Runtime.getRuntime().availableProcessors());
    }

    public TableAppender(Transaction transaction, long tableId, long partitionId, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive");
        }
        this.transaction = transaction;
        this.table = transaction.requireTable(tableId);
        PartitionEntry partition = table.partition(partitionId).orElseThrow(() -> new StorageException(
                StorageErrors.INVALID_PARAMETER, "table " + table.definition().qualifiedName() + " has no partition " + partitionId));
        this.partitionId = partition.partitionId();
        this.columns = columnSpecs(table.definition());
        this.targetSegmentRows = table.definition().options().targetSegmentRows();
        this.parallelism = parallelism;
        this.workers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "basalt-segment-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    static List<ColumnSpec> columnSpecs(TableDefinition definition) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < definition.columns().size(); i++) {
            specs.add(new ColumnSpec(definition.columns().get(i).name(), definition.columns().get(i).type(),
                    definition.compressionOf(i)));
        }
        return specs;
    }

    public void append(ColumnBatch appended) {
        requireOpen();
        ColumnBatch batch = CharValues.withoutTrailingBlanks(table.definition(), appended);
        BatchValidator.validate(table.definition(), batch);
        int offset = 0;
        while (offset < batch.rowCount()) {
            if (current == null) {
                current = startSegment();
            }
            int room = (int) Math.min(targetSegmentRows - current.rows(), Integer.MAX_VALUE);
            int take = Math.min(room, batch.rowCount() - offset);
            ColumnBatch part = offset == 0 && take == batch.rowCount() ? batch : VectorCopier.slice(batch, offset, take);
            current.enqueue(part);
            offset += take;
            rowsAppended += take;
            if (current.rows() >= targetSegmentRows) {
                current.close();
                current = null;
            }
        }
    }

    public long rowsAppended() {
        return rowsAppended;
    }

    /** Waits for every segment to be written and synced, and records them in the transaction. */
    public List<SegmentEntry> finish() {
        List<SegmentEntry> segments = finishWithoutPublishing();
        transaction.appendSegments(table.tableId(), partitionId, segments);
        return segments;
    }

    /**
     * Waits for every segment to be written and synced and returns them without recording an append, for
     * callers that publish them another way (compaction replaces segments with them).
     */
    public List<SegmentEntry> finishWithoutPublishing() {
        requireOpen();
        finished = true;
        try {
            if (current != null) {
                current.close();
                current = null;
            }
            List<SegmentEntry> segments = new ArrayList<>();
            for (Future<SegmentEntry> future : written) {
                SegmentEntry entry = await(future);
                if (entry.rowCount() > 0) {
                    segments.add(entry);
                }
            }
            return segments;
        } catch (RuntimeException e) {
            abortAll();
            throw e;
        } finally {
            workers.shutdown();
        }
    }

    /** Stops writing; files already written stay until the transaction rolls back. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            abortAll();
            workers.shutdown();
        }
    }

    private SegmentWriteTask startSegment() {
        // Bound the segments in flight: beyond the worker count they would only queue batches in memory.
        while (running.size() >= parallelism) {
            SegmentWriteTask oldest = running.removeFirst();
            await(oldest.future());
        }
        long segmentId = transaction.newSegmentId(table.tableId(), partitionId);
        SegmentWriteTask task = new SegmentWriteTask(segmentId,
                transaction.layout().segmentFile(table.tableId(), partitionId, segmentId), columns);
        task.start(workers);
        running.addLast(task);
        written.add(task.future());
        return task;
    }

    private void abortAll() {
        if (current != null) {
            current.close();
            current = null;
        }
        for (SegmentWriteTask task : running) {
            task.cancel();
        }
        // Wait, so that no worker creates a file after the transaction's rollback has deleted its files.
        for (SegmentWriteTask task : running) {
            try {
                task.future().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException ignored) {
                // the load is failing already; its first error is the one reported
            }
        }
        running.clear();
    }

    private static SegmentEntry await(Future<SegmentEntry> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageErrors.IO_ERROR, "interrupted while writing segments", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StorageException(StorageErrors.IO_ERROR, "writing a segment failed: " + cause, cause);
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("table appender is already finished");
        }
    }
}
