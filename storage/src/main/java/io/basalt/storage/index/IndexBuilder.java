package io.basalt.storage.index;

import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.IndexData;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.encoding.IndexSort;
import io.basalt.storage.segment.ColumnSpec;
import io.basalt.storage.segment.SegmentWriter;
import io.basalt.storage.table.TableReader;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an index's data from its table's live rows as a transaction sees them: the index's columns (keys, then
 * included ones) and each row's identity, sorted by the keys ({@link IndexRowOrder}), written as one ordinary
 * segment file (same blocks, encodings, zone maps and checksums as a table's). The segment's per-block zone maps of
 * the leading key are the sparse index of block boundaries: sorted rows make them disjoint, so a range on the leading
 * key selects a run of blocks and a scan skips the rest. The data is published in the transaction, recording the
 * table segments it reflects ({@link IndexData#isFreshFor}).
 * <p>
 * The rows are sorted in memory (the index's columns of the whole table); an external sort is not done yet.
 */
public final class IndexBuilder {

    /** Name of the last column of an index segment: the row identity (segment id << 32 | row offset). */
    public static final String ROW_IDENTITY_COLUMN = "row_identity";
    private static final int WRITE_BATCH_ROWS = 65_536;

    private IndexBuilder() {
    }

    /** Builds and publishes the data of {@code index} of table {@code tableId} in {@code transaction}. */
    public static IndexData build(Transaction transaction, long tableId, IndexDefinition index) {
        TableEntry table = transaction.requireTable(tableId);
        TableDefinition definition = table.definition();
        List<String> columnNames = index.columns();
        int[] columns = columnNames.stream().mapToInt(name -> definition.columnIndex(name).orElseThrow(
                () -> new IllegalArgumentException("index " + index.name() + " names unknown column " + name))).toArray();
        ColumnBatch rows = readAll(transaction, table, columns);
        boolean[] descending = new boolean[index.keys().size()];
        List<ColumnVector> keyVectors = new ArrayList<>();
        for (int k = 0; k < descending.length; k++) {
            descending[k] = index.keys().get(k).descending();
            keyVectors.add(rows.column(k));
        }
        int[] order = IndexSort.sortedIndexes(rows.rowCount(), new IndexRowOrder(keyVectors, descending));

        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            // Positional names: an index may name one column twice, a segment's column names are unique.
            specs.add(new ColumnSpec("c" + i, definition.columns().get(columns[i]).type(), definition.compressionOf(columns[i])));
        }
        specs.add(new ColumnSpec(ROW_IDENTITY_COLUMN, LogicalType.BIGINT, definition.options().compression()));
        long segmentId = transaction.newIndexSegmentId(tableId, index.indexId());
        Path file = transaction.layout().indexSegmentFile(tableId, index.indexId(), segmentId);
        SegmentWriter writer = SegmentWriter.create(file, specs);
        try {
            int[] positions = new int[WRITE_BATCH_ROWS];
            for (int from = 0; from < order.length; from += WRITE_BATCH_ROWS) {
                int count = Math.min(WRITE_BATCH_ROWS, order.length - from);
                System.arraycopy(order, from, positions, 0, count);
                writer.append(VectorCopier.select(rows, positions, count));
            }
            writer.finish();
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
        IndexData data = new IndexData(index.indexId(), segmentId, rows.rowCount(), table.allSegments());
        transaction.publishIndexData(tableId, data);
        return data;
    }

    /** The chosen columns and the row identity of every live row, as one batch. */
    private static ColumnBatch readAll(Transaction transaction, TableEntry table, int[] columns) {
        List<ColumnBatch> batches = new ArrayList<>();
        TableReader.scanWithRowIdentities(transaction.layout(), transaction.view(), table.tableId(), columns, batches::add);
        int rowCount = Math.toIntExact(batches.stream().mapToLong(ColumnBatch::rowCount).sum());
        List<ColumnVector> vectors = new ArrayList<>();
        for (int c = 0; c <= columns.length; c++) {
            LogicalType type = c < columns.length ? table.definition().columns().get(columns[c]).type() : LogicalType.BIGINT;
            ColumnVector vector = ColumnVector.create(type.physicalKind(), Math.max(rowCount, 1));
            for (ColumnBatch batch : batches) {
                VectorCopier.appendRange(vector, batch.column(c), 0, batch.rowCount());
            }
            vectors.add(vector);
        }
        return new ColumnBatch(rowCount, vectors);
    }
}
