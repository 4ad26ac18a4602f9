package io.basalt.execution.scan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many rows one of a scan's filters (a join filter, a value range) tested and kept so far, over all the scan's
 * workers: what the scan orders its filters by. A filter running after another is tested only on the rows the other
 * kept; taken as independent, the shares still order them.
 */
final class RowsKept {

    private final AtomicLong tested = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();

    void record(int testedRows, int keptRows) {
        tested.addAndGet(testedRows);
        kept.addAndGet(keptRows);
    }

    long tested() {
        return tested.get();
    }

    long kept() {
        return kept.get();
    }

    /**
     * The share of the rows tested that were kept, smoothed so that a filter not yet tested counts as keeping half:
     * {@code (kept + 1) / (tested + 2)}.
     */
    double share() {
        return (kept.get() + 1.0) / (tested.get() + 2.0);
    }
}
