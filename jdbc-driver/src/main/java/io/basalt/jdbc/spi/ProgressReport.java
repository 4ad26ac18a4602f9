package io.basalt.jdbc.spi;

/**
 * How far a session's latest statement has got, as its server counts it: rows of the scanned tables dealt with so
 * far out of the rows its scans go through (their segments' rows), bytes read, and pipelines finished out of those
 * planned. A plain value, the same on every transport.
 */
public final class ProgressReport {

    private final long rowsScanned;
    private final long rowsTotal;
    private final long bytesScanned;
    private final int pipelinesFinished;
    private final int pipelinesTotal;

    public ProgressReport(long rowsScanned, long rowsTotal, long bytesScanned, int pipelinesFinished, int pipelinesTotal) {
        if (rowsScanned < 0 || rowsTotal < 0 || bytesScanned < 0 || pipelinesFinished < 0 || pipelinesTotal < 0) {
            throw new IllegalArgumentException("progress counts cannot be negative");
        }
        this.rowsScanned = rowsScanned;
        this.rowsTotal = rowsTotal;
        this.bytesScanned = bytesScanned;
        this.pipelinesFinished = pipelinesFinished;
        this.pipelinesTotal = pipelinesTotal;
    }

    public long rowsScanned() {
        return rowsScanned;
    }

    /** Every row of the segments the statement's scans go through; 0 when it scans no table (yet). */
    public long rowsTotal() {
        return rowsTotal;
    }

    public long bytesScanned() {
        return bytesScanned;
    }

    public int pipelinesFinished() {
        return pipelinesFinished;
    }

    public int pipelinesTotal() {
        return pipelinesTotal;
    }
}
