package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.NestedLoopJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.convention.BasaltHashJoin;
import io.basalt.optimizer.convention.BasaltNestedLoopJoin;
import io.basalt.storage.type.LogicalType;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a join. With equality keys it is a {@link HashJoinNode} that builds its hash table on the side the
 * physical phase chose by cost (execution builds on the right, so a join building on its left input is swapped,
 * and a projection restores the column order). A semi or anti join builds on the side with the smaller estimate:
 * on the outer query's side it becomes a RIGHT_SEMI or RIGHT_ANTI join that streams the subquery's rows past the
 * outer rows and outputs the outer rows at the end (a {@code NOT IN} always builds on the subquery side). Without
 * keys it is a {@link NestedLoopJoinNode} holding the chosen side. Keys of different types are cast to a common
 * type in projections below the join. An anti join whose whole condition is {@code a = b OR a IS NULL OR b IS NULL}
 * (how {@code NOT IN} arrives) becomes a null-aware hash anti join on {@code a = b}.
 */
final class JoinConverter {

    private final PhysicalPlanBuilder builder;

    JoinConverter(PhysicalPlanBuilder builder) {
        this.builder = builder;
    }

    PhysicalNode convert(Join join) {
        JoinType type = joinType(join);
        PhysicalNode left = builder.convert(join.getLeft());
        PhysicalNode right = builder.convert(join.getRight());
        double rows = builder.rows(join);
        List<Column> combined = new ArrayList<>(left.output());
        combined.addAll(right.output());
        int leftCount = left.output().size();

        boolean buildLeft = buildsLeft(join, type, left, right);
        RexNode condition = JoinKeys.condition(join);
        Optional<int[]> nullAware = type == JoinType.ANTI ? JoinKeys.nullAwareKeys(condition, leftCount) : Optional.empty();
        if (nullAware.isPresent()) {
            int[] keys = nullAware.get();
            return hashJoin(type, left, right, new int[] {keys[0]}, new int[] {keys[1]}, Optional.empty(), true, buildLeft,
                    rows);
        }
        JoinInfo info = JoinInfo.createWithStrictEquality(join.getLeft(), join.getRight(), condition);
        Optional<Expression> residual = Optional.empty();
        if (!info.nonEquiConditions.isEmpty()) {
            RexNode nonEqui = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), info.nonEquiConditions);
            residual = Optional.of(builder.expressions(combined).convert(nonEqui));
        }
        if (info.leftKeys.isEmpty()) {
            return nestedLoop(type, left, right, residual, buildLeft, rows);
        }
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            buildLeft = builder.estimated(left) < builder.estimated(right);
        }
        return hashJoin(type, left, right, info.leftKeys.toIntArray(), info.rightKeys.toIntArray(), residual, false,
                buildLeft, rows);
    }

    /**
     * Whether the left input is the one held in memory (the hash table, or the nested loop's inner side). The
     * physical phase decided it by cost for its join nodes; a plan that did not go through it (tests of the builder
     * alone) holds the smaller estimate. Semi and anti joins hold the right side here: a hash semi or anti join
     * chooses by estimate afterwards, once it is known not to be a nested loop or a NOT IN.
     */
    private boolean buildsLeft(Join join, JoinType type, PhysicalNode left, PhysicalNode right) {
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return false;
        }
        if (join instanceof BasaltHashJoin hash) {
            return hash.buildsLeft();
        }
        if (join instanceof BasaltNestedLoopJoin nestedLoop) {
            return nestedLoop.holdsLeft();
        }
        return builder.estimated(left) < builder.estimated(right);
    }

    private static JoinType joinType(Join join) {
        return switch (join.getJoinType()) {
            case INNER -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
            case SEMI -> JoinType.SEMI;
            case ANTI -> JoinType.ANTI;
            default -> throw PlanningException.notSupported(join.getJoinType() + " joins");
        };
    }

    private PhysicalNode hashJoin(JoinType type, PhysicalNode left, PhysicalNode right, int[] leftKeys, int[] rightKeys,
                                  Optional<Expression> residual, boolean nullAwareAnti, boolean swap, double rows) {
        int leftWidth = left.output().size();
        int rightWidth = right.output().size();
        // Keys of different types meet in a common type, computed in extra columns after each side's own.
        LogicalType[] keyTypes = new LogicalType[leftKeys.length];
        for (int i = 0; i < leftKeys.length; i++) {
            keyTypes[i] = TypeCoercion.common(left.output().get(leftKeys[i]).type(), right.output().get(rightKeys[i]).type());
        }
        KeyedInput leftInput = withKeys(left, leftKeys, keyTypes);
        KeyedInput rightInput = withKeys(right, rightKeys, keyTypes);
        int leftExtra = leftInput.node().output().size() - leftWidth;
        if (leftExtra > 0) {
            // The residual reads right columns, which now start after the left side's extra key columns.
            residual = residual.map(condition -> ColumnRemapping.remap(condition, i -> i < leftWidth ? i : i + leftExtra));
        }
        PhysicalNode joined;
        if (swap) {
            int leftAll = leftInput.node().output().size();
            int rightAll = rightInput.node().output().size();
            Optional<Expression> swappedResidual = residual.map(condition ->
                    ColumnRemapping.remap(condition, i -> i < leftAll ? i + rightAll : i - leftAll));
            List<Column> output = joinOutput(swapped(type), rightInput.node().output(), leftInput.node().output());
            joined = new HashJoinNode(swapped(type), rightInput.node(), leftInput.node(), rightInput.keys(), leftInput.keys(),
                    swappedResidual, false, output, rows);
            List<Integer> order = new ArrayList<>();
            if (type == JoinType.SEMI || type == JoinType.ANTI) {
                // RIGHT_SEMI and RIGHT_ANTI output the build side alone: the left side's columns, less extra keys.
                if (leftExtra == 0) {
                    return joined;
                }
                for (int i = 0; i < leftWidth; i++) {
                    order.add(i);
                }
                return select(joined, order, rows);
            }
            // Back to the left side's columns, then the right side's.
            for (int i = 0; i < leftWidth; i++) {
                order.add(rightAll + i);
            }
            for (int i = 0; i < rightWidth; i++) {
                order.add(i);
            }
            return select(joined, order, rows);
        }
        List<Column> output = joinOutput(type, leftInput.node().output(), rightInput.node().output());
        joined = new HashJoinNode(type, leftInput.node(), rightInput.node(), leftInput.keys(), rightInput.keys(), residual,
                nullAwareAnti, output, rows);
        if (leftExtra == 0 && rightInput.node().output().size() == rightWidth) {
            return joined;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < leftWidth; i++) {
            order.add(i);
        }
        if (type != JoinType.SEMI && type != JoinType.ANTI) {
            for (int i = 0; i < rightWidth; i++) {
                order.add(leftWidth + leftExtra + i);
            }
        }
        return select(joined, order, rows);
    }

    private PhysicalNode nestedLoop(JoinType type, PhysicalNode left, PhysicalNode right, Optional<Expression> condition,
                                    boolean swap, double rows) {
        if (!swap) {
            List<Column> output = joinOutput(type, left.output(), right.output());
            return new NestedLoopJoinNode(type, left, right, condition, output, rows);
        }
        int leftWidth = left.output().size();
        int rightWidth = right.output().size();
        Optional<Expression> swappedCondition = condition.map(expression ->
                ColumnRemapping.remap(expression, i -> i < leftWidth ? i + rightWidth : i - leftWidth));
        PhysicalNode joined = new NestedLoopJoinNode(swapped(type), right, left, swappedCondition,
                joinOutput(swapped(type), right.output(), left.output()), rows);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < leftWidth; i++) {
            order.add(rightWidth + i);
        }
        for (int i = 0; i < rightWidth; i++) {
            order.add(i);
        }
        return select(joined, order, rows);
    }

    private static JoinType swapped(JoinType type) {
        return switch (type) {
            case LEFT -> JoinType.RIGHT;
            case RIGHT -> JoinType.LEFT;
            case SEMI -> JoinType.RIGHT_SEMI;
            case ANTI -> JoinType.RIGHT_ANTI;
            default -> type;
        };
    }

    /** An input with the positions of its key columns, cast to the key types where needed. */
    private record KeyedInput(PhysicalNode node, int[] keys) {
    }

    private static KeyedInput withKeys(PhysicalNode node, int[] keys, LogicalType[] keyTypes) {
        List<Expression> extra = new ArrayList<>();
        int[] positions = keys.clone();
        int width = node.output().size();
        for (int i = 0; i < keys.length; i++) {
            Column column = node.output().get(keys[i]);
            if (!column.type().equals(keyTypes[i])) {
                extra.add(Call.of(Function.CAST, keyTypes[i], new ColumnReference(keys[i], column.type())));
                positions[i] = width + extra.size() - 1;
            }
        }
        if (extra.isEmpty()) {
            return new KeyedInput(node, positions);
        }
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>(node.output());
        for (int i = 0; i < width; i++) {
            expressions.add(new ColumnReference(i, node.output().get(i).type()));
        }
        for (int i = 0; i < extra.size(); i++) {
            expressions.add(extra.get(i));
            output.add(new Column("key" + i, extra.get(i).type(), true));
        }
        return new KeyedInput(new ProjectNode(node, expressions, output, node.estimatedRows()), positions);
    }

    private static PhysicalNode select(PhysicalNode node, List<Integer> columns, double rows) {
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>();
        for (int column : columns) {
            Column selected = node.output().get(column);
            expressions.add(new ColumnReference(column, selected.type()));
            output.add(selected);
        }
        return new ProjectNode(node, expressions, output, rows);
    }

    /** A join's output: the left columns, then (except for semi and anti joins) the right ones; a side an outer join may pad with NULLs becomes nullable. */
    private static List<Column> joinOutput(JoinType type, List<Column> left, List<Column> right) {
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return left;
        }
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            return right;
        }
        List<Column> all = new ArrayList<>();
        boolean leftPadded = type == JoinType.RIGHT || type == JoinType.FULL;
        boolean rightPadded = type == JoinType.LEFT || type == JoinType.FULL;
        for (Column column : left) {
            all.add(leftPadded ? new Column(column.name(), column.type(), true) : column);
        }
        for (Column column : right) {
            all.add(rightPadded ? new Column(column.name(), column.type(), true) : column);
        }
        return all;
    }
}
