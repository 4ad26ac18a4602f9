package io.basalt.server.query;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.server.SessionSettings;
import io.basalt.storage.commit.Manifest;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The plan of one prepared statement, made once and reused by every execution until the catalog it was made from
 * changes ({@link PlanningBasis}); then it is made again, against the catalog the execution runs on, so a changed
 * table definition never meets a stale plan. Not thread-safe: a prepared statement belongs to one session.
 *
 * @param <T> what is planned: a {@code PlannedQuery}, or an INSERT's target and source plan
 */
final class PlanCache<T> {

    private final BiFunction<Manifest, SessionSettings, T> planner;
    private final Function<T, PhysicalNode> planOf;
    private final boolean freshPerExecution;
    private T planned;
    private PlanningBasis basis;
    private int plannings;
    private boolean executed;

    PlanCache(BiFunction<Manifest, SessionSettings, T> planner, Function<T, PhysicalNode> planOf) {
        this(planner, planOf, false);
    }

    /**
     * @param freshPerExecution plan again for every execution: the plan holds rows that change without a catalog
     *                          change (information_schema.basalt_queries, basalt_settings)
     */
    PlanCache(BiFunction<Manifest, SessionSettings, T> planner, Function<T, PhysicalNode> planOf, boolean freshPerExecution) {
        this.planner = planner;
        this.planOf = planOf;
        this.freshPerExecution = freshPerExecution;
    }

    /** Plans when the statement is prepared, so that errors and types are known before it runs. */
    void planAhead(Manifest catalog, SessionSettings settings) {
        plan(catalog, settings);
        executed = false;
    }

    /** The plan for an execution on {@code catalog}: the cached one while it holds, else a new one. */
    T plan(Manifest catalog, SessionSettings settings) {
        boolean stale = freshPerExecution && executed;
        executed = true;
        if (planned == null || stale || !basis.holdsFor(catalog, settings.schema())) {
            T fresh = planner.apply(catalog, settings);
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
