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
        TableEntry table = manifest.table(tableId).orElseThrow(() -> new IllegalArgumentException("no table " + tableId));
        for (PartitionEntry partition : table.partitions()) {
            for (SegmentEntry segment : partition.segments()) {
                scanSegment(layout, table.tableId(), partition.partitionId(), segment, columns, consumer);
            }
        }
    }

    public static void scanSegment(DataLayout layout, long tableId, long partitionId, SegmentEntry segment, int[] columns,
                                   Consumer<ColumnBatch> consumer) {
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

    /** All live rows of the chosen columns, for small tables and tests. */
    public static List<ColumnBatch> readAll(DataLayout layout, Manifest manifest, long tableId, int[] columns) {
        List<ColumnBatch> batches = new ArrayList<>();
        scan(layout, manifest, tableId, columns, batches::add);
        return batches;
    }
}
