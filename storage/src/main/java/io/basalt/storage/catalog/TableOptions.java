package io.basalt.storage.catalog;

import io.basalt.storage.compress.Compression;

import java.util.Objects;

/**
 * Per-table storage choices.
 *
 * @param compression       how blocks are compressed unless a column says otherwise (LZ4 by default: it
 *                          decompresses several times faster than ZSTD, which wins on size)
 * @param targetSegmentRows rows per segment file written by bulk loads; smaller segments prune finer,
 *                          larger ones cost less per row in footers and file handles
 */
public record TableOptions(Compression compression, int targetSegmentRows) {

    public static final int DEFAULT_TARGET_SEGMENT_ROWS = 1 << 20;
    public static final TableOptions DEFAULT = new TableOptions(Compression.LZ4, DEFAULT_TARGET_SEGMENT_ROWS);

    public TableOptions {
        Objects.requireNonNull(compression, "compression");
        if (targetSegmentRows < 1) {
            throw new IllegalArgumentException("targetSegmentRows must be positive, got " + targetSegmentRows);
        }
    }

    public TableOptions withCompression(Compression newCompression) {
        return new TableOptions(newCompression, targetSegmentRows);
    }

    public TableOptions withTargetSegmentRows(int rows) {
        return new TableOptions(compression, rows);
    }
}
