package io.basalt.execution.aggregate;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;
import java.util.List;

/**
 * Builds one partition of an aggregation's final result from the workers' partial aggregations: the groups
 * whose key hash falls in the partition, with their states merged, and the DISTINCT values of those groups
 * deduplicated across workers and fed once into the final states. Partitions are independent, so they
 * merge in parallel; a key lands in exactly one partition.
 */
final class AggregationMerge {

    private final AggregationLayout layout;
    private final List<PartialAggregation> partials;
    private final List<AggregationWriter.PartitionedBatch> keptBatches;
    private final int partitions;

    AggregationMerge(AggregationLayout layout, List<PartialAggregation> partials,
                     List<AggregationWriter.PartitionedBatch> keptBatches, int partitions) {
        this.layout = layout;
        this.partials = partials;
        this.keptBatches = keptBatches;
        this.partitions = partitions;
    }

    PartialAggregation mergePartition(int partition, double expectedGroups, MemoryReservation memory) {
        PartialAggregation merged = new PartialAggregation(layout, expectedGroups, true, memory);
        for (PartialAggregation partial : partials) {
            ColumnVector[] keys = partial.groups.keys();
            int[] selected = select(keys, layout.keyCount(), partial.groups.groupCount(), partition);
            int count = selected.length;
            int[] targets = new int[count];
            merged.groups.findOrInsert(keys, selected, count, targets);
            merged.ensureGroups();
            for (int c = 0; c < layout.calls.size(); c++) {
                if (partial.distinctSets[c] == null) {
                    merged.accumulators[c].merge(partial.accumulators[c], selected, targets, count);
                }
            }
        }
        for (int c = 0; c < layout.calls.size(); c++) {
            if (merged.distinctSets[c] != null) {
                mergeDistinct(merged, c, partition);
            }
        }
        // Rows that were not pre-aggregated join their partition last, after the DISTINCT sets are merged.
        for (AggregationWriter.PartitionedBatch kept : keptBatches) {
            int[] rows = kept.positions()[partition];
            merged.add(kept.batch(), rows, rows.length);
        }
        return merged;
    }

    private void mergeDistinct(PartialAggregation merged, int call, int partition) {
        int keyCount = layout.keyCount();
        for (PartialAggregation partial : partials) {
            ColumnVector[] entries = partial.distinctSets[call].keys();
            int entryCount = partial.distinctSets[call].groupCount();
            int[] selected = select(entries, keyCount, entryCount, partition);
            int count = selected.length;
            int before = merged.distinctSets[call].groupCount();
            int[] ids = new int[count];
            merged.distinctSets[call].findOrInsert(entries, selected, count, ids);
            // Each partial's set holds an entry once, so an id past the old size is a value new to the merge.
            int[] fresh = new int[count];
            int freshCount = 0;
            for (int i = 0; i < count; i++) {
                if (ids[i] >= before) {
                    fresh[freshCount++] = selected[i];
                }
            }
            ColumnVector[] groupKeys = Arrays.copyOfRange(entries, 0, keyCount);
            int[] groups = new int[freshCount];
            merged.groups.find(groupKeys, fresh, freshCount, groups);
            int[] groupByEntry = new int[Math.max(entryCount, 1)];
            for (int i = 0; i < freshCount; i++) {
                groupByEntry[fresh[i]] = groups[i];
            }
            ColumnVector[] arguments = Arrays.copyOfRange(entries, keyCount, entries.length);
            merged.accumulators[call].add(groupByEntry, arguments, fresh, freshCount);
        }
    }

    /** The rows of {@code keys} (the first {@code keyCount} columns decide) that belong to the partition. */
    private int[] select(ColumnVector[] keys, int keyCount, int rows, int partition) {
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        if (partitions == 1) {
            return all;
        }
        long[] hashes = new long[rows];
        KeyHashing.hash(Arrays.copyOfRange(keys, 0, keyCount), all, rows, hashes);
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (partitionOf(hashes[i]) == partition) {
                all[count++] = i;
            }
        }
        return Arrays.copyOf(all, count);
    }

    private int partitionOf(long hash) {
        return partitionOf(hash, partitions);
    }

    /** The partition of a key hash; uses other bits than the hash tables' slots do. */
    static int partitionOf(long hash, int partitions) {
        return (int) Long.remainderUnsigned(KeyHashing.mix(hash), partitions);
    }
}
