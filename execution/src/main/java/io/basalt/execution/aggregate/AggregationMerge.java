package io.basalt.execution.aggregate;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.execution.hash.GroupTable;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.vector.Selection;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds one partition of an aggregation's final result from the workers' partial aggregations: the groups
 * whose key hash falls in the partition, with their states merged, and the DISTINCT values of those groups
 * deduplicated across workers and fed once into the final states. Partitions are independent, so they
 * merge in parallel; a key lands in exactly one partition. A DISTINCT entry (a worker's group id and a value)
 * goes to its group's partition, where the worker's group id is translated into the merged group's id.
 *
 * <p>When every worker's table kept its one LONG key sorted ({@link GroupTable#sortedKeys}: the input came in key
 * order) and there is nothing else to merge (no DISTINCT sets, no kept batches), partitions are key ranges instead
 * and each merges its slices of the workers' sorted keys as sorted lists ({@link SortedMerge}): no hashing, and the
 * merged table, fed its keys in order, stays sorted too.
 */
final class AggregationMerge {

    private final AggregationLayout layout;
    private final List<PartialAggregation> partials;
    private final List<AggregationWriter.PartitionedBatch> keptBatches;
    private final int partitions;
    private final MemoryReservation memory;
    private final Split[] groupSplits;
    private final Split[][] distinctSplits;
    private final Translation[] translations;
    private final AtomicLong splitBytes = new AtomicLong();
    /** The key-range merge of sorted tables, or null to merge by key hash. */
    private final SortedMerge sortedMerge;
    /**
     * Whether rows are added to the merged partitions afterwards (kept batches, or a spilled partition's rows): their
     * DISTINCT entries must then be found in the partition's set, which has to hold every entry.
     */
    private final boolean rowsFollow;

    /**
     * The keys of a partial's groups (or DISTINCT entries) and which of them fall in each partition, and the partition
     * of each row of {@code keys} (null when there is one partition).
     */
    private record Split(ColumnVector[] keys, int[][] positions, int[] partitionOfRow) {
    }

    /**
     * Where a partial's groups and DISTINCT entries went in the merged partitions, filled by each partition's merge for
     * its own rows (partitions hold disjoint rows, so they write disjoint elements), allocated once per partial and
     * reserved with the splits: per partition, they took the partial's whole size again.
     *
     * @param mergedGroupOf       the merged group of each of the partial's groups
     * @param groupByEntry        per DISTINCT call (null when not DISTINCT), the merged group of each entry
     * @param mergedGroupsByEntry per DISTINCT call, the same as a LONG column, to stand for the entries' group column
     */
    private record Translation(int[] mergedGroupOf, int[][] groupByEntry, LongVector[] mergedGroupsByEntry) {
    }

    AggregationMerge(AggregationLayout layout, List<PartialAggregation> partials,
                     List<AggregationWriter.PartitionedBatch> keptBatches, int partitions, MemoryReservation memory) {
        this(layout, partials, keptBatches, partitions, memory, true);
    }

    /**
     * As {@link #AggregationMerge(AggregationLayout, List, List, int, MemoryReservation)}, but always by key-hash
     * partition: a merge whose partitions are joined by spilled rows (split by key hash) must not use key ranges, and
     * keeps every DISTINCT entry in its partitions' sets for those rows.
     */
    static AggregationMerge byHash(AggregationLayout layout, List<PartialAggregation> partials,
                                   List<AggregationWriter.PartitionedBatch> keptBatches, int partitions,
                                   MemoryReservation memory) {
        return new AggregationMerge(layout, partials, keptBatches, partitions, memory, false);
    }

    private AggregationMerge(AggregationLayout layout, List<PartialAggregation> partials,
                             List<AggregationWriter.PartitionedBatch> keptBatches, int partitions, MemoryReservation memory,
                             boolean rangesAllowed) {
        this.layout = layout;
        this.partials = partials;
        this.keptBatches = keptBatches;
        this.partitions = partitions;
        this.memory = memory;
        this.groupSplits = new Split[partials.size()];
        this.distinctSplits = new Split[partials.size()][layout.calls.size()];
        this.translations = new Translation[partials.size()];
        this.sortedMerge = rangesAllowed && keptBatches.isEmpty() ? SortedMerge.of(layout, partials, partitions) : null;
        this.rowsFollow = !keptBatches.isEmpty() || !rangesAllowed;
    }

    /**
     * Splits every partial table by partition, once, in parallel (instead of once per partition task): one task per
     * partial, since its DISTINCT entries go where their groups went.
     */
    void prepare(TaskRunner tasks) {
        if (sortedMerge != null) {
            return;
        }
        List<Runnable> work = new ArrayList<>();
        for (int i = 0; i < partials.size(); i++) {
            PartialAggregation partial = partials.get(i);
            int index = i;
            work.add(() -> {
                Split groups = split(partial.groups.keys(), partial.groups.groupCount());
                groupSplits[index] = groups;
                for (int c = 0; c < layout.calls.size(); c++) {
                    DistinctEntries entries = partial.distinctEntries[c];
                    if (entries != null) {
                        distinctSplits[index][c] = splitEntries(entries.entries(), entries.entryCount(),
                                groups.partitionOfRow());
                    }
                }
                if (layout.anyDistinct()) {
                    translations[index] = translation(partial);
                }
            });
        }
        tasks.runAll(work);
    }

    /** A partial's {@link Translation}, reserved with the splits (4 bytes a group, 12 an entry of each DISTINCT call). */
    private Translation translation(PartialAggregation partial) {
        int groupCount = partial.groups.groupCount();
        long bytes = 4L * groupCount;
        for (DistinctEntries entries : partial.distinctEntries) {
            bytes += entries == null ? 0 : 12L * entries.entryCount();
        }
        reserve(bytes);
        int calls = layout.calls.size();
        int[][] groupByEntry = new int[calls][];
        LongVector[] mergedGroupsByEntry = new LongVector[calls];
        for (int c = 0; c < calls; c++) {
            if (partial.distinctEntries[c] != null) {
                int entryCount = partial.distinctEntries[c].entryCount();
                groupByEntry[c] = new int[Math.max(entryCount, 1)];
                mergedGroupsByEntry[c] = new LongVector(entryCount);
                mergedGroupsByEntry[c].setPositionCount(entryCount);
            }
        }
        return new Translation(new int[groupCount], groupByEntry, mergedGroupsByEntry);
    }

    /** Gives back the memory of the splits, once every partition is merged. */
    void release() {
        memory.shrink(splitBytes.getAndSet(0));
    }

    /**
     * @param cancellation fails with 57014 when the query was cancelled: checked before each worker's groups,
     *                     each DISTINCT set and each kept batch, so a merge of millions of groups stops early
     * @param target       the reservation the merged partition reserves through
     */
    PartialAggregation mergePartition(int partition, double expectedGroups, Runnable cancellation, MemoryReservation target) {
        PartialAggregation merged = new PartialAggregation(layout, expectedGroups, true, target);
        if (sortedMerge != null) {
            cancellation.run();
            sortedMerge.merge(partition, merged);
            return merged;
        }
        for (int i = 0; i < partials.size(); i++) {
            cancellation.run();
            PartialAggregation partial = partials.get(i);
            ColumnVector[] keys = groupSplits[i].keys();
            int[] selected = groupSplits[i].positions()[partition];
            int count = selected.length;
            int[] targets = new int[count];
            merged.groups.findOrInsert(keys, selected, count, targets);
            merged.ensureGroups();
            for (int c = 0; c < layout.calls.size(); c++) {
                if (!layout.distinct[c] && partial.accumulators[c] != null) {
                    merged.accumulators[c].merge(partial.accumulators[c], selected, targets, count);
                }
            }
            if (layout.anyDistinct()) {
                // the merged group of each of the partial's groups in this partition, for the DISTINCT entries
                PartialAggregation.scatter(targets, selected, count, translations[i].mergedGroupOf());
            }
        }
        for (int c = 0; c < layout.calls.size(); c++) {
            if (merged.distinctSets[c] != null) {
                cancellation.run();
                mergeDistinct(merged, c, partition, cancellation, target);
            }
        }
        // Rows that were not pre-aggregated join their partition last, after the DISTINCT sets are merged.
        for (AggregationWriter.PartitionedBatch kept : keptBatches) {
            cancellation.run();
            int[] rows = kept.positions()[partition];
            merged.add(kept.batch(), rows, rows.length);
        }
        return merged;
    }

    /**
     * Feeds the partials' DISTINCT entries of this partition, translated to merged group ids, each once into the final
     * state: bucket by bucket ({@link DistinctBucketMerge}) when no rows follow, else through the merged set, which
     * those rows need to find the entries in.
     */
    private void mergeDistinct(PartialAggregation merged, int call, int partition, Runnable cancellation,
                               MemoryReservation target) {
        List<DistinctBucketMerge.Source> sources = new ArrayList<>();
        for (int p = 0; p < partials.size(); p++) {
            ColumnVector[] entries = distinctSplits[p][call].keys();
            int[] selected = distinctSplits[p][call].positions()[partition];
            long[] partialGroups = ((LongVector) entries[0]).values();
            Translation translation = translations[p];
            int[] groupByEntry = translation.groupByEntry()[call];
            LongVector mergedGroups = translation.mergedGroupsByEntry()[call];
            translateGroups(selected, selected.length, partialGroups, translation.mergedGroupOf(), groupByEntry,
                    mergedGroups.values());
            ColumnVector[] translated = entries.clone();
            translated[0] = mergedGroups;
            sources.add(new DistinctBucketMerge.Source(translated, selected, groupByEntry,
                    Arrays.copyOfRange(entries, 1, entries.length)));
        }
        if (!rowsFollow) {
            DistinctBucketMerge.merge(sources, layout.distinctSetKinds(call), merged.accumulators[call], target,
                    cancellation);
            return;
        }
        for (DistinctBucketMerge.Source source : sources) {
            PartialAggregation.addNewEntries(merged.distinctSets[call], source.entries(), source.rows(),
                    source.rows().length, source.groupByEntry(), source.arguments(), merged.accumulators[call]);
        }
    }

    // The loops over rows of mergePartition and mergeDistinct, each a method of its own: those two run once per
    // partition and stay with C1 (server's compiler directives), while C2 compiles these alone.

    /** The merged group of each selected DISTINCT entry, from its partial group, into both outputs. */
    private static void translateGroups(int[] selected, int count, long[] partialGroups, int[] mergedGroupOf,
                                        int[] groupByEntry, long[] mergedGroupValues) {
        for (int i = 0; i < count; i++) {
            int entry = selected[i];
            int group = mergedGroupOf[(int) partialGroups[entry]];
            groupByEntry[entry] = group;
            mergedGroupValues[entry] = group;
        }
    }

    /** Lists the rows of {@code keys} (a partial's group keys) per partition, by key hash. */
    private Split split(ColumnVector[] keys, int rows) {
        reserveSplit(keys, rows);
        if (partitions == 1) {
            return new Split(keys, new int[][] {Selection.all(rows)}, null);
        }
        long[] hashes = new long[rows];
        KeyHashing.hash(keys, Selection.all(rows), rows, hashes);
        int[] partitionOfRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            partitionOfRow[row] = partitionOf(hashes[row]);
        }
        return new Split(keys, rowsByPartition(partitionOfRow, null, rows, partitions), partitionOfRow);
    }

    /**
     * Lists the rows of {@code entries} (a partial's DISTINCT set: its group id, then the values) per partition: each
     * goes to its group's partition, {@code partitionOfGroup} (null when there is one partition).
     */
    private Split splitEntries(ColumnVector[] entries, int rows, int[] partitionOfGroup) {
        reserveSplit(entries, rows);
        if (partitions == 1) {
            return new Split(entries, new int[][] {Selection.all(rows)}, null);
        }
        long[] groups = ((LongVector) entries[0]).values();
        int[] partitionOfRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            partitionOfRow[row] = partitionOfGroup[(int) groups[row]];
        }
        return new Split(entries, rowsByPartition(partitionOfRow, null, rows, partitions), partitionOfRow);
    }

    private void reserveSplit(ColumnVector[] keys, int rows) {
        long bytes = 8L * rows;
        for (ColumnVector key : keys) {
            bytes += VectorSizes.bytes(key);
        }
        reserve(bytes);
    }

    /** Reserves {@code bytes} of the splits' memory, given back by {@link #release}. */
    private void reserve(long bytes) {
        memory.grow(bytes);
        splitBytes.addAndGet(bytes);
    }

    /**
     * Lists {@code rows[i]} (or {@code i} when {@code rows} is null), for {@code i} below {@code count}, under partition
     * {@code partitionOfRow[i]}, in order.
     */
    static int[][] rowsByPartition(int[] partitionOfRow, int[] rows, int count, int partitions) {
        int[] counts = new int[partitions];
        for (int i = 0; i < count; i++) {
            counts[partitionOfRow[i]]++;
        }
        int[][] byPartition = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            byPartition[p] = new int[counts[p]];
        }
        Arrays.fill(counts, 0);
        for (int i = 0; i < count; i++) {
            int partition = partitionOfRow[i];
            byPartition[partition][counts[partition]++] = rows == null ? i : rows[i];
        }
        return byPartition;
    }

    private int partitionOf(long hash) {
        return partitionOf(hash, partitions);
    }

    /** The partition of a key hash; uses other bits than the hash tables' slots do. */
    static int partitionOf(long hash, int partitions) {
        return (int) Long.remainderUnsigned(KeyHashing.mix(hash), partitions);
    }
}
