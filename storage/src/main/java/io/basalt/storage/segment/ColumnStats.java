package io.basalt.storage.segment;

import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.type.PhysicalKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of one column of a segment: the zone map over all its rows, how many blocks use each
 * encoding, the bytes its blocks take on disk and before compression, and the distinct-count sketch. All
 * but the sketch follow from the column's blocks, so the footer stores only the sketch.
 */
public record ColumnStats(ZoneMap zoneMap, Map<EncodingKind, Integer> blocksPerEncoding, long compressedBytes,
                          long uncompressedBytes, DistinctCountSketch sketch) {

    public ColumnStats {
        Map<EncodingKind, Integer> counts = new EnumMap<>(EncodingKind.class);
        counts.putAll(blocksPerEncoding);
        blocksPerEncoding = Collections.unmodifiableMap(counts);
        sketch = sketch.copy();
    }

    static ColumnStats of(PhysicalKind kind, List<BlockInfo> blocks, DistinctCountSketch sketch) {
        ZoneMap zoneMap = ZoneMap.empty(kind);
        Map<EncodingKind, Integer> counts = new EnumMap<>(EncodingKind.class);
        long compressed = 0;
        long uncompressed = 0;
        for (BlockInfo block : blocks) {
            zoneMap = zoneMap.merge(block.zoneMap());
            counts.merge(block.encoding(), 1, Integer::sum);
            compressed += block.storedLength();
            uncompressed += block.uncompressedLength();
        }
        return new ColumnStats(zoneMap, counts, compressed, uncompressed, sketch);
    }

    /** The number of blocks using {@code encoding}. */
    public int blocksUsing(EncodingKind encoding) {
        return blocksPerEncoding.getOrDefault(encoding, 0);
    }

    /** The estimated number of distinct non-null values. */
    public long distinctCountEstimate() {
        return sketch.estimate();
    }

    /** A copy of the sketch, safe to merge into. */
    @Override
    public DistinctCountSketch sketch() {
        return sketch.copy();
    }
}
