package io.basalt.storage.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The verified footer of a segment file: the schema, the row count, every block of every column with its
 * location, encoding, zone map and checksum, and per-column statistics. A scan decides from this alone
 * which blocks it needs to read.
 */
public final class SegmentFooter {

    private final List<ColumnSpec> columns;
    private final int rowCount;
    private final List<List<BlockInfo>> blocks;
    private final List<ColumnStats> stats;

    SegmentFooter(List<ColumnSpec> columns, int rowCount, List<List<BlockInfo>> blocks, List<DistinctCountSketch> sketches) {
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
        List<List<BlockInfo>> blockLists = new ArrayList<>(blocks.size());
        List<ColumnStats> columnStats = new ArrayList<>(blocks.size());
        for (int c = 0; c < columns.size(); c++) {
            blockLists.add(List.copyOf(blocks.get(c)));
            columnStats.add(ColumnStats.of(columns.get(c).type().physicalKind(), blocks.get(c), sketches.get(c)));
        }
        this.blocks = List.copyOf(blockLists);
        this.stats = List.copyOf(columnStats);
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    public int rowCount() {
        return rowCount;
    }

    /** The blocks of a column in row order. */
    public List<BlockInfo> blocks(int column) {
        return blocks.get(column);
    }

    public ColumnStats columnStats(int column) {
        return stats.get(column);
    }

    public List<ColumnStats> columnStats() {
        return stats;
    }
}
