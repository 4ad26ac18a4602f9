package io.basalt.optimizer.rules;

import io.basalt.optimizer.PlanningException;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlKind;

/**
 * Prepares correlated joins (LATERAL subqueries, and subqueries the subquery phase made correlated) for Calcite's
 * decorrelator, which gets two shapes wrong:
 *
 * <ul>
 *   <li>an inner correlated join whose right side is an aggregate without GROUP BY and without COUNT
 *       ({@code LATERAL (SELECT max(y) FROM b WHERE b.y <= a.x)}) loses the left rows whose group is empty, where SQL gives one row of NULLs (COUNT
 *       0). Such a right side has exactly one row for every left row, so an inner join equals a left join, which the
 *       decorrelator handles: the join becomes LEFT here;</li>
 *   <li>a window function above the correlated condition ({@code LATERAL (SELECT row_number() OVER (…) FROM b WHERE
 *       b.y = a.x)}) would be computed over every row of {@code b} instead of each left row's rows: this fails with
 *       0A000.</li>
 * </ul>
 */
public final class LateralJoins {

    private LateralJoins() {
    }

    public static RelNode prepare(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalCorrelate correlate) {
                RelNode visited = super.visit(correlate);
                if (!(visited instanceof LogicalCorrelate result)) {
                    return visited;
                }
                rejectCorrelatedWindows(result.getRight());
                if (result.getJoinType() == JoinRelType.INNER && alwaysOneRow(result.getRight())) {
                    return result.copy(result.getTraitSet(), result.getLeft(), result.getRight(),
                            result.getCorrelationId(), result.getRequiredColumns(), JoinRelType.LEFT);
                }
                return result;
            }
        });
    }

    /**
     * The 0A000 error for a correlated join the decorrelator left: it names the operator that reads the outer row
     * ({@code a filter}, {@code a recursive query}, …), the construct the user wrote.
     */
    public static PlanningException notDecorrelated(Correlate correlate) {
        RelNode reader = outerRowReader(correlate.getRight(), correlate.getCorrelationId());
        String name = reader.getRelTypeName().replaceFirst("^(Logical|Basalt)", "");
        return PlanningException.notSupported("a LATERAL or correlated subquery whose " + name
                + " reads the outer query's row (it cannot be turned into a join)");
    }

    /**
     * Down the path to the operator whose expressions read the outer row: the first operator that is not a
     * projection, filter or join (a recursive query, a set operation, a sort) when there is one, else that operator.
     */
    private static RelNode outerRowReader(RelNode rel, CorrelationId id) {
        if (!(rel instanceof Project || rel instanceof Filter || rel instanceof Join)) {
            return rel;
        }
        for (RelNode input : rel.getInputs()) {
            if (RelOptUtil.getVariablesUsed(input).contains(id)) {
                return outerRowReader(input, id);
            }
        }
        return rel;
    }

    /**
     * An aggregate without grouping keys, under projections only: one row whatever its input. With a COUNT among its
     * calls the decorrelator already keeps the empty groups itself (it joins LEFT to give COUNT its 0).
     */
    private static boolean alwaysOneRow(RelNode rel) {
        RelNode current = rel;
        while (current instanceof Project) {
            current = ((Project) current).getInput();
        }
        return current instanceof Aggregate aggregate && aggregate.getGroupSet().isEmpty()
                && aggregate.getGroupSets().size() == 1
                && aggregate.getAggCallList().stream().noneMatch(call -> call.getAggregation().getKind() == SqlKind.COUNT);
    }

    private static void rejectCorrelatedWindows(RelNode rel) {
        boolean window = rel instanceof Window
                || rel instanceof Project project && RexOver.containsOver(project.getProjects(), null);
        if (window && !RelOptUtil.getVariablesUsed(rel.getInput(0)).isEmpty()) {
            throw PlanningException.notSupported("window functions over the rows of a LATERAL or correlated subquery "
                    + "that depend on the outer row");
        }
        for (RelNode input : rel.getInputs()) {
            rejectCorrelatedWindows(input);
        }
    }
}
