package io.basalt.execution.memory;

import io.basalt.execution.ExecutionException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory one query may hold, shared by all its operators and threads. Operators reserve bytes before
 * they allocate large structures (hash tables, aggregation states, sort buffers, materialized inputs), so a
 * query that outgrows its budget fails with SQLSTATE 53200 instead of exhausting the Java heap and taking
 * the whole database down with an {@link OutOfMemoryError}.
 */
public final class MemoryBudget {

    private final long limitBytes;
    private final AtomicLong usedBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();

    public MemoryBudget(long limitBytes) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("memory limit must be positive");
        }
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    public long usedBytes() {
        return usedBytes.get();
    }

    public long peakBytes() {
        return peakBytes.get();
    }

    /** Takes {@code bytes} from the budget, or fails the query naming what it was doing. */
    void reserve(long bytes, String purpose) {
        if (!tryReserve(bytes)) {
            throw new ExecutionException(ExecutionException.OUT_OF_MEMORY, "query exceeded its memory limit of "
                    + limitBytes + " bytes while " + purpose + " (" + usedBytes.get() + " bytes in use, " + bytes
                    + " more requested)");
        }
    }

    /**
     * Takes {@code bytes} from the budget if they fit; otherwise takes nothing and returns false. Compare-and-set,
     * not add-then-undo: an attempt that does not fit (a spilling operator asking for a large step) must not
     * raise the use other threads see in between and fail their small reservations.
     */
    boolean tryReserve(long bytes) {
        while (true) {
            long used = usedBytes.get();
            if (bytes > limitBytes - used) {
                return false;
            }
            if (usedBytes.compareAndSet(used, used + bytes)) {
                peakBytes.accumulateAndGet(used + bytes, Math::max);
                return true;
            }
        }
    }

    void release(long bytes) {
        usedBytes.addAndGet(-bytes);
    }
}
