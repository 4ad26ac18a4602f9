package io.basalt.server.system;

import io.basalt.server.result.StatementResult;

/** Ties a statement's result to its query log entry: a count ends it at once, rows when they are read. */
public final class StatementLogging {

    private StatementLogging() {
    }

    public static StatementResult tracked(StatementResult result, QueryLog.Entry entry) {
        if (result instanceof StatementResult.Rows rows) {
            return new StatementResult.Rows(new LoggedResultStream(rows.rows(), entry));
        }
        entry.addRows(((StatementResult.RowCount) result).count());
        entry.finished();
        return result;
    }
}
