package io.basalt.server.query;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.progress.ProgressTracker;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.optimizer.AnalyzedView;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.optimizer.PlannerOptions;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.QueryPlanner;
import io.basalt.optimizer.dml.DmlPlanner;
import io.basalt.optimizer.dml.PlannedDml;
import io.basalt.parser.ast.ScriptPosition;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plans query text for a session, mapping planning errors back to the position in the statement the client
 * sent, and gives execution the session's threads and memory budget. Statements that run queries
 * ({@link PreparedQuery}, {@link PreparedInsert}, {@link PreparedExplain}) plan through it.
 */
public final class QueryRunner {

    private final StorageEngine storage;
    private final QueryPlanner planner;
    private final DmlPlanner dmlPlanner;
    private final PlanAuthorization authorization;

    public QueryRunner(StorageEngine storage, QueryPlanner planner) {
        this(storage, planner, new DmlPlanner(planner), PlanAuthorization.ALLOW_ALL);
    }

    private QueryRunner(StorageEngine storage, QueryPlanner planner, DmlPlanner dmlPlanner,
                        PlanAuthorization authorization) {
        this.storage = storage;
        this.planner = planner;
        this.dmlPlanner = dmlPlanner;
        this.authorization = authorization;
    }

    /** This runner for one session: every plan it makes passes {@code authorization}'s checks before it is returned. */
    public QueryRunner authorizedBy(PlanAuthorization authorization) {
        return new QueryRunner(storage, planner, dmlPlanner, authorization);
    }

    public PlanAuthorization authorization() {
        return authorization;
    }

    private PlannerOptions options(String defaultSchema) {
        return new PlannerOptions(defaultSchema).withAccess(authorization.access());
    }

    /** The session's schema, its view of roles and privileges, its system tables and whether it reads indexes. */
    private PlannerOptions options(SessionSettings settings) {
        return options(settings.schema()).withRuntimeTables(settings.systemTables()).withIndexes(settings.indexScans());
    }

    /** Plans a DELETE, UPDATE or MERGE statement (its whole text). */
    public PlannedDml planDml(SqlFragment statement, Manifest catalog, SessionSettings settings) {
        try {
            PlannedDml planned = dmlPlanner.plan(statement.text(), catalog, options(settings));
            authorization.checkDml(catalog, planned);
            return planned;
        } catch (PlanningException e) {
            throw located(statement, e);
        }
    }

    public PlannedQuery plan(SqlFragment query, Manifest catalog, SessionSettings settings) {
        return plan(query, catalog, options(settings));
    }

    /**
     * Plans {@code query} whose result columns are assigned to columns of {@code assignedColumnTypes} (an INSERT's
     * source): a parameter that is a whole column takes that column's type.
     */
    public PlannedQuery plan(SqlFragment query, Manifest catalog, SessionSettings settings,
                             List<LogicalType> assignedColumnTypes) {
        return plan(query, catalog, options(settings).withAssignedColumnTypes(assignedColumnTypes));
    }

    /**
     * Plans the query of a CREATE VIEW and describes it (columns, what it reads); errors located in the statement. The
     * session's user must be able to read what the view reads.
     */
    public AnalyzedView analyzeView(SqlFragment query, Manifest catalog, SessionSettings settings) {
        AnalyzedView analyzed = analyzeView(query, catalog, settings.schema());
        authorization.checkQuery(catalog, analyzed.reads());
        return analyzed;
    }

    /**
     * As {@link #analyzeView(SqlFragment, Manifest, SessionSettings)}, resolving names in {@code defaultSchema}, without
     * privilege checks: for views planned again after a change to what they read, which their owners created.
     */
    public AnalyzedView analyzeView(SqlFragment query, Manifest catalog, String defaultSchema) {
        try {
            return planner.analyzeView(query.text(), catalog, options(defaultSchema));
        } catch (PlanningException e) {
            throw located(query, e);
        }
    }

    private PlannedQuery plan(SqlFragment query, Manifest catalog, PlannerOptions options) {
        try {
            PlannedQuery planned = planner.plan(query.text(), catalog, options);
            authorization.checkQuery(catalog, planned.reads());
            return planned;
        } catch (PlanningException e) {
            throw located(query, e);
        }
    }

    /** A planning error with its position moved from the fragment to the statement the client sent. */
    private static StatementException located(SqlFragment fragment, PlanningException e) {
        if (e.line().isPresent() && e.line().getAsInt() > 0) {
            ScriptPosition position = fragment.locate(e.line().getAsInt(), Math.max(1, e.column().orElse(1)));
            return new StatementException(e.sqlState(), e.getMessage(), position.line(), position.column(), e);
        }
        return new StatementException(e.sqlState(), e.getMessage(), -1, -1, e);
    }

    public StorageEngine storage() {
        return storage;
    }

    public ExecutionContext context(Manifest manifest, SessionSettings settings, AtomicBoolean cancelled) {
        return context(manifest, settings, cancelled, new ProgressTracker());
    }

    public ExecutionContext context(Manifest manifest, SessionSettings settings, AtomicBoolean cancelled,
                                    ProgressTracker progress) {
        storage.blockCache().fitBeside(settings.memoryLimitBytes());
        return new ExecutionContext(storage.layout(), manifest, settings.threads(), settings.memoryLimitBytes(), cancelled,
                progress, SpillSpace.of(storage.layout()), storage.blockCache());
    }
}
