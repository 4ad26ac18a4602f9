package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.vector.ColumnBatch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a CSV file into column batches for bulk loading ({@code COPY t FROM 'file' (FORMAT csv, …)}).
 *
 * <pre>{@code
 * CsvReader reader = CsvReader.builder(path, List.of(
 *             new CsvColumn("l_orderkey", LogicalType.BIGINT),
 *             new CsvColumn("l_quantity", LogicalType.decimal(15, 2))))
 *         .options(CsvOptions.builder().delimiter('|').allowTrailingDelimiter(true).build())
 *         .build();
 * long rows = reader.read(batch -> writer.append(batch));
 * }</pre>
 *
 * <p>The n-th field of each line becomes the n-th column. The file is read once, sequentially, and cut into
 * chunks of several megabytes at record boundaries (found by a quote-aware scan), which a pool of
 * {@code parallelism} threads parses at the same time. Batches reach the consumer on the calling thread,
 * one at a time and in file order, so a load is deterministic; each batch holds at most {@code batchSize}
 * rows, and a batch never spans two chunks. At most a bounded number of chunks are in flight, so memory does
 * not grow with the file.
 *
 * <p>The first bad row ends the read with a {@link CsvFormatException} naming file, line and column; when
 * several chunks fail, the one earliest in the file is reported, so the error is the same on every run.
 * Batches of earlier chunks may already have been delivered: the caller discards the whole load.
 */
public final class CsvReader {

    public static final int DEFAULT_BATCH_SIZE = 65_536;
    /** Large enough that handing a chunk to a thread costs nothing next to parsing it. */
    static final int DEFAULT_CHUNK_SIZE = 4 << 20;
    /** The longest record accepted: bounds the memory an unbalanced quote can make the reader hold. */
    static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;

    private final Path file;
    private final List<CsvColumn> columns;
    private final CsvOptions options;
    private final int batchSize;
    private final int parallelism;
    private final int chunkSize;
    private final int maxRecordBytes;

    private CsvReader(Builder builder) {
        this.file = builder.file;
        this.columns = builder.columns;
        this.options = builder.options;
        this.batchSize = builder.batchSize;
        this.parallelism = builder.parallelism;
        this.chunkSize = builder.chunkSize;
        this.maxRecordBytes = Math.max(builder.maxRecordBytes, builder.chunkSize);
    }

    public static Builder builder(Path file, List<CsvColumn> columns) {
        return new Builder(file, columns);
    }

    public Path file() {
        return file;
    }

    public List<CsvColumn> columns() {
        return columns;
    }

    public CsvOptions options() {
        return options;
    }

    /**
     * Reads the whole file, handing each batch to {@code consumer} in file order on the calling thread, and
     * returns the number of rows read. Throws {@link CsvFormatException} for a bad row, and
     * {@link StorageException} with SQLSTATE 58P01 when the file does not exist, 42501 when it may not be read,
     * 58030 for other I/O errors.
     * An exception from the consumer stops the read and propagates.
     */
    public long read(Consumer<? super ColumnBatch> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        // Enough chunks in flight that workers rarely wait for the oldest to be delivered, few enough that
        // memory stays a small multiple of parallelism × chunk size.
        int maxInFlight = parallelism + Math.max(2, parallelism / 2);
        BufferPool buffers = new BufferPool(maxInFlight + 1);
        try (FileChannel channel = open();
             ChunkPipeline pipeline = new ChunkPipeline(file,
                     new ChunkSplitter(file, channel, options, buffers, chunkSize, maxRecordBytes), buffers,
                     () -> new ChunkParser(file, columns, options, batchSize), parallelism, maxInFlight, batchSize)) {
            return pipeline.run(consumer);
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "could not close file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    private FileChannel open() {
        if (Files.isDirectory(file)) {
            throw new StorageException(StorageErrors.IO_ERROR, "could not open file \"" + file + "\" for reading: it is a directory");
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new StorageException(StorageErrors.UNDEFINED_FILE,
                    "could not open file \"" + file + "\" for reading: no such file", e);
        } catch (AccessDeniedException e) {
            throw new StorageException(StorageErrors.INSUFFICIENT_PRIVILEGE,
                    "could not open file \"" + file + "\" for reading: permission denied", e);
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR,
                    "could not open file \"" + file + "\" for reading: " + e.getMessage(), e);
        }
    }

    /** Configures a {@link CsvReader}. */
    public static final class Builder {
        private final Path file;
        private final List<CsvColumn> columns;
        private CsvOptions options = CsvOptions.DEFAULT;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;

        private Builder(Path file, List<CsvColumn> columns) {
            this.file = Objects.requireNonNull(file, "file");
            this.columns = List.copyOf(columns);
            if (this.columns.isEmpty()) {
                throw new IllegalArgumentException("a CSV read needs at least one target column");
            }
        }

        public Builder options(CsvOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** The most rows per batch (default {@value CsvReader#DEFAULT_BATCH_SIZE}). */
        public Builder batchSize(int value) {
            this.batchSize = requirePositive("batch size", value);
            return this;
        }

        /** Threads parsing at once (default: the available processors). */
        public Builder parallelism(int value) {
            this.parallelism = requirePositive("parallelism", value);
            return this;
        }

        /** Bytes per chunk; tests make it tiny so that small files span many chunks. */
        Builder chunkSize(int value) {
            this.chunkSize = requirePositive("chunk size", value);
            return this;
        }

        Builder maxRecordBytes(int value) {
            this.maxRecordBytes = requirePositive("maximum record size", value);
            return this;
        }

        public CsvReader build() {
            return new CsvReader(this);
        }

        private static int requirePositive(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
