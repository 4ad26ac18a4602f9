package io.basalt.optimizer;

import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A planned query: the physical plan execution runs, the result's columns (names as the query spells them,
 * types and nullability as the plan computes them), how long planning took, and the optimized logical plan in
 * Calcite's notation for debugging ({@code EXPLAIN} prints the physical plan with execution's printer).
 */
public record PlannedQuery(PhysicalNode plan, List<Column> columns, Duration planningTime, String logicalPlanText) {

    public PlannedQuery {
        Objects.requireNonNull(plan, "plan");
        columns = List.copyOf(columns);
        Objects.requireNonNull(planningTime, "planningTime");
        Objects.requireNonNull(logicalPlanText, "logicalPlanText");
    }
}
