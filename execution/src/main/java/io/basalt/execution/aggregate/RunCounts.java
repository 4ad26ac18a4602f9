package io.basalt.execution.aggregate;

import io.basalt.storage.vector.ColumnVector;

/** Counting the rows of {@link GroupRuns} per group, for COUNT and AVG. */
final class RunCounts {

    private RunCounts() {
    }

    /**
     * Adds to {@code counts[group]} the rows of each of the group's runs where no argument is NULL: without NULLs,
     * the run's length.
     */
    static void add(GroupRuns runs, ColumnVector[] arguments, long[] counts) {
        boolean anyNulls = false;
        for (ColumnVector argument : arguments) {
            anyNulls |= argument.mayHaveNulls();
        }
        int[] rows = runs.rows();
        int[] starts = runs.runStarts();
        int[] groups = runs.runGroups();
        for (int r = 0; r < runs.runCount(); r++) {
            int start = starts[r];
            int end = starts[r + 1];
            long counted = end - start;
            if (anyNulls) {
                for (int i = start; i < end; i++) {
                    for (ColumnVector argument : arguments) {
                        if (argument.isNull(rows[i])) {
                            counted--;
                            break;
                        }
                    }
                }
            }
            counts[groups[r]] += counted;
        }
    }
}
