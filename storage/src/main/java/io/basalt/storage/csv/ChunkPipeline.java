package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.vector.ColumnBatch;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one read: takes chunks from the {@link ChunkSplitter}, keeps a bounded number of them parsing on a pool
 * of worker threads, and hands their batches to the consumer in file order on the calling thread.
 *
 * <p>Waiting for chunks in file order is what makes errors deterministic: when a chunk fails, every chunk
 * before it has parsed cleanly, so its first error is the earliest in the file. The splitter's own error (a
 * record too long) is held back for the same reason until every chunk before it has been delivered.
 */
final class ChunkPipeline implements AutoCloseable {

    /** Bytes per row assumed before any chunk has been parsed, to size the first vectors. */
    private static final int ASSUMED_BYTES_PER_ROW = 32;

    private final Path file;
    private final ChunkSplitter splitter;
    private final BufferPool buffers;
    private final int batchSize;
    private final int maxInFlight;
    private final ExecutorService workers;
    private final ThreadLocal<ChunkParser> parsers;
    private final ArrayDeque<PendingChunk> inFlight = new ArrayDeque<>();

    private CsvFormatException splitError;
    private long bytesDelivered;
    private long rowsDelivered;

    ChunkPipeline(Path file, ChunkSplitter splitter, BufferPool buffers, Supplier<ChunkParser> parserFactory,
                  int parallelism, int maxInFlight, int batchSize) {
        this.file = file;
        this.splitter = splitter;
        this.buffers = buffers;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.workers = Executors.newFixedThreadPool(parallelism, workerThreads(file));
        // One parser per worker thread: parsers keep scratch space and are not thread-safe.
        this.parsers = ThreadLocal.withInitial(parserFactory);
    }

    /** Reads everything, returning the number of rows delivered. */
    long run(Consumer<? super ColumnBatch> consumer) {
        while (true) {
            submitChunks();
            PendingChunk oldest = inFlight.poll();
            if (oldest == null) {
                break;
            }
            for (ColumnBatch batch : await(oldest.result())) {
                consumer.accept(batch);
                rowsDelivered += batch.rowCount();
            }
            bytesDelivered += oldest.bytes();
        }
        if (splitError != null) {
            throw splitError;
        }
        return rowsDelivered;
    }

    /** Cancels whatever is still parsing (after an error) and stops the workers. */
    @Override
    public void close() {
        for (PendingChunk pending : inFlight) {
            pending.result().cancel(true);
        }
        inFlight.clear();
        workers.shutdownNow();
        splitter.close();
    }

    private void submitChunks() {
        while (splitError == null && inFlight.size() < maxInFlight) {
            Chunk chunk;
            try {
                chunk = splitter.next();
            } catch (CsvFormatException e) {
                splitError = e; // stop producing; reported once the chunks before it are delivered
                return;
            }
            if (chunk == null) {
                return;
            }
            int bytes = chunk.end() - chunk.start();
            int expectedRows = expectedRows(bytes);
            inFlight.add(new PendingChunk(workers.submit(() -> parse(chunk, expectedRows)), bytes));
        }
    }

    private List<ColumnBatch> parse(Chunk chunk, int expectedRows) {
        try {
            return parsers.get().parse(chunk, expectedRows);
        } finally {
            buffers.release(chunk.data());
        }
    }

    /**
     * Sizes a chunk's first vectors from the bytes per row seen so far: too small means copying as they
     * grow, too large means holding memory nobody uses.
     */
    private int expectedRows(int chunkBytes) {
        long estimate = rowsDelivered == 0
                ? chunkBytes / ASSUMED_BYTES_PER_ROW
                : chunkBytes * rowsDelivered / Math.max(1, bytesDelivered);
        return (int) Math.min(batchSize, estimate + estimate / 16 + 16);
    }

    private List<ColumnBatch> await(Future<List<ColumnBatch>> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StorageException(StorageErrors.INTERNAL_ERROR, "reading \"" + file + "\" failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageErrors.QUERY_CANCELED, "reading \"" + file + "\" was interrupted", e);
        }
    }

    private static ThreadFactory workerThreads(Path file) {
        AtomicInteger counter = new AtomicInteger();
        String prefix = "basalt-csv-" + file.getFileName() + "-";
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A chunk handed to a worker, with its size for {@link #expectedRows}. */
    private record PendingChunk(Future<List<ColumnBatch>> result, int bytes) {
    }
}
