package io.basalt.execution.profile;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.scan.ScanCounters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one plan node did in an analyzed run: rows it produced, time its own work took summed over the
 * worker threads (downstream operators excluded), the wall-clock span from its first to its last piece of
 * work, the peak bytes its memory reservation held, what it spilled to disk, and for scans what zone maps saved.
 */
public final class NodeStatistics {

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
    private final List<MemoryReservation> reservations = new ArrayList<>();
    private volatile ScanCounters scan;

    public void addRows(long count) {
        rows.addAndGet(count);
    }

    void addWork(long start, long end, long ownNanos) {
        nanos.addAndGet(ownNanos);
        firstStart.accumulateAndGet(start, Math::min);
        lastEnd.accumulateAndGet(end, Math::max);
    }

    public synchronized void track(MemoryReservation reservation) {
        reservations.add(reservation);
    }

    public void scan(ScanCounters counters) {
        this.scan = counters;
    }

    public long rows() {
        return rows.get();
    }

    /** Time of the node's own work, summed over threads. */
    public long cpuNanos() {
        return nanos.get();
    }

    /** Wall-clock time from the node's first piece of work to its last; 0 when it did none. */
    public long wallNanos() {
        long start = firstStart.get();
        long end = lastEnd.get();
        return end >= start ? end - start : 0;
    }

    public synchronized long peakMemoryBytes() {
        long peak = 0;
        for (MemoryReservation reservation : reservations) {
            peak += reservation.peakBytes();
        }
        return peak;
    }

    /** Bytes the node's operators wrote to spill files. */
    public synchronized long spilledBytes() {
        long bytes = 0;
        for (MemoryReservation reservation : reservations) {
            bytes += reservation.spilledBytes();
        }
        return bytes;
    }

    /** Rows the node's operators wrote to spill files (a row spilled twice, e.g. by a second merge pass, counts twice). */
    public synchronized long spilledRows() {
        long rows = 0;
        for (MemoryReservation reservation : reservations) {
            rows += reservation.spilledRows();
        }
        return rows;
    }

    /** The scan's counters, or {@code null} for other nodes. */
    public ScanCounters scan() {
        return scan;
    }
}
