package io.basalt.server.result;

import io.basalt.execution.ResultStream;

/**
 * What a statement returns: rows (a query, SHOW, EXPLAIN) to be pulled and closed by the caller, or the
 * number of rows it changed with PostgreSQL's command tag (INSERT, COPY, CREATE TABLE, …).
 */
public sealed interface StatementResult {

    record Rows(ResultStream rows) implements StatementResult {
    }

    record RowCount(String commandTag, long count) implements StatementResult {
    }
}
