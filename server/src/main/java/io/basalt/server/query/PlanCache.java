package io.basalt.server.query;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.server.SessionSettings;
import io.basalt.storage.commit.Manifest;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The plan of one prepared statement, made once and reused by every execution until the catalog it was made from
 * changes ({@link PlanningBasis}) or privileges changed (planning checks them, {@link PlanAuthorization}); then it is
 * made again, against the catalog the execution runs on, so a changed table definition never meets a stale plan and
 * a revoked privilege is missed by no execution. Not thread-safe: a prepared statement belongs to one session.
 *
 * @param <T> what is planned: a {@code PlannedQuery}, or an INSERT's target and source plan
 */
final class PlanCache<T> {

    /**
     * {@code current_date}, {@code current_timestamp}, {@code localtimestamp} and {@code now()} become constants of
     * the time of planning, so a statement that may name them is planned again for every execution (a column of
     * such a name only costs a re-plan).
     */
    private static final Pattern CLOCK = Pattern.compile("(?i)\\b(now|current_date|current_timestamp|localtimestamp)\\b");

    private final BiFunction<Manifest, SessionSettings, T> planner;
    private final Function<T, PhysicalNode> planOf;
    private final PlanAuthorization authorization;
    private final boolean readsClock;
    private final boolean readsRuntimeRows;
    private T planned;
    private PlanningBasis basis;
    private long authorizedAt;
    private int plannings;
    private boolean executed;

    /**
     * {@code planner} checks privileges as it plans; {@code authorization}'s version says when to check again.
     * {@code statementText} is the SQL planned: a statement that may read the clock functions is planned again for
     * every execution.
     */
    PlanCache(BiFunction<Manifest, SessionSettings, T> planner, Function<T, PhysicalNode> planOf,
              PlanAuthorization authorization, String statementText) {
        this(planner, planOf, authorization, statementText, false);
    }

    /**
     * @param readsRuntimeRows plan again for every execution: the plan holds rows that change without a catalog
     *                         change (information_schema.basalt_queries, basalt_settings)
     */
    PlanCache(BiFunction<Manifest, SessionSettings, T> planner, Function<T, PhysicalNode> planOf,
              PlanAuthorization authorization, String statementText, boolean readsRuntimeRows) {
        this.planner = planner;
        this.planOf = planOf;
        this.authorization = authorization;
        this.readsClock = CLOCK.matcher(statementText).find();
        this.readsRuntimeRows = readsRuntimeRows;
    }

    /** Plans when the statement is prepared, so that errors and types are known before it runs. */
    void planAhead(Manifest catalog, SessionSettings settings) {
        plan(catalog, settings);
        executed = false;
    }

    /** The plan for an execution on {@code catalog}: the cached one while it holds, else a new one. */
    T plan(Manifest catalog, SessionSettings settings) {
        long version = authorization.version();
        // runtime rows planned when the statement was prepared are fresh enough for its first execution; the clock
        // is not (a statement may be prepared long before it runs)
        boolean stale = readsClock || (readsRuntimeRows && executed);
        executed = true;
        if (planned == null || stale || !basis.holdsFor(catalog, settings.schema()) || version != authorizedAt) {
            T fresh = planner.apply(catalog, settings);
            authorizedAt = version;
            basis = PlanningBasis.of(catalog, settings.schema(), planOf.apply(fresh));
            planned = fresh;
            plannings++;
        }
        return planned;
    }

    /** The most recent plan (parameter types and result columns are reported from it). */
    T latest() {
        return planned;
    }

    /** How many times this statement was planned (for tests and EXPLAIN). */
    int plannings() {
        return plannings;
    }
}
