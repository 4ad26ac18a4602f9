package io.basalt.jdbc;

import io.basalt.jdbc.spi.ProgressReport;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How far a statement's execution has got ({@link BasaltStatement#progress()}): rows of the scanned tables dealt
 * with so far, out of the rows its scans go through (the rows of the tables' segments; rows that zone maps rule
 * out count as scanned as soon as they are ruled out), bytes read, pipelines finished, and the time elapsed.
 * When the server cannot report progress (an older server) only the elapsed time is known.
 */
public final class QueryProgress {

    private final boolean countsKnown;
    private final long rowsScanned;
    private final long rowsTotalEstimate;
    private final long bytesScanned;
    private final int pipelinesFinished;
    private final int pipelinesTotal;
    private final Duration elapsed;

    private QueryProgress(boolean countsKnown, long rowsScanned, long rowsTotalEstimate, long bytesScanned,
                          int pipelinesFinished, int pipelinesTotal, Duration elapsed) {
        this.countsKnown = countsKnown;
        this.rowsScanned = rowsScanned;
        this.rowsTotalEstimate = rowsTotalEstimate;
        this.bytesScanned = bytesScanned;
        this.pipelinesFinished = pipelinesFinished;
        this.pipelinesTotal = pipelinesTotal;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The progress {@code report} gives after {@code elapsed}. */
    public static QueryProgress of(ProgressReport report, Duration elapsed) {
        return new QueryProgress(true, report.rowsScanned(), report.rowsTotal(), report.bytesScanned(),
                report.pipelinesFinished(), report.pipelinesTotal(), elapsed);
    }

    /** Only the time elapsed: the server cannot report counts. */
    public static QueryProgress unknown(Duration elapsed) {
        return new QueryProgress(false, 0, 0, 0, 0, 0, elapsed);
    }

    /** Whether the server reported counts; when not, every count is 0 and only {@link #elapsed()} means anything. */
    public boolean countsKnown() {
        return countsKnown;
    }

    public long rowsScanned() {
        return rowsScanned;
    }

    /** The rows the statement's scans go through, as planned; 0 when it scans no table or counts are unknown. */
    public long rowsTotalEstimate() {
        return rowsTotalEstimate;
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

    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Percent of the estimated work done, 0 to 100: rows scanned of the rows planned, or, for a statement that scans
     * no table, pipelines finished of those planned. Empty when the counts are unknown or nothing is planned yet.
     */
    public OptionalDouble percent() {
        if (!countsKnown) {
            return OptionalDouble.empty();
        }
        if (rowsTotalEstimate > 0) {
            return OptionalDouble.of(Math.min(100.0, 100.0 * rowsScanned / rowsTotalEstimate));
        }
        if (pipelinesTotal > 0) {
            return OptionalDouble.of(Math.min(100.0, 100.0 * pipelinesFinished / pipelinesTotal));
        }
        return OptionalDouble.empty();
    }

    @Override
    public String toString() {
        if (!countsKnown) {
            return String.format(Locale.ROOT, "QueryProgress[elapsed=%s, counts unknown]", elapsed);
        }
        return String.format(Locale.ROOT, "QueryProgress[rows %d of %d, %d bytes, pipelines %d of %d, elapsed=%s]",
                rowsScanned, rowsTotalEstimate, bytesScanned, pipelinesFinished, pipelinesTotal, elapsed);
    }
}
