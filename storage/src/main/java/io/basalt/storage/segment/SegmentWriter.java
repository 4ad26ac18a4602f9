package io.basalt.storage.segment;

import io.basalt.storage.encoding.ByteSink;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Writes one segment file, streaming: rows are buffered per column only until a block is full, and each
 * block goes to the file as soon as it is cut. {@link #finish()} writes the footer and syncs; a writer that
 * fails or is abandoned must be {@link #abort() aborted}, which deletes the partial file. Not thread-safe:
 * one thread writes a segment.
 */
public final class SegmentWriter {

    private enum State { OPEN, FINISHED, FAILED }

    private final Path file;
    private final List<ColumnSpec> columns;
    private final SegmentFileOutput output;
    private final List<ColumnBlockWriter> writers;
    private int rowCount;
    private State state = State.OPEN;

    private SegmentWriter(Path file, List<ColumnSpec> columns, SegmentFileOutput output) {
        this.file = file;
        this.columns = columns;
        this.output = output;
        this.writers = new ArrayList<>(columns.size());
        for (ColumnSpec column : columns) {
            writers.add(new ColumnBlockWriter(column, output));
        }
    }

    /** Creates {@code file} (which must not exist) and writes the header. */
    public static SegmentWriter create(Path file, List<ColumnSpec> columns) {
        List<ColumnSpec> specs = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (ColumnSpec spec : specs) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("duplicate column name '" + spec.name() + "'");
            }
        }
        SegmentFileOutput output = SegmentFileOutput.create(file);
        SegmentWriter writer = new SegmentWriter(file, specs, output);
        try {
            ByteSink header = new ByteSink(SegmentFormat.HEADER_BYTES);
            header.writeBytes(SegmentFormat.MAGIC);
            header.writeInt(SegmentFormat.VERSION);
            header.writeInt(0);
            output.write(header.array(), 0, header.size());
        } catch (RuntimeException e) {
            output.discard();
            throw e;
        }
        return writer;
    }

    public Path file() {
        return file;
    }

    /** Appends all rows of a batch, whose columns must match the segment's columns in number and kind. */
    public void append(ColumnBatch batch) {
        checkOpen();
        if (batch.columnCount() != columns.size()) {
            throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, the segment " + columns.size());
        }
        for (int c = 0; c < columns.size(); c++) {
            ColumnVector vector = batch.column(c);
            if (vector.kind() != columns.get(c).type().physicalKind()) {
                throw new IllegalArgumentException("column '" + columns.get(c).name() + "' of type " + columns.get(c).type()
                        + " cannot take a " + vector.kind() + " vector");
            }
        }
        if (batch.rowCount() > Integer.MAX_VALUE - rowCount) {
            throw new IllegalArgumentException("a segment holds at most " + Integer.MAX_VALUE + " rows");
        }
        try {
            for (int c = 0; c < columns.size(); c++) {
                writers.get(c).append(batch.column(c), 0, batch.rowCount());
            }
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            throw e;
        }
        rowCount += batch.rowCount();
    }

    /** Writes the remaining blocks and the footer, syncs and closes the file, and describes what was written. */
    public SegmentMetadata finish() {
        checkOpen();
        try {
            List<List<BlockInfo>> blocks = new ArrayList<>(writers.size());
            List<DistinctCountSketch> sketches = new ArrayList<>(writers.size());
            List<ColumnStats> stats = new ArrayList<>(writers.size());
            for (ColumnBlockWriter writer : writers) {
                writer.flush();
                blocks.add(writer.blocks());
                sketches.add(writer.sketch());
                stats.add(ColumnStats.of(writer.spec().type().physicalKind(), writer.blocks(), writer.sketch()));
            }
            byte[] footer = FooterCodec.write(columns, rowCount, blocks, sketches);
            CRC32C crc = new CRC32C();
            crc.update(footer);
            ByteSink tail = new ByteSink(SegmentFormat.TAIL_BYTES);
            tail.writeInt(footer.length);
            tail.writeInt((int) crc.getValue());
            tail.writeBytes(SegmentFormat.MAGIC);
            output.write(footer, 0, footer.length);
            output.write(tail.array(), 0, tail.size());
            long fileSize = output.position();
            output.syncAndClose();
            state = State.FINISHED;
            return new SegmentMetadata(rowCount, fileSize, columns, stats);
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Closes and deletes the file, whatever state the writer is in; safe to call more than once. */
    public void abort() {
        state = State.FAILED;
        output.discard();
    }

    private void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("segment writer for " + file + " is " + state.name().toLowerCase()
                    + (state == State.FAILED ? "; abort it" : ""));
        }
    }
}
