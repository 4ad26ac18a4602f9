package io.basalt.execution.scan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a table scan did, for EXPLAIN ANALYZE and tests: segments considered and skipped (zone maps, or
 * every row deleted), blocks decoded, rows ruled out by block zone maps before any decoding, and rows
 * read (decoded, live) before the pushed filter, and of those, rows filtered by dictionary code.
 */
public final class ScanCounters {

    private final AtomicLong segments = new AtomicLong();
    private final AtomicLong segmentsSkipped = new AtomicLong();
    private final AtomicLong blocksRead = new AtomicLong();
    private final AtomicLong rowsSkippedByZoneMaps = new AtomicLong();
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsFilteredOnDictionary = new AtomicLong();
    private final AtomicLong rowsRemovedByJoinFilters = new AtomicLong();

    void segmentConsidered() {
        segments.incrementAndGet();
    }

    void segmentSkipped() {
        segmentsSkipped.incrementAndGet();
    }

    void blockRead() {
        blocksRead.incrementAndGet();
    }

    void rowsSkippedByZoneMaps(long rows) {
        rowsSkippedByZoneMaps.addAndGet(rows);
    }

    void rowsRead(long rows) {
        rowsRead.addAndGet(rows);
    }

    void rowsRemovedByJoinFilters(long rows) {
        rowsRemovedByJoinFilters.addAndGet(rows);
    }

    void rowsFilteredOnDictionary(long rows) {
        rowsFilteredOnDictionary.addAndGet(rows);
    }

    public long segments() {
        return segments.get();
    }

    public long segmentsSkipped() {
        return segmentsSkipped.get();
    }

    public long blocksRead() {
        return blocksRead.get();
    }

    public long rowsSkippedByZoneMaps() {
        return rowsSkippedByZoneMaps.get();
    }

    public long rowsRead() {
        return rowsRead.get();
    }

    /** Rows whose pushed filter was decided by their dictionary code ({@link DictionaryFilter}). */
    public long rowsFilteredOnDictionary() {
        return rowsFilteredOnDictionary.get();
    }

    /** Rows dropped by a hash join's key filter ({@link ScanJoinFilter}) before the pushed filter. */
    public long rowsRemovedByJoinFilters() {
        return rowsRemovedByJoinFilters.get();
    }
}
