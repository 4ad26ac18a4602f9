package io.basalt.server.system;

import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.Column;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;

/** A query's result that counts its rows into the query log and ends the log entry when it ends or fails. */
final class LoggedResultStream implements ResultStream {

    private final ResultStream rows;
    private final QueryLog.Entry entry;

    LoggedResultStream(ResultStream rows, QueryLog.Entry entry) {
        this.rows = rows;
        this.entry = entry;
    }

    @Override
    public List<Column> columns() {
        return rows.columns();
    }

    @Override
    public ColumnBatch next() {
        ColumnBatch batch;
        try {
            batch = rows.next();
        } catch (RuntimeException e) {
            entry.failed(e);
            throw e;
        }
        if (batch == null) {
            entry.finished();
        } else {
            entry.addRows(batch.rowCount());
        }
        return batch;
    }

    /** A result closed before its end (the client read what it wanted) counts as finished. */
    @Override
    public void close() {
        try {
            rows.close();
        } finally {
            entry.finished();
        }
    }
}
