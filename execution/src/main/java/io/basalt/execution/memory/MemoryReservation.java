package io.basalt.execution.memory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one operator holds against its query's {@link MemoryBudget}. Worker threads of the operator
 * share it (updates are atomic); it remembers its peak for EXPLAIN ANALYZE, and {@link #close()} gives
 * everything back, which is how a failed or finished query frees its whole budget.
 */
public final class MemoryReservation implements AutoCloseable {

    private final MemoryBudget budget;
    private final String purpose;
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();
    private final AtomicLong spilledBytes = new AtomicLong();
    private final AtomicLong spilledRows = new AtomicLong();

    public MemoryReservation(MemoryBudget budget, String purpose) {
        this.budget = budget;
        this.purpose = purpose;
    }

    /** Reserves {@code bytes} more; call before allocating them. Fails the query when the budget is exceeded. */
    public void grow(long bytes) {
        if (bytes <= 0) {
            if (bytes < 0) {
                shrink(-bytes);
            }
            return;
        }
        budget.reserve(bytes, purpose);
        long held = heldBytes.addAndGet(bytes);
        peakBytes.accumulateAndGet(held, Math::max);
    }

    /**
     * Reserves {@code bytes} more if they fit in the budget, else reserves nothing and returns false: an
     * operator that can spill calls this and writes to disk instead of failing the query.
     */
    public boolean tryGrow(long bytes) {
        if (bytes <= 0) {
            grow(bytes);
            return true;
        }
        if (!budget.tryReserve(bytes)) {
            return false;
        }
        long held = heldBytes.addAndGet(bytes);
        peakBytes.accumulateAndGet(held, Math::max);
        return true;
    }

    /** Gives back {@code bytes} that are no longer held. */
    public void shrink(long bytes) {
        if (bytes <= 0) {
            return;
        }
        while (true) {
            long held = heldBytes.get();
            long released = Math.min(bytes, held);
            if (heldBytes.compareAndSet(held, held - released)) {
                budget.release(released);
                return;
            }
        }
    }

    /** The budget this reservation draws on: its limit and use, for messages of operators that spill. */
    public MemoryBudget budget() {
        return budget;
    }

    public long heldBytes() {
        return heldBytes.get();
    }

    public long peakBytes() {
        return peakBytes.get();
    }

    /**
     * Records that the operator wrote {@code bytes} ({@code rows} rows) to spill files because its memory did
     * not grow: EXPLAIN ANALYZE shows the sum for the operator's plan node.
     */
    public void recordSpill(long bytes, long rows) {
        spilledBytes.addAndGet(bytes);
        spilledRows.addAndGet(rows);
    }

    public long spilledBytes() {
        return spilledBytes.get();
    }

    public long spilledRows() {
        return spilledRows.get();
    }

    public String purpose() {
        return purpose;
    }

    /** Releases everything still held; safe to call more than once. */
    @Override
    public void close() {
        long held = heldBytes.getAndSet(0);
        budget.release(held);
    }
}
