package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.storage.type.PhysicalKind;

import java.util.Optional;

/**
 * Where a hash join's key filter can act: the table scan at the bottom of the probe side, when the probe key
 * is one of its columns passed up unchanged (through filters, plain column references of projections, and the
 * group keys of aggregations).
 * Only for joins that drop probe rows without a match (INNER, SEMI, RIGHT, and RIGHT_SEMI and RIGHT_ANTI, whose
 * probe rows only mark build rows) on one LONG key: for LEFT, FULL and ANTI joins such rows are part of the result.
 */
final class JoinFilterPlacement {

    /** The scan and its output column that hold the probe key. */
    record Target(TableScanNode scan, int column) {
    }

    private JoinFilterPlacement() {
    }

    static Optional<Target> of(HashJoinNode join) {
        JoinType type = join.joinType();
        if (type != JoinType.INNER && type != JoinType.SEMI && type != JoinType.RIGHT && type != JoinType.RIGHT_SEMI
                && type != JoinType.RIGHT_ANTI) {
            return Optional.empty();
        }
        if (join.leftKeys().length != 1
                || join.left().output().get(join.leftKeys()[0]).type().physicalKind() != PhysicalKind.LONG
                || join.right().output().get(join.rightKeys()[0]).type().physicalKind() != PhysicalKind.LONG) {
            return Optional.empty();
        }
        PhysicalNode node = join.left();
        int column = join.leftKeys()[0];
        while (true) {
            if (node instanceof TableScanNode scan) {
                return Optional.of(new Target(scan, column));
            } else if (node instanceof FilterNode filter) {
                node = filter.input();
            } else if (node instanceof AggregateNode aggregate && aggregate.groupingSets().isEmpty()
                    && column < aggregate.groupKeys().length) {
                // Rows of a group all share its key: dropping the input rows of a key drops exactly the groups
                // of that key, which would find no match. Not under grouping sets: a rolled-up row's key is NULL,
                // not its input's, and its aggregates cover rows of other keys.
                column = aggregate.groupKeys()[column];
                node = aggregate.input();
            } else if (node instanceof ProjectNode project) {
                Expression expression = project.expressions().get(column);
                if (!(expression instanceof ColumnReference reference)) {
                    return Optional.empty();
                }
                column = reference.index();
                node = project.input();
            } else {
                return Optional.empty();
            }
        }
    }
}
