package io.basalt.storage.table;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.segment.ColumnSpec;
import io.basalt.storage.segment.SegmentMetadata;
import io.basalt.storage.segment.SegmentWriter;
import io.basalt.storage.vector.ColumnBatch;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes one segment on a worker thread from a short queue of batches, so that the loading thread can
 * parse the next rows while this one encodes and compresses.
 */
final class SegmentWriteTask {

    /** Enough to keep a worker busy without holding much of a segment in memory. */
    private static final int QUEUED_BATCHES = 4;
    private static final ColumnBatch END = new ColumnBatch(0, List.of());

    private final long segmentId;
    private final Path file;
    private final List<ColumnSpec> columns;
    private final BlockingQueue<ColumnBatch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private Future<SegmentEntry> future;
    private long rows;
    private volatile boolean cancelled;

    SegmentWriteTask(long segmentId, Path file, List<ColumnSpec> columns) {
        this.segmentId = segmentId;
        this.file = file;
        this.columns = columns;
    }

    void start(ExecutorService executor) {
        future = executor.submit(this::write);
    }

    Future<SegmentEntry> future() {
        return future;
    }

    long rows() {
        return rows;
    }

    void enqueue(ColumnBatch batch) {
        rows += batch.rowCount();
        put(batch);
    }

    void close() {
        put(END);
    }

    void cancel() {
        cancelled = true;
        queue.clear();
        queue.offer(END);
    }

    private void put(ColumnBatch batch) {
        try {
            // If the worker died its queue fills up; poll its future so we fail instead of waiting forever.
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (future.isDone()) {
                    future.get();
                    throw new IllegalStateException("segment writer for " + file + " stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageErrors.IO_ERROR, "interrupted while loading", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StorageException(StorageErrors.IO_ERROR, "writing " + file + " failed: " + e.getCause(), e.getCause());
        }
    }

    private SegmentEntry write() throws InterruptedException {
        SegmentWriter writer = SegmentWriter.create(file, columns);
        try {
            while (true) {
                ColumnBatch batch = queue.take();
                if (batch == END || cancelled) {
                    break;
                }
                writer.append(batch);
            }
            if (cancelled) {
                writer.abort();
                return SegmentEntry.of(segmentId, 0, 0);
            }
            SegmentMetadata metadata = writer.finish();
            return SegmentEntry.of(segmentId, metadata.rowCount(), metadata.fileSize());
        } catch (RuntimeException | Error e) {
            writer.abort();
            throw e;
        }
    }
}
