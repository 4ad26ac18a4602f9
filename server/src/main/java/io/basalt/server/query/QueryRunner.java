package io.basalt.server.query;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.optimizer.PlannerOptions;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.QueryPlanner;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.parser.ast.ScriptPosition;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Snapshot;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plans and runs query text for a session: planning errors are mapped back to the position in the
 * statement the client sent, and execution gets the session's threads and memory budget.
 */
public final class QueryRunner {

    private final StorageEngine storage;
    private final QueryPlanner planner;

    public QueryRunner(StorageEngine storage, QueryPlanner planner) {
        this.storage = storage;
        this.planner = planner;
    }

    public PlannedQuery plan(SqlFragment query, Manifest catalog, SessionSettings settings) {
        try {
            return planner.plan(query.text(), catalog, new PlannerOptions(settings.schema()));
        } catch (PlanningException e) {
            if (e.line().isPresent()) {
                ScriptPosition position = query.locate(e.line().getAsInt(), e.column().orElse(1));
                throw new StatementException(e.sqlState(), e.getMessage(), position.line(), position.column(), e);
            }
            throw new StatementException(e.sqlState(), e.getMessage(), -1, -1, e);
        }
    }

    /** Runs a SELECT: the result streams from a snapshot pinned until the stream is closed. */
    public ResultStream select(SqlFragment query, SessionSettings settings, AtomicBoolean cancelled) {
        Snapshot snapshot = storage.snapshot();
        try {
            PlannedQuery planned = plan(query, snapshot.manifest(), settings);
            ResultStream rows = QueryExecutor.execute(planned.plan(), context(snapshot.manifest(), settings, cancelled));
            return new SnapshotResultStream(rows, snapshot);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    public ExecutionContext context(Manifest manifest, SessionSettings settings, AtomicBoolean cancelled) {
        return new ExecutionContext(storage.layout(), manifest, settings.threads(), settings.memoryLimitBytes(), cancelled);
    }
}
