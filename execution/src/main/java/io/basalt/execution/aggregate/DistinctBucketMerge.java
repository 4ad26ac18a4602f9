package io.basalt.execution.aggregate;

import io.basalt.execution.hash.GroupTable;
import io.basalt.execution.hash.GroupTables;
import io.basalt.execution.hash.KeyHashing;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deduplicates one DISTINCT call's entries of one merge partition, from every worker, bucket by bucket: the entries
 * are split by hash into buckets of about {@value #BUCKET_ENTRIES}, and each bucket gets a set of its own, sized for
 * it, that is dropped once its entries are fed. Equal entries hash alike, so they meet in one bucket's set; and a
 * bucket's set stays in the core's cache while its entries go in, where one set of all of them (TPC-H Q16 at SF 10:
 * 600,000 a partition) took a miss to memory per entry.
 *
 * <p>Only for a partition that no rows follow (kept or spilled ones, {@link AggregationMerge}): those go through its
 * set, which must then hold every entry.
 */
final class DistinctBucketMerge {

    /** Entries a bucket is meant to hold: its set (about 60 bytes an entry) then fits in a core's L2 cache. */
    static final int BUCKET_ENTRIES = 1 << 14;

    /**
     * One worker's entries for the partition.
     *
     * @param entries      the entries' columns, the group id (translated to the merged group's) first
     * @param rows         the entries of the partition, rows of {@code entries}
     * @param groupByEntry the merged group of each entry, by row
     * @param arguments    the argument columns of {@code entries} (all but the first)
     */
    record Source(ColumnVector[] entries, int[] rows, int[] groupByEntry, ColumnVector[] arguments) {
    }

    private DistinctBucketMerge() {
    }

    /**
     * Feeds each distinct entry of {@code sources} once into {@code accumulator}.
     *
     * @param cancellation fails when the query was cancelled: checked before each bucket
     */
    static void merge(List<Source> sources, List<PhysicalKind> kinds, Accumulator accumulator, MemoryReservation memory,
                      Runnable cancellation) {
        int total = 0;
        for (Source source : sources) {
            total += source.rows().length;
        }
        int bits = bucketBits(total);
        int buckets = 1 << bits;
        long copies = 0;
        try {
            List<Source[]> bySource = new ArrayList<>();
            for (Source source : sources) {
                int count = source.rows().length;
                long[] hashes = new long[count];
                KeyHashing.hash(source.entries(), source.rows(), count, hashes);
                boolean copied = buckets > 1 && allLongs(source.entries());
                if (copied) {
                    long bytes = copyBytes(source);
                    memory.grow(bytes);
                    copies += bytes;
                }
                bySource.add(split(source, bucketsOf(hashes, bits), buckets, copied));
            }
            mergeBuckets(bySource, buckets, kinds, accumulator, memory, cancellation);
        } finally {
            memory.shrink(copies);
        }
    }

    /** The bytes of {@code source}'s entries copied per bucket: per column a long and a NULL flag, and the merged group. */
    private static long copyBytes(Source source) {
        return (9L * source.entries().length + 4) * source.rows().length;
    }

    private static void mergeBuckets(List<Source[]> bySource, int buckets, List<PhysicalKind> kinds,
                                     Accumulator accumulator, MemoryReservation memory, Runnable cancellation) {
        for (int bucket = 0; bucket < buckets; bucket++) {
            cancellation.run();
            int entries = 0;
            for (Source[] split : bySource) {
                entries += split[bucket].rows().length;
            }
            if (entries == 0) {
                continue;
            }
            GroupTable set = GroupTables.create(kinds, entries, memory);
            try {
                for (Source[] split : bySource) {
                    Source part = split[bucket];
                    PartialAggregation.addNewEntries(set, part.entries(), part.rows(), part.rows().length,
                            part.groupByEntry(), part.arguments(), accumulator);
                }
            } finally {
                set.release();
            }
        }
    }

    /**
     * One source's entries by bucket. Entries of LONG columns only (a group id and one integer, date or short decimal
     * argument, the common case) are copied into a vector per bucket, reading them in order: the bucket's set then
     * reads them in order too, where reading the bucket's rows where they are took a cache miss for every one. Other
     * entries, and all entries when there is one bucket, stay where they are, each bucket listing its rows.
     *
     * @param copied whether to copy the entries (the caller reserved {@link #copyBytes} for them)
     */
    private static Source[] split(Source source, int[] bucketOf, int buckets, boolean copied) {
        int[][] rowsByBucket = AggregationMerge.rowsByPartition(bucketOf, source.rows(), source.rows().length, buckets);
        Source[] parts = new Source[buckets];
        if (!copied) {
            for (int bucket = 0; bucket < buckets; bucket++) {
                parts[bucket] = new Source(source.entries(), rowsByBucket[bucket], source.groupByEntry(),
                        source.arguments());
            }
            return parts;
        }
        int columns = source.entries().length;
        LongVector[][] vectors = new LongVector[buckets][columns];
        long[][][] values = new long[buckets][columns][];
        int[][] groups = new int[buckets][];
        for (int bucket = 0; bucket < buckets; bucket++) {
            int size = rowsByBucket[bucket].length;
            for (int c = 0; c < columns; c++) {
                vectors[bucket][c] = new LongVector(size);
                vectors[bucket][c].setPositionCount(size);
                values[bucket][c] = vectors[bucket][c].values();
            }
            groups[bucket] = new int[size];
        }
        for (int c = 0; c < columns; c++) {
            scatter(((LongVector) source.entries()[c]).values(), source.rows(), bucketOf, values, c, buckets);
        }
        scatterGroups(source.groupByEntry(), source.rows(), bucketOf, groups, buckets);
        for (int bucket = 0; bucket < buckets; bucket++) {
            int size = groups[bucket].length;
            ColumnVector[] entries = vectors[bucket];
            parts[bucket] = new Source(entries, Selection.all(size), groups[bucket],
                    Arrays.copyOfRange(entries, 1, columns));
        }
        return parts;
    }

    private static boolean allLongs(ColumnVector[] columns) {
        for (ColumnVector column : columns) {
            if (!(column instanceof LongVector) || column.mayHaveNulls()) {
                return false;
            }
        }
        return true;
    }

    /** {@code values[b][column]} = the values of rows {@code rows[i]} of bucket {@code b}, in order. */
    private static void scatter(long[] source, int[] rows, int[] bucketOf, long[][][] values, int column, int buckets) {
        int[] filled = new int[buckets];
        for (int i = 0; i < rows.length; i++) {
            int bucket = bucketOf[i];
            values[bucket][column][filled[bucket]++] = source[rows[i]];
        }
    }

    private static void scatterGroups(int[] groupByEntry, int[] rows, int[] bucketOf, int[][] groups, int buckets) {
        int[] filled = new int[buckets];
        for (int i = 0; i < rows.length; i++) {
            int bucket = bucketOf[i];
            groups[bucket][filled[bucket]++] = groupByEntry[rows[i]];
        }
    }

    /** Bits of hash that pick a bucket: enough that buckets average at most {@link #BUCKET_ENTRIES} entries. */
    static int bucketBits(int entries) {
        int bits = 0;
        while (bits < 16 && (long) BUCKET_ENTRIES << bits < entries) {
            bits++;
        }
        return bits;
    }

    /**
     * The bucket of each hash: its top {@code bits} bits after mixing once more, since the sets index slots by the low
     * bits and the merge's partitions came from the group key's hash.
     */
    private static int[] bucketsOf(long[] hashes, int bits) {
        int[] buckets = new int[hashes.length];
        if (bits == 0) {
            return buckets;
        }
        for (int i = 0; i < hashes.length; i++) {
            buckets[i] = (int) (KeyHashing.mix(hashes[i]) >>> (64 - bits));
        }
        return buckets;
    }
}
