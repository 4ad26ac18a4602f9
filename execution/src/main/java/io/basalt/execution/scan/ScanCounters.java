package io.basalt.execution.scan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a table scan did, for EXPLAIN ANALYZE and tests: segments considered and skipped (zone maps, or
 * every row deleted), blocks decoded, rows ruled out by block zone maps before any decoding, and rows
 * read (decoded, live) before the pushed filter, and of those, rows filtered by dictionary code; and, for a
 * query's progress, the rows the scan will go through and how many it has dealt with so far. Counters are
 * atomics bumped once per morsel or block, so a poller on another thread reads them without any lock.
 */
public final class ScanCounters {

    private final AtomicLong segments = new AtomicLong();
    private final AtomicLong segmentsSkipped = new AtomicLong();
    private final AtomicLong blocksRead = new AtomicLong();
    private final AtomicLong rowsSkippedByZoneMaps = new AtomicLong();
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsFilteredOnDictionary = new AtomicLong();
    private final AtomicLong rowsRemovedByJoinFilters = new AtomicLong();
    private final AtomicLong rowsPlanned = new AtomicLong();
    private final AtomicLong rowsCovered = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    void segmentConsidered() {
        segments.incrementAndGet();
    }

    void segmentSkipped() {
        segmentsSkipped.incrementAndGet();
    }

    void blockRead(long storedBytes) {
        blocksRead.incrementAndGet();
        bytesRead.addAndGet(storedBytes);
    }

    void rowsPlanned(long rows) {
        rowsPlanned.addAndGet(rows);
    }

    /** Rows of the scan's segments that are dealt with, whether read, skipped or deleted: what progress counts. */
    void rowsCovered(long rows) {
        rowsCovered.addAndGet(rows);
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

    /** Every row of the segments the scan will go through: the total that {@link #rowsCovered()} reaches. */
    public long rowsPlanned() {
        return rowsPlanned.get();
    }

    /** Rows of the scan's segments dealt with so far (read, ruled out by zone maps, or in a segment without live rows). */
    public long rowsCovered() {
        return rowsCovered.get();
    }

    /** Bytes of blocks read from segment files, as stored (compressed). */
    public long bytesRead() {
        return bytesRead.get();
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
