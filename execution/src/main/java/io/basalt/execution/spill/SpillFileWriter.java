package io.basalt.execution.spill;

import io.basalt.execution.expression.LongWhenFits;
import io.basalt.storage.encoding.BlockLimits;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes batches to one spill file, column by column as storage blocks (see {@link SpillFormat}). Batches
 * larger than a block are cut into frames of at most {@link BlockLimits#MAX_ROWS} rows; empty batches are
 * skipped. {@link #finish()} seals the file; closing an unfinished writer deletes it (the operator gave up,
 * e.g. on an error). Not thread-safe: one writer per producing thread.
 */
public final class SpillFileWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final SpillSpace space;
    private final Path path;
    private final List<PhysicalKind> kinds;
    private OutputStream out;
    private long rows;
    private long bytes;
    private int frames;
    private boolean finished;

    SpillFileWriter(SpillSpace space, Path path, List<PhysicalKind> kinds) {
        this.space = space;
        this.path = path;
        this.kinds = List.copyOf(kinds);
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), BUFFER_BYTES);
            writeBytes(SpillFormat.header(this.kinds));
        } catch (IOException e) {
            abandon();
            throw SpillIoErrors.failed("create", path, e);
        }
    }

    public void write(ColumnBatch batch) {
        if (finished || out == null) {
            throw new IllegalStateException("spill file " + path + " is already finished or closed");
        }
        if (batch.columnCount() != kinds.size()) {
            throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, the spill file " + kinds.size());
        }
        batch = widenedLongs(batch);
        for (int c = 0; c < kinds.size(); c++) {
            if (batch.column(c).kind() != kinds.get(c)) {
                throw new IllegalArgumentException("column " + c + " is " + batch.column(c).kind() + ", the spill file expects "
                        + kinds.get(c));
            }
        }
        try {
            for (int from = 0; from < batch.rowCount(); from += BlockLimits.MAX_ROWS) {
                int count = Math.min(BlockLimits.MAX_ROWS, batch.rowCount() - from);
                writeBytes(SpillFormat.frame(batch, from, count));
                rows += count;
                frames++;
            }
        } catch (IOException e) {
            abandon();
            throw SpillIoErrors.failed("write", path, e);
        }
    }

    /**
     * {@code batch} with each LONG vector in an INT128 column widened: a DECIMAL wider than a long may reach an
     * aggregation as longs where its values fit ({@code LongWhenFits}), and the file keeps its type's form.
     */
    private ColumnBatch widenedLongs(ColumnBatch batch) {
        List<ColumnVector> columns = null;
        for (int c = 0; c < kinds.size(); c++) {
            if (kinds.get(c) == PhysicalKind.INT128 && batch.column(c) instanceof LongVector longs) {
                if (columns == null) {
                    columns = new ArrayList<>(batch.columns());
                }
                columns.set(c, LongWhenFits.widened(longs, batch.rowCount()));
            }
        }
        return columns == null ? batch : new ColumnBatch(batch.rowCount(), columns);
    }

    /** Seals the file and returns it for reading; the writer cannot be used afterwards. */
    public SpillFile finish() {
        if (finished || out == null) {
            throw new IllegalStateException("spill file " + path + " is already finished or closed");
        }
        try {
            writeBytes(SpillFormat.end(rows, frames));
            out.close();
        } catch (IOException e) {
            abandon();
            throw SpillIoErrors.failed("write", path, e);
        }
        out = null;
        finished = true;
        space.recordSpilled(bytes, rows);
        return new SpillFile(path, kinds, rows, bytes);
    }

    /** Rows written so far. */
    public long rowCount() {
        return rows;
    }

    /** Bytes written so far (including what is still buffered). */
    public long bytes() {
        return bytes;
    }

    private void writeBytes(byte[] data) throws IOException {
        out.write(data);
        bytes += data.length;
    }

    /** Deletes the file unless it was finished. */
    @Override
    public void close() {
        if (!finished) {
            abandon();
        }
    }

    private void abandon() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is deleted next; a failed flush does not matter
            }
            out = null;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the spill space deletes its whole directory when the query ends
        }
    }
}
