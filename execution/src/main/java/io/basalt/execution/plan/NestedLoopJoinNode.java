package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.List;
import java.util.Optional;

/**
 * A join without equality keys (cross joins, inequality joins): the right input is materialized and every
 * left row is compared with every right row. {@code condition} is over the left columns followed by the
 * right ones; empty means a cross join.
 */
public record NestedLoopJoinNode(JoinType joinType, PhysicalNode left, PhysicalNode right,
                                 Optional<Expression> condition, List<Column> output, double estimatedRows)
        implements PhysicalNode {

    public NestedLoopJoinNode {
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(left, right);
    }
}
