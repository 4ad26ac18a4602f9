package io.basalt.execution;

import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.profile.QueryProfile;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;
import java.util.Map;

/**
 * Runs physical plans: the executor's entry point. A plan is cut into pipelines at its breakers, each run
 * morsel-driven on {@code context.parallelism()} workers; the result comes back in the plan's order.
 */
public final class QueryExecutor {

    private QueryExecutor() {
    }

    /** Starts nothing yet: pulling the first batch runs the query. Close the stream to stop it early. */
    public static ResultStream execute(PhysicalNode plan, ExecutionContext context) {
        return start(plan, context, null);
    }

    /**
     * Runs a plan whose {@code WorkingTableNode}s read rows the caller already has, by name: INSERT … RETURNING
     * evaluates its list over the rows it inserted this way.
     */
    public static ResultStream execute(PhysicalNode plan, ExecutionContext context,
                                       Map<String, List<ColumnBatch>> suppliedTables) {
        return start(plan, context, null, new MemoryBudget(context.memoryLimitBytes()), Map.copyOf(suppliedTables));
    }

    /** EXPLAIN ANALYZE: runs the plan to the end, discarding its rows, and returns the annotated plan text. */
    public static String executeAnalyzed(PhysicalNode plan, ExecutionContext context) {
        return profile(plan, context).render();
    }

    /** Runs the plan to the end, discarding its rows, and returns what every node did. */
    public static QueryProfile profile(PhysicalNode plan, ExecutionContext context) {
        QueryProfile profile = new QueryProfile(plan);
        long start = System.nanoTime();
        QueryResultStream stream = start(plan, context, profile);
        try (stream) {
            ColumnBatch batch;
            do {
                batch = stream.next();
            } while (batch != null);
        }
        profile.finished(System.nanoTime() - start, stream.budget().peakBytes());
        return profile;
    }

    static QueryResultStream start(PhysicalNode plan, ExecutionContext context, QueryProfile profile) {
        QueryResultStream stream = start(plan, context, profile, new MemoryBudget(context.memoryLimitBytes()), Map.of());
        stream.ownSpillSpace();
        return stream;
    }

    /**
     * A query run inside another (a recursive query's seed or iteration): on the outer query's memory budget, with
     * the working tables its {@code WorkingTableNode}s read.
     */
    static QueryResultStream start(PhysicalNode plan, ExecutionContext context, QueryProfile profile, MemoryBudget budget,
                                   Map<String, List<ColumnBatch>> workingTables) {
        PipelineBuilder builder = new PipelineBuilder(context, budget, profile, workingTables);
        PipelineBuilder.PlannedQuery query;
        try {
            query = builder.build(plan);
        } catch (RuntimeException e) {
            throw QueryResultStream.translate(e);
        }
        return new QueryResultStream(plan.output(), query, context, budget);
    }
}
