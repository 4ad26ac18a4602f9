package io.basalt.server.query;

import io.basalt.execution.QueryExecutor;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.result.MaterializedResultStream;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.commit.Snapshot;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code EXPLAIN query} shows the physical plan with estimates, pushed filters and, per scan, the segments its
 * filter's zone maps keep of all the table's ("segments: K of N"); {@code EXPLAIN ANALYZE query} runs it and
 * adds actual rows, time and memory per operator. One row per line of the plan, in a column {@code plan}.
 */
public final class ExplainStatements {

    private ExplainStatements() {
    }

    public static StatementResult explain(StorageEngine storage, QueryRunner runner, ExplainStatement statement,
                                          SessionSettings settings, AtomicBoolean cancelled) {
        if (!(statement.statement() instanceof QueryStatement query)) {
            throw StatementException.notSupported("EXPLAIN of statements other than queries");
        }
        try (Snapshot snapshot = storage.snapshot()) {
            PlannedQuery planned = runner.plan(query.query(), snapshot.manifest(), settings);
            String text;
            if (statement.analyze()) {
                text = QueryExecutor.executeAnalyzed(planned.plan(), runner.context(snapshot.manifest(), settings, cancelled));
            } else {
                text = PlanPrinter.print(planned.plan(), planned::explainNote);
            }
            text += "\nPlanning time: " + String.format("%.3f ms", planned.planningTime().toNanos() / 1e6);
            List<List<Object>> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                rows.add(List.of(line));
            }
            return new StatementResult.Rows(MaterializedResultStream.of(List.of(new Column("plan", LogicalType.TEXT, false)), rows));
        }
    }
}
