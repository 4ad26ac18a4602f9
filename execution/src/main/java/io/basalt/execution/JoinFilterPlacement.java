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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a hash join's key filter can act: the table scan at the bottom of the probe side, when the probe key
 * is one of its columns passed up unchanged (through filters, plain column references of projections, the
 * group keys of aggregations, and either input of a hash join below, TPC-H Q18's semi join reaching the orders
 * scan under the join with lineitem).
 * Only for joins that drop probe rows without a match (INNER, SEMI, RIGHT, and RIGHT_SEMI and RIGHT_ANTI, whose
 * probe rows only mark build rows): for LEFT, FULL and ANTI joins such rows are part of the result. With several
 * keys every LONG one that reaches a scan gets a filter: a row whose value of one key is not among the build rows'
 * values of that key cannot match either, and which key drops rows is only known once the build side is there
 * (TPC-H Q9's partsupp: its supplier keys all match, its part keys 5 %). A filter that keeps most rows turns itself
 * off early in the scan.
 */
final class JoinFilterPlacement {

    /** The scan and its output column that hold the probe key, and which of the join's keys that is. */
    record Target(TableScanNode scan, int column, int key) {
    }

    private JoinFilterPlacement() {
    }

    /** A target for each LONG key of {@code join} that reaches a scan, in key order; none for other join types. */
    static List<Target> of(HashJoinNode join) {
        JoinType type = join.joinType();
        List<Target> targets = new ArrayList<>();
        if (type != JoinType.INNER && type != JoinType.SEMI && type != JoinType.RIGHT && type != JoinType.RIGHT_SEMI
                && type != JoinType.RIGHT_ANTI) {
            return targets;
        }
        for (int key = 0; key < join.leftKeys().length; key++) {
            if (join.left().output().get(join.leftKeys()[key]).type().physicalKind() == PhysicalKind.LONG
                    && join.right().output().get(join.rightKeys()[key]).type().physicalKind() == PhysicalKind.LONG) {
                scanOf(join.left(), join.leftKeys()[key], key).ifPresent(targets::add);
            }
        }
        return targets;
    }

    /** The scan {@code column} of {@code node} comes from unchanged, if any. */
    private static Optional<Target> scanOf(PhysicalNode node, int column, int key) {
        while (true) {
            if (node instanceof TableScanNode scan) {
                return Optional.of(new Target(scan, column, key));
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
            } else if (node instanceof HashJoinNode below) {
                // A join below outputs its input rows' values of the key column unchanged, or NULL where it pads
                // a row (which the join above drops too): dropping input rows whose key is not among the build keys
                // drops only output rows the join above would drop. The scan is in a pipeline that runs after the
                // build pipeline of the join above (pipelines run in the order they are listed).
                JoinType belowType = below.joinType();
                int leftWidth = below.left().output().size();
                if (belowType == JoinType.RIGHT_SEMI || belowType == JoinType.RIGHT_ANTI) {
                    node = below.right();
                } else if (column < leftWidth) {
                    node = below.left();
                } else {
                    column -= leftWidth;
                    node = below.right();
                }
            } else {
                return Optional.empty();
            }
        }
    }
}
