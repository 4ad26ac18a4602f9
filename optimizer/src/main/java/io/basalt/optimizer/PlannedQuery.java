package io.basalt.optimizer;

import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.storage.type.LogicalType;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A planned query: the physical plan execution runs, the result's columns (names as the query spells them,
 * types and nullability as the plan computes them), the type of each {@code ?} parameter, how long planning took,
 * the optimized logical plan in Calcite's notation for debugging ({@code EXPLAIN} prints the physical plan with
 * execution's printer), and notes for EXPLAIN per plan node by identity (a scan's "segments: K of N" kept by its
 * filter's zone maps).
 *
 * <p>A plan with parameters is a template: it holds {@code Parameter} expressions (and LIMIT/OFFSET parameters)
 * that {@code io.basalt.execution.parameter.PlanBinder} replaces with each execution's values, converted to
 * {@code parameterTypes} by {@code ParameterValues}. One plan serves every execution. (A bound plan has new
 * nodes, so EXPLAIN of a statement with parameters shows no segment notes.)
 *
 * @param parameterTypes the type of parameter i (0-based, in text order), inferred from its context
 * @param reads the tables and views the query reads, for privilege checks
 */
public record PlannedQuery(PhysicalNode plan, List<Column> columns, List<LogicalType> parameterTypes,
                           Duration planningTime, String logicalPlanText, Map<PhysicalNode, String> explainNotes,
                           RelationReads reads) {

    public PlannedQuery {
        Objects.requireNonNull(plan, "plan");
        columns = List.copyOf(columns);
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(planningTime, "planningTime");
        Objects.requireNonNull(logicalPlanText, "logicalPlanText");
        explainNotes = Collections.unmodifiableMap(new IdentityHashMap<>(explainNotes));
        Objects.requireNonNull(reads, "reads");
    }

    public PlannedQuery(PhysicalNode plan, List<Column> columns, List<LogicalType> parameterTypes,
                        Duration planningTime, String logicalPlanText, Map<PhysicalNode, String> explainNotes) {
        this(plan, columns, parameterTypes, planningTime, logicalPlanText, explainNotes, RelationReads.NONE);
    }

    public PlannedQuery(PhysicalNode plan, List<Column> columns, List<LogicalType> parameterTypes,
                        Duration planningTime, String logicalPlanText) {
        this(plan, columns, parameterTypes, planningTime, logicalPlanText, Map.of());
    }

    /** EXPLAIN's note for a node of {@link #plan}, or null. */
    public String explainNote(PhysicalNode node) {
        return explainNotes.get(node);
    }
}
