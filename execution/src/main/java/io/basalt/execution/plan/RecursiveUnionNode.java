package io.basalt.execution.plan;

import java.util.List;

/**
 * A recursive query ({@code WITH RECURSIVE t AS (seed UNION [ALL] iterative)}): the seed's rows, then the rows of the
 * iterative part run again and again, each time reading the rows the previous run added as the working table
 * ({@link WorkingTableNode} named {@code workingTable}), until a run adds none. Without {@code all} a row already
 * produced is not added again (so a cycle ends). More than {@code iterationLimit} runs fail with 54001; the rows
 * kept count against the memory budget (53200). Both inputs have the output's column types (the optimizer casts).
 */
public record RecursiveUnionNode(PhysicalNode seed, PhysicalNode iterative, boolean all, String workingTable,
                                 int iterationLimit, List<Column> output, double estimatedRows) implements PhysicalNode {

    /** Runs of the iterative part allowed when the query sets no limit. */
    public static final int DEFAULT_ITERATION_LIMIT = 100_000;

    public RecursiveUnionNode {
        output = List.copyOf(output);
        if (iterationLimit < 1) {
            throw new IllegalArgumentException("the iteration limit must be positive: " + iterationLimit);
        }
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(seed, iterative);
    }
}
