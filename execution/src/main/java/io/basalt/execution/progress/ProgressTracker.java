package io.basalt.execution.progress;

import io.basalt.execution.scan.ScanCounters;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress of one statement, which may run several queries (an INSERT's source, a DML's row search): every
 * table scan registers its {@link ScanCounters} when its pipeline is built, every query its pipelines when it
 * starts. The workers only bump the scans' atomic counters; {@link #snapshot()} sums them on the polling thread,
 * so the hot path takes no lock and the poller never blocks a worker.
 */
public final class ProgressTracker {

    private final List<ScanCounters> scans = new CopyOnWriteArrayList<>();
    private final AtomicInteger pipelinesTotal = new AtomicInteger();
    private final AtomicInteger pipelinesFinished = new AtomicInteger();

    /** A scan about to be run; its planned rows count towards the total from now on. */
    public void scanPlanned(ScanCounters counters) {
        scans.add(counters);
    }

    public void pipelinesPlanned(int pipelines) {
        if (pipelines < 0) {
            throw new IllegalArgumentException("pipelines cannot be negative");
        }
        pipelinesTotal.addAndGet(pipelines);
    }

    public void pipelineFinished() {
        pipelinesFinished.incrementAndGet();
    }

    /** The counts now. Rows covered never exceed rows planned, since every covered row belongs to a planned segment. */
    public ProgressSnapshot snapshot() {
        long scanned = 0;
        long total = 0;
        long bytes = 0;
        for (ScanCounters scan : scans) {
            // Read the covered rows before the planned ones: a scan registers its plan before any row is covered.
            scanned += scan.rowsCovered();
            total += scan.rowsPlanned();
            bytes += scan.bytesRead();
        }
        int finished = pipelinesFinished.get();
        int planned = Math.max(finished, pipelinesTotal.get());
        return new ProgressSnapshot(Math.min(scanned, total), total, bytes, finished, planned);
    }
}
