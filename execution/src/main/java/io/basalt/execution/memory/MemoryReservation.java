package io.basalt.execution.memory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one operator holds against its query's {@link MemoryBudget}. Worker threads of the operator
 * share it (updates are atomic); it remembers its peak for EXPLAIN ANALYZE, and {@link #close()} gives
 * everything back, which is how a failed or finished query frees its whole budget.
 *
 * <p>A {@linkplain #child() child} is one thread's share of an operator's reservation: its bytes count against
 * the parent (and so show in the parent's peak), and it can {@linkplain #tryPrepay prepay}: take bytes from the
 * budget before a step whose exact growth is not known in advance, so that another thread cannot take them in
 * between and the step's {@link #grow} calls draw on them first. A spilling operator prepays an upper bound of
 * a step and spills instead when the prepayment does not fit.
 */
public final class MemoryReservation implements AutoCloseable {

    private final MemoryBudget budget;
    private final MemoryReservation parent;
    private final String purpose;
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();
    private final AtomicLong prepaidBytes = new AtomicLong();
    /** What {@link #trySetAside} asked for; {@link #spareBytes} are refilled up to it. */
    private final AtomicLong setAsideBytes = new AtomicLong();
    /** Bytes taken from the budget for this reservation alone and not held now. */
    private final AtomicLong spareBytes = new AtomicLong();
    private final AtomicLong spilledBytes = new AtomicLong();
    private final AtomicLong spilledRows = new AtomicLong();

    public MemoryReservation(MemoryBudget budget, String purpose) {
        this(budget, null, purpose);
    }

    private MemoryReservation(MemoryBudget budget, MemoryReservation parent, String purpose) {
        this.budget = budget;
        this.parent = parent;
        this.purpose = purpose;
    }

    /** A reservation for one thread's part of this one's work: what it holds, this one holds too. */
    public MemoryReservation child() {
        return new MemoryReservation(budget, this, purpose);
    }

    /** Reserves {@code bytes} more; call before allocating them. Fails the query when the budget is exceeded. */
    public void grow(long bytes) {
        if (bytes <= 0) {
            if (bytes < 0) {
                shrink(-bytes);
            }
            return;
        }
        long fromPrepaid = takePrepaid(bytes);
        long fromSpare = takeSpare(bytes - fromPrepaid);
        if (bytes > fromPrepaid + fromSpare) {
            try {
                take(bytes - fromPrepaid - fromSpare);
            } catch (RuntimeException failure) {
                refillSpare(fromSpare);
                throw failure;
            }
        }
        held(bytes);
    }

    /**
     * Takes {@code bytes} from the budget and keeps them for this reservation: its {@link #grow} calls draw on them
     * before the budget, and {@link #shrink} puts bytes back into them (while it holds fewer than {@code bytes})
     * before giving any to the budget, so the reservation can always hold {@code bytes} in all, whatever the other
     * reservations of the query take. False, taking
     * nothing, when they do not fit (or bytes are set aside already).
     */
    public boolean trySetAside(long bytes) {
        if (bytes <= 0 || setAsideBytes.get() > 0 || !tryTake(bytes)) {
            return false;
        }
        setAsideBytes.set(bytes);
        spareBytes.addAndGet(bytes);
        return true;
    }

    /** Gives the bytes set aside and not held back to the budget; what is held stays held. */
    public void releaseSetAside() {
        setAsideBytes.set(0);
        give(spareBytes.getAndSet(0));
    }

    /**
     * Takes {@code bytes} from the budget ahead of need: the following {@link #grow} calls draw on them before the
     * budget, until {@link #releasePrepaid()}. False, taking nothing, when they do not fit.
     */
    public boolean tryPrepay(long bytes) {
        if (bytes <= 0) {
            return true;
        }
        if (!tryTake(bytes)) {
            return false;
        }
        prepaidBytes.addAndGet(bytes);
        return true;
    }

    /**
     * Turns {@code bytes} this reservation holds into prepaid ones, without giving them back in between: bytes an
     * operator set aside for a later step, which the step's {@link #grow} calls then draw on.
     */
    public void prepayFromHeld(long bytes) {
        long moved = Math.min(bytes, heldBytes.get());
        heldBytes.addAndGet(-moved);
        prepaidBytes.addAndGet(moved);
    }

    /** Gives the prepaid bytes no {@link #grow} used back to the budget. */
    public void releasePrepaid() {
        give(prepaidBytes.getAndSet(0));
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
        long fromSpare = takeSpare(bytes);
        if (bytes > fromSpare && !tryTake(bytes - fromSpare)) {
            refillSpare(fromSpare);
            return false;
        }
        held(bytes);
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
                give(released - refillSpare(released));
                return;
            }
        }
    }

    /** The budget this reservation draws on: its limit and use, for messages of operators that spill. */
    public MemoryBudget budget() {
        return budget;
    }

    private long takePrepaid(long bytes) {
        while (true) {
            long prepaid = prepaidBytes.get();
            long taken = Math.min(bytes, prepaid);
            if (prepaidBytes.compareAndSet(prepaid, prepaid - taken)) {
                return taken;
            }
        }
    }

    private long takeSpare(long bytes) {
        while (true) {
            long spare = spareBytes.get();
            long taken = Math.min(bytes, spare);
            if (taken <= 0 || spareBytes.compareAndSet(spare, spare - taken)) {
                return Math.max(0, taken);
            }
        }
    }

    /**
     * Keeps up to {@code bytes} freed ones as spare, until held and spare bytes make the set-aside again; returns how
     * many it kept.
     */
    private long refillSpare(long bytes) {
        while (true) {
            long spare = spareBytes.get();
            long kept = Math.min(bytes, setAsideBytes.get() - heldBytes.get() - spare);
            if (kept <= 0) {
                return 0;
            }
            if (spareBytes.compareAndSet(spare, spare + kept)) {
                return kept;
            }
        }
    }

    private void held(long bytes) {
        long held = heldBytes.addAndGet(bytes);
        peakBytes.accumulateAndGet(held, Math::max);
    }

    /** Takes bytes from the parent (as held there) or the budget, failing the query when they do not fit. */
    private void take(long bytes) {
        if (parent != null) {
            parent.grow(bytes);
        } else {
            budget.reserve(bytes, purpose);
        }
    }

    private boolean tryTake(long bytes) {
        return parent != null ? parent.tryGrow(bytes) : budget.tryReserve(bytes);
    }

    private void give(long bytes) {
        if (bytes <= 0) {
            return;
        }
        if (parent != null) {
            parent.shrink(bytes);
        } else {
            budget.release(bytes);
        }
    }

    public long heldBytes() {
        return heldBytes.get();
    }

    public long peakBytes() {
        return peakBytes.get();
    }

    /** The limit of the budget this reservation draws on. */
    public long limitBytes() {
        return budget.limitBytes();
    }

    /**
     * Records that the operator wrote {@code bytes} ({@code rows} rows) to spill files because its memory did
     * not grow: EXPLAIN ANALYZE shows the sum for the operator's plan node. A child's spills count in its parent too.
     */
    public void recordSpill(long bytes, long rows) {
        spilledBytes.addAndGet(bytes);
        spilledRows.addAndGet(rows);
        if (parent != null) {
            parent.recordSpill(bytes, rows);
        }
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

    /** Releases everything still held (prepaid and set-aside bytes included); safe to call more than once. */
    @Override
    public void close() {
        setAsideBytes.set(0);
        give(heldBytes.getAndSet(0) + prepaidBytes.getAndSet(0) + spareBytes.getAndSet(0));
    }
}
