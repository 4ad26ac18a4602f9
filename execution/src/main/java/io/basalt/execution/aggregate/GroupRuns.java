package io.basalt.execution.aggregate;

import java.util.Arrays;

/**
 * The rows of one batch reordered so that each group's rows are consecutive (a counting sort by group id), for
 * aggregations with few groups (TPC-H Q1: four groups, eight aggregates over 6M rows). Row by row, every aggregate
 * would look up each row's group and read, update and write that group's state, and with few groups the same
 * state is written again a few rows later, so each row waits for the previous row's store. Sorted once, every
 * aggregate instead folds a group's rows in a local variable and writes the state once per group and batch
 * ({@link Accumulator#addRuns}).
 *
 * <p>Run {@code r} is rows {@code rows[runStarts[r] .. runStarts[r + 1])}, all of group {@code runGroups[r]}; rows
 * keep their batch order within a run (the sort is stable), so order-sensitive states see them as before. One
 * instance per table, its arrays reused from batch to batch.
 */
final class GroupRuns {

    /** Most groups a table may hold for its batches to be sorted: the per-group counters stay small. */
    static final int MAX_GROUPS = 1 << 12;

    /** Fewest rows per group, on average over the table's groups, for the sort to pay off. */
    static final int MIN_ROWS_PER_GROUP = 16;

    private int[] rows = new int[0];
    /** {@link #rows} after a sort, or the positions themselves when there is one group. */
    private int[] view = rows;
    private int[] runStarts = new int[2];
    private int[] runGroups = new int[0];
    private int[] next = new int[0];
    private int runCount;
    private int rowCount;

    /** Whether sorting {@code rowCount} rows of a table of {@code groupCount} groups into runs pays off. */
    static boolean pays(int groupCount, int rowCount) {
        return groupCount <= MAX_GROUPS && (long) groupCount * MIN_ROWS_PER_GROUP <= rowCount;
    }

    /**
     * Sorts rows {@code positions[i]} by group {@code groups[i]}, for {@code i} below {@code count}; every group id
     * is below {@code groupCount}.
     */
    void sort(int[] positions, int[] groups, int count, int groupCount) {
        rowCount = count;
        if (groupCount == 1) {
            // One group (no GROUP BY keys): the rows are its run as they are.
            view = positions;
            runGroups = runGroups.length == 0 ? new int[1] : runGroups;
            runGroups[0] = 0;
            runStarts[0] = 0;
            runStarts[1] = count;
            runCount = 1;
            return;
        }
        if (next.length < groupCount) {
            next = new int[groupCount];
            runGroups = new int[groupCount];
            runStarts = new int[groupCount + 1];
        } else {
            Arrays.fill(next, 0, groupCount, 0);
        }
        for (int i = 0; i < count; i++) {
            next[groups[i]]++;
        }
        int runs = 0;
        int start = 0;
        for (int group = 0; group < groupCount; group++) {
            int size = next[group];
            if (size > 0) {
                runGroups[runs] = group;
                runStarts[runs] = start;
                runs++;
            }
            next[group] = start;
            start += size;
        }
        runStarts[runs] = start;
        if (rows.length < count) {
            rows = new int[count];
        }
        for (int i = 0; i < count; i++) {
            rows[next[groups[i]]++] = positions[i];
        }
        view = rows;
        runCount = runs;
    }

    /** The batch's rows, run after run (read only: it may be the caller's positions). */
    int[] rows() {
        return view;
    }

    int rowCount() {
        return rowCount;
    }

    int runCount() {
        return runCount;
    }

    /** Where each run starts in {@link #rows()}; one more element than runs, the end of the last run. */
    int[] runStarts() {
        return runStarts;
    }

    /** The group of each run. */
    int[] runGroups() {
        return runGroups;
    }
}
