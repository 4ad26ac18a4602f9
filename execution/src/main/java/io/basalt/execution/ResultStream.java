package io.basalt.execution;

import io.basalt.execution.plan.Column;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;

/**
 * The rows a query produces, in batches, in the plan's order. Pulling drives the query; closing early
 * stops it and frees its threads and memory.
 */
public interface ResultStream extends AutoCloseable {

    List<Column> columns();

    /** The next batch, or {@code null} when the query is done. Errors surface here as ExecutionException. */
    ColumnBatch next();

    @Override
    void close();
}
