package io.basalt.execution.aggregate;

import io.basalt.execution.vector.Selection;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.List;

/**
 * The merge of workers' tables whose one LONG key is sorted ({@link io.basalt.execution.hash.GroupTable#sortedKeys}):
 * a scan of a table stored in key order (lineitem by {@code l_orderkey}: 1.5M groups at SF 1) gives each worker its
 * groups in key order. Partition {@code p} takes the keys between two splitters, chosen at the quantiles of the
 * largest table, and merges every worker's slice of them as sorted lists: each key is compared with the other
 * lists' next keys, never hashed, and the merged table receives its keys in increasing order, so it stays a sorted
 * list too. Only for tables without DISTINCT sets and without kept batches: those are split by key hash.
 */
final class SortedMerge {

    private final AggregationLayout layout;
    private final List<PartialAggregation> partials;
    private final long[][] keys;
    /** Per partial, where each partition's slice starts in its keys; one more element, the group count. */
    private final int[][] sliceStarts;

    private SortedMerge(AggregationLayout layout, List<PartialAggregation> partials, long[][] keys, int partitions) {
        this.layout = layout;
        this.partials = partials;
        this.keys = keys;
        int largest = 0;
        for (int i = 1; i < partials.size(); i++) {
            if (groupCount(i) > groupCount(largest)) {
                largest = i;
            }
        }
        long[] splitters = new long[partitions - 1];
        for (int p = 1; p < partitions; p++) {
            splitters[p - 1] = keys[largest][(int) ((long) groupCount(largest) * p / partitions)];
        }
        this.sliceStarts = new int[partials.size()][partitions + 1];
        for (int i = 0; i < partials.size(); i++) {
            for (int p = 1; p < partitions; p++) {
                sliceStarts[i][p] = firstAtLeast(keys[i], groupCount(i), splitters[p - 1]);
            }
            sliceStarts[i][partitions] = groupCount(i);
        }
    }

    /**
     * The merge of {@code partials} by key range, or null when one of their tables is not sorted, a call keeps a
     * DISTINCT set, or a table is empty.
     */
    static SortedMerge of(AggregationLayout layout, List<PartialAggregation> partials, int partitions) {
        for (boolean distinct : layout.distinct) {
            if (distinct) {
                return null;
            }
        }
        long[][] keys = new long[partials.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = partials.get(i).groups.sortedKeys();
            if (keys[i] == null || partials.get(i).groups.groupCount() == 0) {
                return null;
            }
        }
        return keys.length == 0 ? null : new SortedMerge(layout, partials, keys, partitions);
    }

    private int groupCount(int partial) {
        return partials.get(partial).groups.groupCount();
    }

    /** The first index below {@code count} whose key is at least {@code key} ({@code count} when none is). */
    private static int firstAtLeast(long[] sorted, int count, long key) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Merges partition {@code partition}'s slices of every table into {@code merged}, an empty table. */
    void merge(int partition, PartialAggregation merged) {
        int tables = partials.size();
        int[] next = new int[tables];
        int[] end = new int[tables];
        int[][] targets = new int[tables][];
        int total = 0;
        for (int i = 0; i < tables; i++) {
            next[i] = sliceStarts[i][partition];
            end[i] = sliceStarts[i][partition + 1];
            targets[i] = new int[end[i] - next[i]];
            total += end[i] - next[i];
        }
        LongVector mergedKeys = new LongVector(Math.max(total, 1));
        int count = mergeKeys(next, end, targets, partition, mergedKeys.values());
        mergedKeys.setPositionCount(count);
        int[] ids = new int[count];
        merged.groups.findOrInsert(new ColumnVector[] {mergedKeys}, Selection.all(count), count, ids);
        merged.ensureGroups();
        for (int i = 0; i < tables; i++) {
            PartialAggregation partial = partials.get(i);
            int start = sliceStarts[i][partition];
            int sliceCount = targets[i].length;
            int[] sources = new int[sliceCount];
            int[] groups = new int[sliceCount];
            sourcesAndGroups(start, targets[i], ids, sources, groups);
            for (int c = 0; c < layout.calls.size(); c++) {
                if (partial.accumulators[c] != null) {
                    merged.accumulators[c].merge(partial.accumulators[c], sources, groups, sliceCount);
                }
            }
        }
    }

    /**
     * Merges the tables' sorted key slices [{@code next[i]}, {@code end[i]}) into {@code out}, each key once, and
     * records in {@code targets[i]} the merged position of each slice entry. Returns the merged key count. The
     * loops over rows are methods of their own so that C2 compiles them alone: {@link #merge} runs once per partition
     * and stays with C1 (server's compiler directives).
     */
    private int mergeKeys(int[] next, int[] end, int[][] targets, int partition, long[] out) {
        int tables = next.length;
        int count = 0;
        while (true) {
            boolean any = false;
            long smallest = 0;
            for (int i = 0; i < tables; i++) {
                if (next[i] < end[i] && (!any || keys[i][next[i]] < smallest)) {
                    smallest = keys[i][next[i]];
                    any = true;
                }
            }
            if (!any) {
                return count;
            }
            for (int i = 0; i < tables; i++) {
                if (next[i] < end[i] && keys[i][next[i]] == smallest) {
                    targets[i][next[i] - sliceStarts[i][partition]] = count;
                    next[i]++;
                }
            }
            out[count++] = smallest;
        }
    }

    /** {@code sources[j] = start + j} and {@code groups[j] = ids[targets[j]]}: a slice's rows and merged groups. */
    private static void sourcesAndGroups(int start, int[] targets, int[] ids, int[] sources, int[] groups) {
        for (int j = 0; j < targets.length; j++) {
            sources[j] = start + j;
            groups[j] = ids[targets[j]];
        }
    }
}
