package io.basalt.execution.aggregate;

import io.basalt.execution.spill.SpillFile;

import java.util.concurrent.atomic.AtomicLong;

/** Rows and bytes an aggregation wrote to spill files, for EXPLAIN ANALYZE; counted from threads at once. */
final class SpillVolume {

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    void add(SpillFile file) {
        rows.addAndGet(file.rowCount());
        bytes.addAndGet(file.bytes());
    }

    long rows() {
        return rows.get();
    }

    long bytes() {
        return bytes.get();
    }
}
