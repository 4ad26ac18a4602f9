package io.basalt.storage.table;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.DataLayout;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.storage.deletion.DeletionVectorFile;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the live rows of a table as one manifest version has them: every segment of every partition, in
 * order, in batches of up to 64K rows, without the rows its deletion vector marks. This is storage's own simple
 * sequential reader (used by compaction, tests and tools); the executor's scan reads segments itself so
 * that it can skip blocks by zone map and run in parallel.
 */
public final class TableReader {

    private static final int BATCH_ROWS = 65_536;

    private TableReader() {
    }

    /** Hands each block's live rows of the chosen columns to {@code consumer}, in table order. */
    public static void scan(DataLayout layout, Manifest manifest, long tableId, int[] columns, Consumer<ColumnBatch> consumer) {
        scan(layout, manifest, tableId, columns, false, consumer);
    }

    /**
     * As {@link #scan}, with one more column after the chosen ones: each row's identity, a BIGINT of its segment id
     * in the upper 32 bits and its offset in the segment in the lower 32 (the executor's {@code RowIdentity}).
     */
    public static void scanWithRowIdentities(DataLayout layout, Manifest manifest, long tableId, int[] columns,
                                             Consumer<ColumnBatch> consumer) {
        scan(layout, manifest, tableId, columns, true, consumer);
    }

    private static void scan(DataLayout layout, Manifest manifest, long tableId, int[] columns, boolean withIdentities,
                             Consumer<ColumnBatch> consumer) {
        TableEntry table = manifest.table(tableId).orElseThrow(() -> new IllegalArgumentException("no table " + tableId));
        for (PartitionEntry partition : table.partitions()) {
            for (SegmentEntry segment : partition.segments()) {
                scanSegment(layout, table.tableId(), partition.partitionId(), segment, columns, withIdentities, consumer);
            }
        }
    }

    public static void scanSegment(DataLayout layout, long tableId, long partitionId, SegmentEntry segment, int[] columns,
                                   Consumer<ColumnBatch> consumer) {
        scanSegment(layout, tableId, partitionId, segment, columns, false, consumer);
    }

    private static void scanSegment(DataLayout layout, long tableId, long partitionId, SegmentEntry segment, int[] columns,
                                    boolean withIdentities, Consumer<ColumnBatch> consumer) {
        DeletionVector deletions = segment.deletionVectorId()
                .map(id -> DeletionVectorFile.read(layout.deletionVectorFile(tableId, partitionId, segment.segmentId(), id),
                        segment.rowCount()))
                .orElse(null);
        List<ColumnVector> vectors = new ArrayList<>(columns.length);
        try (SegmentReader reader = SegmentReader.open(layout.segmentFile(tableId, partitionId, segment.segmentId()))) {
            if (reader.footer().rowCount() != segment.rowCount()) {
                throw new CorruptDataException(reader.file(), "segment holds " + reader.footer().rowCount()
                        + " rows, the manifest says " + segment.rowCount());
            }
            for (int column : columns) {
                vectors.add(reader.readColumn(column));
            }
        }
        if (withIdentities) {
            vectors.add(rowIdentities(segment));
        }
        int rows = Math.toIntExact(segment.rowCount());
        int[] selection = new int[BATCH_ROWS];
        for (int from = 0; from < rows; from += BATCH_ROWS) {
            int count = Math.min(BATCH_ROWS, rows - from);
            List<ColumnVector> out = new ArrayList<>(vectors.size());
            if (deletions == null) {
                for (ColumnVector vector : vectors) {
                    out.add(VectorCopier.slice(vector, from, count));
                }
                consumer.accept(new ColumnBatch(count, out));
                continue;
            }
            int live = deletions.liveSelection(from, count, selection);
            if (live == 0) {
                continue;
            }
            for (int i = 0; i < live; i++) {
                selection[i] += from;
            }
            for (ColumnVector vector : vectors) {
                out.add(VectorCopier.select(vector, selection, live));
            }
            consumer.accept(new ColumnBatch(live, out));
        }
    }

    private static LongVector rowIdentities(SegmentEntry segment) {
        if (segment.segmentId() < 0 || segment.segmentId() > 0xFFFF_FFFFL) {
            throw new IllegalStateException("segment id " + segment.segmentId() + " does not fit a row identity");
        }
        int rows = Math.toIntExact(segment.rowCount());
        LongVector identities = new LongVector(rows);
        long base = segment.segmentId() << 32;
        for (int row = 0; row < rows; row++) {
            identities.append(base | row);
        }
        return identities;
    }

    /** All live rows of the chosen columns, for small tables and tests. */
    public static List<ColumnBatch> readAll(DataLayout layout, Manifest manifest, long tableId, int[] columns) {
        List<ColumnBatch> batches = new ArrayList<>();
        scan(layout, manifest, tableId, columns, batches::add);
        return batches;
    }
}
