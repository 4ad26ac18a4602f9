package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.spill.SpillFile;
import io.basalt.storage.type.PhysicalKind;

import java.util.List;

/**
 * The build side of a hash join that outgrew its memory, split by {@link JoinPartitioner} (level 0): the first
 * partitions that fit back in memory are indexed there (a hybrid hash join: their probe rows join at once),
 * the others stay in their spill files and are joined after the probe input ends.
 */
final class SpilledBuild {

    private final LoadedPartition[] resident;
    private final SpillFile[] files;
    private final boolean anyNullKey;

    private SpilledBuild(LoadedPartition[] resident, SpillFile[] files, boolean anyNullKey) {
        this.resident = resident;
        this.files = files;
        this.anyNullKey = anyNullKey;
    }

    /**
     * Loads partitions in order while they fit, all together twice (a partition without rows always does: its
     * table is empty).
     * @param files one per partition, null for a partition without rows
     */
    static SpilledBuild load(SpillFile[] files, boolean anyNullKey, List<PhysicalKind> kinds, int[] keyColumns,
                             MemoryReservation memory, Runnable cancellation) {
        LoadedPartition[] resident = new LoadedPartition[files.length];
        SpillFile[] spilled = files.clone();
        boolean loading = true;
        long loadedBytes = 0;
        for (int p = 0; p < files.length; p++) {
            if (loading || files[p] == null) {
                resident[p] = LoadedPartition.loadIfFits(files[p], kinds, keyColumns, memory, cancellation, loadedBytes);
            }
            if (resident[p] != null) {
                loadedBytes += resident[p].bytes();
                if (files[p] != null) {
                    files[p].delete();
                }
                spilled[p] = null;
            } else {
                // The rest would compete for what little is left: the probe side needs memory too.
                loading = false;
            }
        }
        return new SpilledBuild(resident, spilled, anyNullKey);
    }

    /** The partition's table when it is in memory, else null (its rows are in {@link #file}). */
    JoinHashTable table(int partition) {
        return resident[partition] == null ? null : resident[partition].table();
    }

    /** The spill file of a partition not in memory. */
    SpillFile file(int partition) {
        return files[partition];
    }

    /** Whether some build row has a NULL in a key column (NOT IN then keeps no row at all). */
    boolean anyNullKey() {
        return anyNullKey;
    }

    /** Gives back the memory of the partitions in memory; their tables must not be used afterwards. */
    void releaseResident(MemoryReservation memory) {
        for (int p = 0; p < resident.length; p++) {
            if (resident[p] != null) {
                resident[p].release(memory);
                resident[p] = null;
            }
        }
    }
}
