package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;

/**
 * Growth of the per-group arrays, reserved against the query's memory budget before it happens.
 *
 * <p>State outside the arrays (the bytes of each MIN/MAX string, one small value per group) is reserved in chunks:
 * a reservation is a few atomic updates shared by the query's threads, and one per value made them 10 % of TPC-H
 * Q10's samples (five ANY_VALUE text columns over 38,000 groups, ninth session). The accumulator draws on bytes it
 * took ahead: an eighth of what it holds, at least {@link #MIN_CHUNK} (a merge fills many small partitions' accumulators)
 * and at most {@link #MAX_CHUNK}, so its reservation exceeds its use by at most that much.
 */
abstract class GroupedAccumulator implements Accumulator {

    private static final long MIN_CHUNK = 4 * 1024;
    private static final long MAX_CHUNK = 64 * 1024;

    private final MemoryReservation memory;
    /** Bytes taken from {@link #memory}: the arrays' and {@link #usedBytes}, plus what was taken ahead. */
    private long reservedBytes;
    /** Bytes of state outside the arrays. */
    private long usedBytes;
    /** Bytes of the arrays. */
    private long arrayBytes;
    protected int capacity;

    GroupedAccumulator(MemoryReservation memory) {
        this.memory = memory;
    }

    /** Bytes of state per group. */
    protected abstract long bytesPerGroup();

    /** Reallocates the state arrays for {@code newCapacity} groups, keeping the existing values. */
    protected abstract void resize(int newCapacity);

    @Override
    public final void ensureGroups(int groupCount) {
        if (groupCount <= capacity) {
            return;
        }
        int newCapacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(groupCount, Math.max(16L, capacity * 2L)));
        long bytes = (newCapacity - (long) capacity) * bytesPerGroup();
        memory.grow(bytes);
        reservedBytes += bytes;
        arrayBytes += bytes;
        resize(newCapacity);
        capacity = newCapacity;
    }

    /** Reserves state outside the arrays (the bytes of MIN/MAX strings). */
    protected final void reserve(long bytes) {
        usedBytes += bytes;
        long missing = arrayBytes + usedBytes - reservedBytes;
        if (missing > 0) {
            long ahead = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, usedBytes / 8));
            // Near the budget's limit, only what is needed: taking ahead must not fail a query that would fit.
            long taken = memory.tryGrow(missing + ahead) ? missing + ahead : grow(missing);
            reservedBytes += taken;
        }
    }

    protected final void unreserve(long bytes) {
        usedBytes -= bytes;
        long surplus = reservedBytes - arrayBytes - usedBytes;
        if (surplus > 2 * MAX_CHUNK) {
            memory.shrink(surplus - MAX_CHUNK);
            reservedBytes -= surplus - MAX_CHUNK;
        }
    }

    private long grow(long bytes) {
        memory.grow(bytes);
        return bytes;
    }

    @Override
    public void release() {
        memory.shrink(reservedBytes);
        reservedBytes = 0;
        usedBytes = 0;
        arrayBytes = 0;
    }
}
