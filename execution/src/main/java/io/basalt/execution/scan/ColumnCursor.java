package io.basalt.execution.scan;

import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.vector.BatchArena;
import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.encoding.BlockDictionary;
import io.basalt.storage.encoding.DecodedBlock;
import io.basalt.storage.encoding.EncodedLongs;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.segment.BlockInfo;
import io.basalt.storage.segment.LongZoneMap;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.segment.ZoneMap;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorBuffers;
import io.basalt.storage.vector.VectorCopier;

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
    private DecodedBlock decoded;
    private BlockDictionary dictionary;
    /** Which dictionary entries of the decoded block pass {@link #passingFilter} (see {@link DictionaryFilter}). */
    private boolean[] passingEntries;
    private CompiledExpression passingFilter;
    /** Whether {@link #passingEntries} lets every row of the block through. */
    private boolean everyRowPasses;
    /** How many of {@link #passingEntries} are true. */
    private int passingCount;

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

    /**
     * Rows {@code [from, to)}, which lie in one block. An encoded LONG block that the batch covers whole is decoded
     * into arrays the batch's scope lends ({@link BatchArena}) when it lends, and not kept: no later batch reads the
     * block, and the lent arrays were written by the previous batch, so they are in the cache, where a new vector of
     * 65,536 values is fresh memory the processor zeroes and fetches before it writes a value (summing
     * {@code ps_supplycost} over partsupp: 1.5 ns a value decoded into new vectors).
     */
    ColumnVector rows(int from, int to) {
        return withZoneMapBound(unboundedRows(from, to));
    }

    private ColumnVector unboundedRows(int from, int to) {
        seek(from);
        decode();
        BlockInfo block = blocks.get(blockIndex);
        int start = block.rowOffset();
        if (!decoded.hasVector() && decoded.plainBytes() != null && to - from < decoded.plainBytes().rowCount()) {
            return decoded.plainBytes().rows(from - start, null, to - from); // one copy of these rows, not two
        }
        EncodedLongs encodedLongs = decoded.encodedLongs();
        if (!decoded.hasVector() && encodedLongs != null && from == start && to - from == encodedLongs.count()
                && BatchArena.buffers() != VectorBuffers.NEW) {
            LongVector values = BatchArena.longVector(encodedLongs.count());
            encodedLongs.unpack(0, encodedLongs.count(), values.values());
            values.setPositionCount(encodedLongs.count());
            return values;
        }
        return VectorSlicer.slice(decoded.vector(), from - start, to - from);
    }

    /**
     * Rows {@code from + positions[i]} for {@code i < count}, of rows {@code [from, to)} which lie in one block.
     * From a text block whose vector nobody needed yet they are gathered from its dictionary or its slices,
     * and from an encoded LONG block they are read one by one (unless that costs more than decoding the block:
     * {@link EncodedLongs#gathersCheaply}), so the rows a filter dropped are never copied or decoded (late
     * materialization).
     */
    ColumnVector selectedRows(int from, int to, int[] positions, int count) {
        return withZoneMapBound(unboundedSelectedRows(from, to, positions, count));
    }

    /**
     * {@code vector}, a LONG one declaring the magnitude bound its block's zone map gives
     * ({@link LongVector#magnitudeBound}): every value of the block, so of any of its rows, lies within min and max.
     */
    private ColumnVector withZoneMapBound(ColumnVector vector) {
        if (vector instanceof LongVector longs && blocks.get(blockIndex).zoneMap() instanceof LongZoneMap zone
                && zone.hasValues()) {
            longs.declareMagnitudeBound(Math.max(LongVector.magnitude(zone.min()), LongVector.magnitude(zone.max())));
        }
        return vector;
    }

    private ColumnVector unboundedSelectedRows(int from, int to, int[] positions, int count) {
        seek(from);
        decode();
        if (!decoded.hasVector()) {
            int offset = from - blocks.get(blockIndex).rowOffset();
            if (dictionary != null) {
                return dictionary.rows(offset, positions, count, BatchArena.buffers());
            }
            if (decoded.plainBytes() != null) {
                return decoded.plainBytes().rows(offset, positions, count);
            }
            EncodedLongs encodedLongs = decoded.encodedLongs();
            if (encodedLongs != null && encodedLongs.gathersCheaply(count, to - from)) {
                LongVector values = BatchArena.longVector(count);
                encodedLongs.gather(offset, positions, count, values.values());
                values.setPositionCount(count);
                return values;
            }
        }
        return VectorCopier.select(rows(from, to), positions, count);
    }

    /**
     * The encoded form of the LONG block holding {@code row} (decoding it if needed) while its vector is not built
     * yet, else null: a range is then compared on the encoded values ({@link EncodedLongs#selectInRange}).
     */
    EncodedLongs encodedLongs(int row) {
        seek(row);
        decode();
        return decoded.hasVector() ? null : decoded.encodedLongs();
    }

    /** The zone map of the block holding {@code row} (nothing is decoded). */
    ZoneMap zoneMap(int row) {
        seek(row);
        return blocks.get(blockIndex).zoneMap();
    }

    /** The encoding of the block holding {@code row} (nothing is decoded). */
    EncodingKind encoding(int row) {
        seek(row);
        return blocks.get(blockIndex).encoding();
    }

    /** The first row of the block holding {@code row}. */
    int blockStart(int row) {
        seek(row);
        return blocks.get(blockIndex).rowOffset();
    }

    /**
     * The dictionary form of the block holding {@code row} (decoding it if needed), or null when the block is
     * not dictionary-encoded.
     */
    BlockDictionary dictionary(int row) {
        seek(row);
        decode();
        return dictionary;
    }

    /**
     * For the block holding {@code row}, which dictionary entries pass {@code filter} (the last element: a NULL
     * row), evaluated once per block; null when the block has no dictionary or the filter failed on an entry.
     */
    boolean[] passingEntries(int row, CompiledExpression filter) {
        BlockDictionary view = dictionary(row);
        if (view == null) {
            return null;
        }
        if (passingFilter != filter) {
            passingEntries = DictionaryFilter.passingEntries(filter, view);
            passingFilter = filter;
            everyRowPasses = passingEntries != null && DictionaryFilter.everyRowPasses(view, passingEntries);
            passingCount = 0;
            if (passingEntries != null) {
                for (boolean passes : passingEntries) {
                    passingCount += passes ? 1 : 0;
                }
            }
        }
        return passingEntries;
    }

    /**
     * Whether every row of the block holding {@code row} passes {@code filter}, judged on the block's dictionary
     * (every entry, and NULL when the block has NULLs, passes): false when the block has no dictionary.
     */
    boolean everyRowPasses(int row, CompiledExpression filter) {
        return passingEntries(row, filter) != null && everyRowPasses;
    }

    /**
     * Whether the block holding {@code row} has a dictionary and {@code filter} passes at most half of its entries
     * (the NULL entry counted as one): a cheap guess that it keeps at most about half of the rows.
     */
    boolean passesFewEntries(int row, CompiledExpression filter) {
        boolean[] passing = passingEntries(row, filter);
        return passing != null && passingCount * 2 <= passing.length;
    }

    private void decode() {
        if (decodedIndex != blockIndex) {
            DecodedBlock block = reader.readDecodedBlock(column, blockIndex);
            decoded = block;
            dictionary = block.dictionary();
            passingEntries = null;
            passingFilter = null;
            decodedIndex = blockIndex;
            counters.blockRead(blocks.get(blockIndex).storedLength());
        }
    }

    private void seek(int row) {
        while (blocks.get(blockIndex).rowOffset() + blocks.get(blockIndex).rowCount() <= row) {
            blockIndex++;
        }
    }
}
