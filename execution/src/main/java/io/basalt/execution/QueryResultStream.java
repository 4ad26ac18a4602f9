package io.basalt.execution;

import io.basalt.execution.PipelineBuilder.LimitedRows;
import io.basalt.execution.PipelineBuilder.PlannedQuery;
import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.pipeline.Pipeline;
import io.basalt.execution.pipeline.PipelineExecution;
import io.basalt.execution.pipeline.PipelineStoppedException;
import io.basalt.execution.pipeline.WorkerPool;
import io.basalt.execution.plan.Column;
import io.basalt.storage.StorageException;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A running query as its consumer sees it. The first {@link #next()} runs the pipelines that feed others
 * (builds, aggregations, sorts), one after the other, each on all workers, this thread being one of them
 * ({@link PipelineExecution#run}); then it starts the last pipeline
 * and hands out its rows in order as they come. The end of the rows, an error, or {@link #close()} stops
 * every worker and frees every byte the query held.
 */
final class QueryResultStream implements ResultStream {

    private final List<Column> columns;
    private final PlannedQuery query;
    private final ExecutionContext context;
    private final MemoryBudget budget;
    private final List<PipelineExecution> executions = new ArrayList<>();
    private boolean started;
    private boolean done;
    /** Whether this is the outermost stream of the query, whose end deletes the query's spill files. */
    private boolean ownsSpillSpace;

    QueryResultStream(List<Column> columns, PlannedQuery query, ExecutionContext context, MemoryBudget budget) {
        this.columns = List.copyOf(columns);
        this.query = query;
        this.context = context;
        this.budget = budget;
        context.progress().pipelinesPlanned(query.pipelines().size());
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public ColumnBatch next() {
        if (done) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                runFeedingPipelines();
                start(query.pipelines().get(query.pipelines().size() - 1));
            }
            ColumnBatch batch = query.result().next();
            if (batch == null) {
                PipelineExecution last = executions.get(executions.size() - 1);
                last.stop();
                last.awaitQuietly();
                context.progress().pipelineFinished();
                tearDown();
                return null;
            }
            if (query.rootLimitStatistics() != null) {
                query.rootLimitStatistics().addRows(batch.rowCount());
            }
            return batch;
        } catch (Throwable t) {
            tearDown();
            throw translate(t);
        }
    }

    private void runFeedingPipelines() {
        List<Pipeline> pipelines = query.pipelines();
        for (int i = 0; i < pipelines.size() - 1; i++) {
            Pipeline pipeline = pipelines.get(i);
            LimitedRows limited = query.limitedRows().get(pipeline);
            if (limited != null) {
                PipelineExecution execution = start(pipeline);
                ColumnBatch batch;
                while ((batch = limited.collector().next()) != null) {
                    limited.add(batch);
                }
                execution.stop();
                execution.awaitQuietly();
            } else {
                tracked(pipeline).run(); // nothing to do here but wait: this thread works too
            }
            context.progress().pipelineFinished();
            // The inputs this pipeline read (hash tables it probed, results it consumed) are no longer needed.
            pipeline.source().close();
        }
    }

    private PipelineExecution start(Pipeline pipeline) {
        PipelineExecution execution = tracked(pipeline);
        execution.start();
        return execution;
    }

    /** A new execution of {@code pipeline}, kept for {@link #tearDown}. */
    private PipelineExecution tracked(Pipeline pipeline) {
        PipelineExecution execution = new PipelineExecution(pipeline, context, WorkerPool.shared());
        executions.add(execution);
        return execution;
    }

    /** Bytes the query holds right now; 0 once it ended, however it ended. */
    long memoryInUse() {
        return budget.usedBytes();
    }

    MemoryBudget budget() {
        return budget;
    }

    /** Makes this stream's end delete the context's spill files (not for queries run inside another query). */
    void ownSpillSpace() {
        ownsSpillSpace = true;
    }

    @Override
    public void close() {
        if (!done) {
            tearDown();
        }
    }

    private void tearDown() {
        done = true;
        for (PipelineExecution execution : executions) {
            execution.stop();
        }
        for (PipelineExecution execution : executions) {
            execution.awaitQuietly();
        }
        for (AutoCloseable resource : query.resources()) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // tearing down after the fact: the query's own outcome is what the caller sees
            }
        }
        if (ownsSpillSpace) {
            try {
                context.spillSpace().close();
            } catch (RuntimeException ignored) {
                // a spill file left behind is deleted when the database next opens
            }
        }
    }

    static ExecutionException translate(Throwable t) {
        if (t instanceof ExecutionException execution) {
            return execution;
        }
        if (t instanceof StorageException storage) {
            return new ExecutionException(storage.sqlState(), storage.getMessage(), storage);
        }
        if (t instanceof OutOfMemoryError) {
            return new ExecutionException(ExecutionException.OUT_OF_MEMORY,
                    "query ran out of Java heap memory; lower its memory limit or give the server more heap", t);
        }
        if (t instanceof PipelineStoppedException) {
            return new ExecutionException(ExecutionException.QUERY_CANCELED, "query was stopped", t);
        }
        return new ExecutionException("XX000", "internal error: " + t, t);
    }
}
