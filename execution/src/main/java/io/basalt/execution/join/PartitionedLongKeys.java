package io.basalt.execution.join;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A hash join's build side keyed by one LONG column whose values are too spread for {@link DenseKeyRange} and
 * {@link RankedKeyRange} (more than 256 values of their range per build row: hashes, sparse identifiers, a few
 * keys far apart): an open-addressing table from each distinct key straight to the
 * head of its build rows' chain, split by the top bits of the key's hash into {@link #PARTITIONS} regions that are
 * filled in parallel, one task per region, since no two regions share a slot.
 *
 * <p>Why not a {@code GroupTable}: a group table maps keys to group ids, which a join then maps to chain heads: two
 * dependent random reads per probe row, and its inserts run on one thread. Here a slot holds the key and its chain
 * head side by side (one cache line per probe), and building is a serial pass that orders the rows by region
 * followed by the regions' inserts on every worker. A slot's index serves as the join's group.
 */
final class PartitionedLongKeys {

    /** Regions, a power of two: enough tasks for the workers to share out evenly. */
    static final int PARTITIONS = 16;

    private static final int PARTITION_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(PARTITIONS);

    /** Rows below which the regions are filled on the calling thread: handing them out would cost more. */
    private static final int PARALLEL_ROWS = 1 << 15;

    /** Bytes per slot: the key and its chain head + 1 (0 = empty). */
    static final long SLOT_BYTES = 16;

    /** {@code [2 * slot]} = key, {@code [2 * slot + 1]} = first build row + 1, 0 for an empty slot. */
    private final long[] slots;
    /** The first slot of each region; region {@code p} ends where {@code p + 1} starts. */
    private final int[] regionStart;
    private final int[] regionMask;
    private final int distinct;

    private PartitionedLongKeys(long[] slots, int[] regionStart, int[] regionMask, int distinct) {
        this.slots = slots;
        this.regionStart = regionStart;
        this.regionMask = regionMask;
        this.distinct = distinct;
    }

    /** Slots for {@code count} rows: each region at most half full (see {@link #build}), for {@link #bytes}. */
    static long maxSlots(int count) {
        return 4L * count + 32L * PARTITIONS;
    }

    /**
     * Indexes the rows {@code indexed[0, count)} (no NULL keys) of {@code keys}: links each row into its key's
     * chain in {@code next} (build order, -1 at the end) and returns the table of chain heads.
     *
     * @param runAll runs independent tasks and waits for all of them (the build's workers, or one after another)
     */
    static PartitionedLongKeys build(LongVector keys, int[] indexed, int count, int[] next, Consumer<List<Runnable>> runAll,
                                     Runnable cancellation) {
        long[] values = keys.values();
        // Rows in region order, keeping build order within a region: one counting pass, one placing pass.
        int[] regionRows = new int[PARTITIONS + 1];
        for (int i = 0; i < count; i++) {
            regionRows[region(values[indexed[i]]) + 1]++;
        }
        int[] start = new int[PARTITIONS + 1];
        int[] regionStart = new int[PARTITIONS + 1];
        int[] regionMask = new int[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            start[p + 1] = start[p] + regionRows[p + 1];
            int capacity = slotCapacity(regionRows[p + 1]);
            regionStart[p + 1] = regionStart[p] + capacity;
            regionMask[p] = capacity - 1;
        }
        int[] ordered = new int[count];
        int[] fill = start.clone();
        for (int i = 0; i < count; i++) {
            int row = indexed[i];
            ordered[fill[region(values[row])]++] = row;
        }
        cancellation.run();
        long[] slots = new long[2 * regionStart[PARTITIONS]];
        int[] distinct = new int[PARTITIONS];
        List<Runnable> tasks = new ArrayList<>(PARTITIONS);
        for (int p = 0; p < PARTITIONS; p++) {
            int partition = p;
            tasks.add(() -> distinct[partition] = fillRegion(values, ordered, start[partition], start[partition + 1],
                    slots, regionStart[partition], regionMask[partition], next));
        }
        if (count >= PARALLEL_ROWS) {
            runAll.accept(tasks);
        } else {
            tasks.forEach(Runnable::run);
        }
        int total = 0;
        for (int n : distinct) {
            total += n;
        }
        return new PartitionedLongKeys(slots, regionStart, regionMask, total);
    }

    /** A power of two at least twice the region's rows (so at least twice its distinct keys), at least 16. */
    private static int slotCapacity(int rows) {
        return Integer.highestOneBit(Math.max(16, rows * 2 - 1)) << 1;
    }

    private static int region(long key) {
        return (int) (KeyHashing.mix(key) >>> PARTITION_SHIFT);
    }

    /**
     * Inserts the rows {@code ordered[from, to)} of one region, from the last so that prepending leaves every chain
     * in build order; returns the region's distinct keys. Touches only the region's slots and its rows' links.
     */
    private static int fillRegion(long[] values, int[] ordered, int from, int to, long[] slots, int base, int mask,
                                  int[] next) {
        int distinct = 0;
        for (int i = to - 1; i >= from; i--) {
            int row = ordered[i];
            long key = values[row];
            int slot = (int) KeyHashing.mix(key) & mask;
            while (true) {
                int at = 2 * (base + slot);
                long head = slots[at + 1];
                if (head == 0) {
                    slots[at] = key;
                    slots[at + 1] = row + 1;
                    next[row] = -1;
                    distinct++;
                    break;
                }
                if (slots[at] == key) {
                    next[row] = (int) head - 1;
                    slots[at + 1] = row + 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return distinct;
    }

    /** Bytes the slots take. */
    long bytes() {
        return SLOT_BYTES * (slots.length / 2);
    }

    /** Slots in all regions: {@link #find}'s results lie below it. */
    int slotCount() {
        return slots.length / 2;
    }

    int distinctKeyCount() {
        return distinct;
    }

    /**
     * {@code found[i]} = the slot of the key at row {@code positions[i]} when some build row has it, else -1. NULL
     * keys find nothing. A run of one key (lineitem in l_orderkey order) is looked up once.
     */
    void find(LongVector keys, int[] positions, int count, int[] found) {
        long[] values = keys.values();
        boolean[] nulls = keys.mayHaveNulls() ? keys.nulls() : null;
        long[] table = slots;
        long previousKey = 0;
        int previousSlot = -1;
        boolean havePrevious = false;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            if (nulls != null && nulls[row]) {
                found[i] = -1;
                continue;
            }
            long key = values[row];
            if (havePrevious && key == previousKey) {
                found[i] = previousSlot;
                continue;
            }
            long hash = KeyHashing.mix(key);
            int region = (int) (hash >>> PARTITION_SHIFT);
            int base = regionStart[region];
            int mask = regionMask[region];
            int slot = (int) hash & mask;
            int result;
            while (true) {
                int at = 2 * (base + slot);
                if (table[at + 1] == 0) {
                    result = -1;
                    break;
                }
                if (table[at] == key) {
                    result = base + slot;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            found[i] = result;
            previousKey = key;
            previousSlot = result;
            havePrevious = true;
        }
    }

    /** The first build row of the key in {@code slot} (a slot {@link #find} returned). */
    int head(int slot) {
        return (int) slots[2 * slot + 1] - 1;
    }

    /** The distinct keys, in slot order. */
    LongVector keys() {
        LongVector vector = new LongVector(distinct);
        long[] values = vector.values();
        int n = 0;
        for (int at = 0; at < slots.length; at += 2) {
            if (slots[at + 1] != 0) {
                values[n++] = slots[at];
            }
        }
        vector.setPositionCount(distinct);
        return vector;
    }
}
