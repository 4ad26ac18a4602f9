package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The join graph of a multi-join of inner joins, as the join orderers see it: the inputs with their estimated rows
 * (taken once, when the graph is built), and the conjuncts of the join condition with the inputs each refers to.
 * The greedy order estimates each conjunct's selectivity once before it starts, so that ordering costs no further
 * metadata calls.
 */
final class JoinGraph {

    private final List<RelNode> inputs;
    private final int[] inputOfField;
    private final int[] firstField;
    private final int[] fieldCount;
    private final double[] rows;
    private final List<RexNode> conditions;
    private final List<ImmutableBitSet> inputsOf;

    private JoinGraph(List<RelNode> inputs, int[] inputOfField, int[] firstField, int[] fieldCount, double[] rows,
                      List<RexNode> conditions, List<ImmutableBitSet> inputsOf) {
        this.inputs = inputs;
        this.inputOfField = inputOfField;
        this.firstField = firstField;
        this.fieldCount = fieldCount;
        this.rows = rows;
        this.conditions = conditions;
        this.inputsOf = inputsOf;
    }

    /**
     * Whether {@code join} holds inner joins only, every column projected: the multi-joins Basalt's orderers
     * reorder freely (outer joins keep Calcite's rule, which knows where they may move).
     */
    static boolean innerJoinsOnly(MultiJoin join) {
        return !join.isFullOuterJoin()
                && join.getJoinTypes().stream().allMatch(type -> type == JoinRelType.INNER)
                && join.getOuterJoinConditions().stream().allMatch(Objects::isNull)
                && join.getProjFields().stream().allMatch(Objects::isNull);
    }

    static JoinGraph of(MultiJoin join, RelMetadataQuery metadata) {
        List<RelNode> inputs = join.getInputs();
        int[] firstField = new int[inputs.size()];
        int[] fieldCount = new int[inputs.size()];
        double[] rows = new double[inputs.size()];
        int[] inputOfField = new int[join.getRowType().getFieldCount()];
        int start = 0;
        for (int i = 0; i < inputs.size(); i++) {
            firstField[i] = start;
            fieldCount[i] = inputs.get(i).getRowType().getFieldCount();
            rows[i] = atLeastOne(metadata.getRowCount(inputs.get(i)));
            for (int field = 0; field < fieldCount[i]; field++) {
                inputOfField[start + field] = i;
            }
            start += fieldCount[i];
        }
        List<RexNode> conditions = RelOptUtil.conjunctions(join.getJoinFilter());
        List<ImmutableBitSet> inputsOf = new ArrayList<>(conditions.size());
        for (RexNode condition : conditions) {
            ImmutableBitSet.Builder referenced = ImmutableBitSet.builder();
            for (int field : RelOptUtil.InputFinder.bits(condition)) {
                referenced.set(inputOfField[field]);
            }
            inputsOf.add(referenced.build());
        }
        return new JoinGraph(inputs, inputOfField, firstField, fieldCount, rows, conditions, inputsOf);
    }

    int inputCount() {
        return inputs.size();
    }

    RelNode input(int input) {
        return inputs.get(input);
    }

    /** The input that multi-join column {@code field} comes from. */
    int inputOf(int field) {
        return inputOfField[field];
    }

    /** The estimated rows of input {@code input} (at least one). */
    double rows(int input) {
        return rows[input];
    }

    List<RexNode> conditions() {
        return conditions;
    }

    /** The inputs condition number {@code condition} refers to. */
    ImmutableBitSet inputsOf(int condition) {
        return inputsOf.get(condition);
    }

    /** The position of input {@code input}'s first column among the multi-join's columns. */
    int firstField(int input) {
        return firstField[input];
    }

    int fieldCount(int input) {
        return fieldCount[input];
    }

    /** The multi-join's columns: every input's. */
    int totalFieldCount() {
        return inputOfField.length;
    }

    /**
     * The greedy order of the inputs (see {@link GreedyJoinOrderRule}): first the input of fewest rows (after the
     * conditions on it alone), then each time, among the inputs a condition connects to those joined (all of
     * them when none is), the one whose join gives the fewest estimated rows; ties go to the input written first.
     */
    int[] greedyOrder(RelMetadataQuery metadata) {
        double[] selectivity = new double[conditions.size()];
        for (int c = 0; c < selectivity.length; c++) {
            selectivity[c] = selectivity(conditions.get(c), inputOfField, inputs, metadata);
        }
        int count = rows.length;
        int[] order = new int[count];
        ImmutableBitSet joined = ImmutableBitSet.of();
        double joinedRows = 1;
        for (int step = 0; step < count; step++) {
            int best = -1;
            boolean bestConnected = false;
            double bestRows = Double.POSITIVE_INFINITY;
            for (int candidate = 0; candidate < count; candidate++) {
                if (joined.get(candidate)) {
                    continue;
                }
                ImmutableBitSet after = joined.set(candidate);
                double estimate = joinedRows * rows[candidate];
                boolean connected = false;
                for (int c = 0; c < conditions.size(); c++) {
                    ImmutableBitSet referenced = inputsOf.get(c);
                    if (referenced.get(candidate) && after.contains(referenced)) {
                        estimate *= selectivity[c];
                        connected |= referenced.cardinality() > 1;
                    }
                }
                if (best < 0 || (connected && !bestConnected) || (connected == bestConnected && estimate < bestRows)) {
                    best = candidate;
                    bestConnected = connected;
                    bestRows = estimate;
                }
            }
            order[step] = best;
            joined = joined.set(best);
            joinedRows = Math.max(1, bestRows);
        }
        return order;
    }

    /**
     * An equality of two columns of different inputs keeps 1 of max(distinct values of each side) of the pairs
     * (every value of the side with fewer distinct values finds its match); anything else Calcite's guess for
     * its kind of predicate.
     */
    private double selectivity(RexNode condition, int[] inputOfField, List<RelNode> inputs, RelMetadataQuery metadata) {
        if (condition.getKind() == SqlKind.EQUALS && condition instanceof RexCall call
                && call.getOperands().get(0) instanceof RexInputRef left
                && call.getOperands().get(1) instanceof RexInputRef right
                && inputOfField[left.getIndex()] != inputOfField[right.getIndex()]) {
            double distinct = Math.max(distinctValues(left.getIndex(), inputOfField, inputs, metadata),
                    distinctValues(right.getIndex(), inputOfField, inputs, metadata));
            return 1 / distinct;
        }
        return RelMdUtil.guessSelectivity(condition);
    }

    private double distinctValues(int field, int[] inputOfField, List<RelNode> inputs, RelMetadataQuery metadata) {
        int input = inputOfField[field];
        Double distinct = metadata.getDistinctRowCount(inputs.get(input),
                ImmutableBitSet.of(field - firstField[input]), null);
        return distinct == null ? rows[input] : atLeastOne(distinct);
    }

    private static double atLeastOne(Double estimate) {
        return estimate == null || estimate.isNaN() ? 1 : Math.max(1, estimate);
    }
}
