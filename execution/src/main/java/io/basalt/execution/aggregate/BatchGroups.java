package io.basalt.execution.aggregate;

/**
 * The group ids of every row of one batch (row {@code i} belongs to group {@code ids[i]}), handed to
 * {@link Accumulator#addEveryRow}, and how many rows each group has, counted once per batch when first asked for and
 * only when the table has few groups. Few-group aggregations (TPC-H Q1: four groups, a COUNT(*) and three AVGs) then
 * add one count per group instead of one per row for every COUNT and AVG, and a SUM marks its groups seen per group:
 * those per-row passes each cost a dependent load and store per row (the same few counters over and over).
 */
public final class BatchGroups {

    /** Most groups the table may have for a per-batch row count; more and counting per row costs no more. */
    static final int MOST_COUNTED_GROUPS = 1024;

    private final int[] ids;
    private final int[] rows;
    private final int count;
    private final int groupCount;
    private int[] rowCounts;
    private boolean counted;

    /**
     * @param ids the group id of each row {@code 0 .. count-1}
     * @param rows the identity {@code 0 .. count-1} (for accumulators that take a row list)
     * @param groupCount the table's group count: every id is below it
     */
    public BatchGroups(int[] ids, int[] rows, int count, int groupCount) {
        this.ids = ids;
        this.rows = rows;
        this.count = count;
        this.groupCount = groupCount;
    }

    int[] ids() {
        return ids;
    }

    int[] rows() {
        return rows;
    }

    int count() {
        return count;
    }

    int groupCount() {
        return groupCount;
    }

    /**
     * Rows per group id below {@link #groupCount()}, or null when the table has too many groups for a per-batch count
     * to pay (more than {@link #MOST_COUNTED_GROUPS}, or more than a quarter of the batch's rows).
     */
    int[] rowCounts() {
        if (!counted) {
            counted = true;
            if (groupCount <= MOST_COUNTED_GROUPS && groupCount <= count / 4) {
                rowCounts = countRows(ids, count, groupCount);
            }
        }
        return rowCounts;
    }

    /**
     * Counts into four interleaved counters per group, one per row position modulo 4, so that consecutive rows of the
     * same group increment different memory words: a single counter per group makes every row wait for the previous
     * row's store of that counter.
     */
    private static int[] countRows(int[] ids, int count, int groupCount) {
        if (groupCount == 1) {
            return new int[] {count}; // every id is 0 (an aggregate without GROUP BY)
        }
        int[] lanes = new int[groupCount * 4];
        int row = 0;
        for (; row + 4 <= count; row += 4) {
            lanes[ids[row] << 2]++;
            lanes[(ids[row + 1] << 2) | 1]++;
            lanes[(ids[row + 2] << 2) | 2]++;
            lanes[(ids[row + 3] << 2) | 3]++;
        }
        for (; row < count; row++) {
            lanes[ids[row] << 2]++;
        }
        int[] counts = new int[groupCount];
        for (int group = 0; group < groupCount; group++) {
            int lane = group << 2;
            counts[group] = lanes[lane] + lanes[lane + 1] + lanes[lane + 2] + lanes[lane + 3];
        }
        return counts;
    }
}
