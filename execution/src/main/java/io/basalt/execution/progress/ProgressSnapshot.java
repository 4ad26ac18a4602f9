package io.basalt.execution.progress;

/**
 * How far a statement's queries have got, read at one moment: rows of the scanned tables' segments dealt with
 * so far out of the rows those scans go through, bytes read from segment files, and pipelines finished out of
 * those planned. The counts grow monotonically while the statement runs.
 *
 * @param rowsScanned rows the scans have read or ruled out (by zone maps, or as deleted) so far
 * @param rowsTotal every row of the segments the planned scans go through (0 when no table is scanned)
 * @param bytesScanned bytes of segment blocks read, as stored
 * @param pipelinesFinished pipelines that ran to their end
 * @param pipelinesTotal pipelines of the queries started so far
 */
public record ProgressSnapshot(long rowsScanned, long rowsTotal, long bytesScanned, int pipelinesFinished,
                               int pipelinesTotal) {

    /** Nothing planned yet: a statement that has not started a query. */
    public static final ProgressSnapshot NONE = new ProgressSnapshot(0, 0, 0, 0, 0);

    public ProgressSnapshot {
        if (rowsScanned < 0 || rowsTotal < 0 || bytesScanned < 0 || pipelinesFinished < 0 || pipelinesTotal < 0) {
            throw new IllegalArgumentException("progress counts cannot be negative");
        }
    }
}
