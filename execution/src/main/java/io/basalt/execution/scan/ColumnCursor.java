package io.basalt.execution.scan;

import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.segment.BlockInfo;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * Walks one column's blocks forward through a morsel's rows, decoding a block only when a batch needs rows
 * from it. Blocks of different columns start at different rows, so batches are cut at every column's block
 * boundaries and each batch lies inside exactly one block of each column.
 */
final class ColumnCursor {

    private final SegmentReader reader;
    private final int column;
    private final List<BlockInfo> blocks;
    private final ScanCounters counters;
    private int blockIndex;
    private int decodedIndex = -1;
    private ColumnVector decoded;

    ColumnCursor(SegmentReader reader, int column, ScanCounters counters) {
        this.reader = reader;
        this.column = column;
        this.blocks = reader.footer().blocks(column);
        this.counters = counters;
    }

    /** The first row after {@code row} where this column starts a new block. */
    int blockEnd(int row) {
        seek(row);
        BlockInfo block = blocks.get(blockIndex);
        return block.rowOffset() + block.rowCount();
    }

    /** Rows {@code [from, to)}, which lie in one block. */
    ColumnVector rows(int from, int to) {
        seek(from);
        if (decodedIndex != blockIndex) {
            decoded = reader.readBlock(column, blockIndex);
            decodedIndex = blockIndex;
            counters.blockRead();
        }
        int start = blocks.get(blockIndex).rowOffset();
        return VectorSlicer.slice(decoded, from - start, to - from);
    }

    private void seek(int row) {
        while (blocks.get(blockIndex).rowOffset() + blocks.get(blockIndex).rowCount() <= row) {
            blockIndex++;
        }
    }
}
