package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;

/** Growth of the per-group arrays, reserved against the query's memory budget before it happens. */
abstract class GroupedAccumulator implements Accumulator {

    private final MemoryReservation memory;
    private long reservedBytes;
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
        reserve((newCapacity - (long) capacity) * bytesPerGroup());
        resize(newCapacity);
        capacity = newCapacity;
    }

    /** Reserves state outside the arrays (the bytes of MIN/MAX strings). */
    protected final void reserve(long bytes) {
        memory.grow(bytes);
        reservedBytes += bytes;
    }

    protected final void unreserve(long bytes) {
        memory.shrink(bytes);
        reservedBytes -= bytes;
    }

    @Override
    public void release() {
        memory.shrink(reservedBytes);
        reservedBytes = 0;
    }
}
