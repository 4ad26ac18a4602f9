package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognizes an aggregation that only counts a RIGHT join's matches per build row (TPC-H Q13: {@code customer LEFT
 * JOIN orders … GROUP BY c_custkey} with {@code COUNT(o_orderkey)}, planned as orders RIGHT JOIN customer), so that
 * the join counts its matches in place ({@code join/MatchCountingJoin}) instead of emitting every joined row for the
 * aggregation to count again.
 *
 * <p>The pattern: an {@link AggregateNode} without grouping sets whose input is the hash join (or a projection of
 * plain column references of it) of type RIGHT, without residual; every group key is a build (right) column; every
 * aggregate is {@code COUNT(*)} or {@code COUNT} of probe (left) columns, without DISTINCT, FILTER or ORDER BY. The
 * join then emits one row per build row: its group key columns, and per aggregate the count that build row
 * contributes (its matches whose counted columns are all non-NULL; for {@code COUNT(*)} its matches, or 1 when it has
 * none, since the RIGHT join pads it into one row). The aggregation sums those counts per group: {@link #aggregate}.
 */
final class CountedRightJoin {

    /**
     * @param join          the RIGHT join that counts
     * @param groupColumns  the build columns it emits, the aggregation's group keys in order
     * @param countedColumns per aggregate, the probe columns that must be non-NULL for a match to count; null for
     *                      {@code COUNT(*)}
     * @param aggregate     the aggregation over the join's rows: group keys 0..n-1, then SUM of each count column
     */
    record Fusion(HashJoinNode join, int[] groupColumns, int[][] countedColumns, AggregateNode aggregate) {
    }

    private CountedRightJoin() {
    }

    static Optional<Fusion> of(AggregateNode aggregate) {
        if (!aggregate.groupingSets().isEmpty() || aggregate.aggregates().isEmpty()) {
            return Optional.empty();
        }
        PhysicalNode input = aggregate.input();
        int[] columnOfInput = identity(input.output().size());
        if (input instanceof ProjectNode project) {
            List<Expression> expressions = project.expressions();
            for (int i = 0; i < expressions.size(); i++) {
                if (!(expressions.get(i) instanceof ColumnReference reference)) {
                    return Optional.empty();
                }
                columnOfInput[i] = reference.index();
            }
            input = project.input();
        }
        if (!(input instanceof HashJoinNode join) || join.joinType() != JoinType.RIGHT || join.residual().isPresent()) {
            return Optional.empty();
        }
        int leftColumns = join.left().output().size();
        int[] groupKeys = aggregate.groupKeys();
        int[] groupColumns = new int[groupKeys.length];
        List<Column> rows = new ArrayList<>();
        for (int k = 0; k < groupKeys.length; k++) {
            int column = columnOfInput[groupKeys[k]];
            if (column < leftColumns) {
                return Optional.empty();
            }
            groupColumns[k] = column - leftColumns;
            rows.add(join.output().get(column));
        }
        List<AggregateCall> calls = aggregate.aggregates();
        int[][] countedColumns = new int[calls.size()][];
        List<AggregateCall> sums = new ArrayList<>();
        for (int a = 0; a < calls.size(); a++) {
            AggregateCall call = calls.get(a);
            boolean counts = call.function() == AggregateFunction.COUNT_STAR || call.function() == AggregateFunction.COUNT;
            if (!counts || call.distinct() || call.filterColumn() >= 0 || !call.order().isEmpty()) {
                return Optional.empty();
            }
            if (call.function() == AggregateFunction.COUNT) {
                int[] arguments = new int[call.arguments().length];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = columnOfInput[call.arguments()[i]];
                    if (arguments[i] >= leftColumns) {
                        return Optional.empty();
                    }
                }
                countedColumns[a] = arguments;
            }
            int countColumn = groupKeys.length + a;
            rows.add(new Column(call.name(), LogicalType.BIGINT, false));
            sums.add(new AggregateCall(AggregateFunction.SUM, new int[] {countColumn}, false, -1, call.type(), call.name()));
        }
        // The aggregation's input is the counting join's output; the node stands for its columns only.
        AggregateNode summing = new AggregateNode(new ValuesNode(rows, List.of()), identity(groupKeys.length), sums,
                aggregate.output(), aggregate.estimatedRows());
        return Optional.of(new Fusion(join, groupColumns, countedColumns, summing));
    }

    private static int[] identity(int count) {
        int[] columns = new int[count];
        for (int i = 0; i < count; i++) {
            columns[i] = i;
        }
        return columns;
    }
}
