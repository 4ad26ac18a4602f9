package io.basalt.optimizer;

import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.storage.type.LogicalType;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A planned query: the physical plan execution runs, the result's columns (names as the query spells them,
 * types and nullability as the plan computes them), the type of each {@code ?} parameter, how long planning took,
 * and the optimized logical plan in Calcite's notation for debugging ({@code EXPLAIN} prints the physical plan with
 * execution's printer).
 *
 * <p>A plan with parameters is a template: it holds {@code Parameter} expressions (and LIMIT/OFFSET parameters)
 * that {@code io.basalt.execution.parameter.PlanBinder} replaces with each execution's values, converted to
 * {@code parameterTypes} by {@code ParameterValues}. One plan serves every execution.
 *
 * @param parameterTypes the type of parameter i (0-based, in text order), inferred from its context
 */
public record PlannedQuery(PhysicalNode plan, List<Column> columns, List<LogicalType> parameterTypes,
                           Duration planningTime, String logicalPlanText) {

    public PlannedQuery {
        Objects.requireNonNull(plan, "plan");
        columns = List.copyOf(columns);
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(planningTime, "planningTime");
        Objects.requireNonNull(logicalPlanText, "logicalPlanText");
    }
}
