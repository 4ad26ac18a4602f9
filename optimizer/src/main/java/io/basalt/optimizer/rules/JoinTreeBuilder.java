package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the joins of a {@link JoinTree} over a multi-join of inner joins: each join equates the classes of
 * {@link EqualColumns} its two sides share (which implies the query's own equalities of those columns), every other
 * condition goes into the lowest join (or, on one input alone, the filter above that input) that has all its
 * inputs, the post-join filter on
 * top, then a projection that puts the columns back in the multi-join's order (its row type), so the tree
 * replaces the multi-join exactly. Shared by the join orderers ({@link ExhaustiveJoinOrderRule},
 * {@link GreedyJoinOrderRule}).
 */
final class JoinTreeBuilder {

    private final MultiJoin join;
    private final JoinGraph graph;
    private final EqualColumns equalColumns;
    private final RelBuilder builder;
    /** Where each multi-join column sits in the row built so far; -1 while its input is not built. */
    private final int[] position;
    private final boolean[] applied;

    private JoinTreeBuilder(MultiJoin join, JoinGraph graph, EqualColumns equalColumns, RelBuilder builder) {
        this.join = join;
        this.graph = graph;
        this.equalColumns = equalColumns;
        this.builder = builder;
        this.position = new int[join.getRowType().getFieldCount()];
        this.applied = new boolean[graph.conditions().size()];
        Arrays.fill(position, -1);
        for (int c = 0; c < applied.length; c++) {
            // the classes' equalities between the sets each join meets stand for these
            applied[c] = equalColumns.isClassEquality(c);
        }
    }

    static RelNode build(MultiJoin join, JoinGraph graph, EqualColumns equalColumns, JoinTree tree,
                         RelBuilder builder) {
        return new JoinTreeBuilder(join, graph, equalColumns, builder).build(tree);
    }

    private RelNode build(JoinTree tree) {
        push(tree, 0);
        RexNode postJoinFilter = join.getPostJoinFilter();
        if (postJoinFilter != null) {
            builder.filter(remap(postJoinFilter, 0));
        }
        List<RexNode> columns = new ArrayList<>(position.length);
        for (int field : position) {
            columns.add(builder.field(field));
        }
        return builder.project(columns, join.getRowType().getFieldNames(), true).build();
    }

    /**
     * Pushes the relational expression of {@code tree}, whose row starts at column {@code offset} of the row
     * being built, with the conditions that first become applicable in it; returns the inputs it holds.
     */
    private ImmutableBitSet push(JoinTree tree, int offset) {
        if (tree.isLeaf()) {
            int input = tree.input();
            builder.push(join.getInputs().get(input));
            for (int field = 0; field < graph.fieldCount(input); field++) {
                position[graph.firstField(input) + field] = offset + field;
            }
            ImmutableBitSet inputs = ImmutableBitSet.of(input);
            List<RexNode> conditions = sameInputEqualities(input);
            conditions.addAll(applicable(inputs));
            if (!conditions.isEmpty()) {
                builder.filter(remap(conditions, offset));
            }
            return inputs;
        }
        ImmutableBitSet left = push(tree.left(), offset);
        int leftWidth = builder.peek().getRowType().getFieldCount();
        ImmutableBitSet right = push(tree.right(), offset + leftWidth);
        ImmutableBitSet inputs = left.union(right);
        List<RexNode> conditions = classEqualities(left, right);
        conditions.addAll(applicable(inputs));
        builder.join(JoinRelType.INNER, remap(conditions, offset));
        return inputs;
    }

    /**
     * One equality per class of equal columns with columns on both sides: a written one where the query has one
     * between the two sides, else the first column of the class on each side.
     */
    private List<RexNode> classEqualities(ImmutableBitSet left, ImmutableBitSet right) {
        List<RexNode> equalities = new ArrayList<>();
        for (int k = 0; k < equalColumns.classCount(); k++) {
            ImmutableBitSet classInputs = equalColumns.inputs(k);
            if (!classInputs.intersects(left) || !classInputs.intersects(right)) {
                continue;
            }
            RexNode equality = writtenEquality(k, left, right);
            if (equality == null) {
                equality = equality(firstIn(k, left), firstIn(k, right));
            }
            equalities.add(equality);
        }
        return equalities;
    }

    /**
     * The equalities between columns of one input that a class holds more than one of ({@code l_partkey = p_partkey
     * AND p_partkey = l_suppkey} makes {@code l_partkey = l_suppkey}): a join meets a class once, so the columns
     * of each side must already be equal.
     */
    private List<RexNode> sameInputEqualities(int input) {
        List<RexNode> equalities = new ArrayList<>();
        for (int k = 0; k < equalColumns.classCount(); k++) {
            int first = -1;
            for (int column : equalColumns.members(k)) {
                if (graph.inputOf(column) != input) {
                    continue;
                }
                if (first < 0) {
                    first = column;
                } else {
                    equalities.add(equality(first, column));
                }
            }
        }
        return equalities;
    }

    private RexNode equality(int left, int right) {
        return builder.getRexBuilder().makeCall(SqlStdOperatorTable.EQUALS,
                builder.getRexBuilder().makeInputRef(join.getRowType().getFieldList().get(left).getType(), left),
                builder.getRexBuilder().makeInputRef(join.getRowType().getFieldList().get(right).getType(), right));
    }

    /** A condition of the query equating a column of class {@code k} on the left with one on the right, or null. */
    private RexNode writtenEquality(int k, ImmutableBitSet left, ImmutableBitSet right) {
        for (int c = 0; c < graph.conditions().size(); c++) {
            ImmutableBitSet inputs = graph.inputsOf(c);
            if (!equalColumns.isClassEquality(c) || !inputs.intersects(left) || !inputs.intersects(right)) {
                continue;
            }
            RexNode condition = graph.conditions().get(c);
            if (equalColumns.classOf(RelOptUtil.InputFinder.bits(condition).nth(0)) == k) {
                return condition;
            }
        }
        return null;
    }

    private int firstIn(int k, ImmutableBitSet inputs) {
        for (int column : equalColumns.members(k)) {
            if (inputs.get(graph.inputOf(column))) {
                return column;
            }
        }
        throw new IllegalStateException("no column of class " + k + " in inputs " + inputs);
    }

    /**
     * The conditions not applied yet whose inputs are all in {@code inputs}, marked applied; those on no input at all
     * only with every input.
     */
    private List<RexNode> applicable(ImmutableBitSet inputs) {
        List<RexNode> conditions = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            ImmutableBitSet referenced = graph.inputsOf(i);
            if (!applied[i] && !referenced.isEmpty() && inputs.contains(referenced)) {
                applied[i] = true;
                conditions.add(graph.conditions().get(i));
            }
        }
        // A condition on no input at all (a constant the simplifier left) waits for the top, where every
        // remaining one is applied.
        if (inputs.cardinality() == graph.inputCount()) {
            for (int i = 0; i < applied.length; i++) {
                if (!applied[i]) {
                    applied[i] = true;
                    conditions.add(graph.conditions().get(i));
                }
            }
        }
        return conditions;
    }

    /** Conditions over the multi-join's columns, over the row of a subtree whose first column is {@code offset}. */
    private List<RexNode> remap(List<RexNode> conditions, int offset) {
        List<RexNode> remapped = new ArrayList<>(conditions.size());
        for (RexNode condition : conditions) {
            remapped.add(remap(condition, offset));
        }
        return remapped;
    }

    private RexNode remap(RexNode condition, int offset) {
        return condition.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef reference) {
                return builder.getRexBuilder().makeInputRef(reference.getType(),
                        position[reference.getIndex()] - offset);
            }
        });
    }
}
