package io.basalt.optimizer.rules;

import com.google.common.collect.ImmutableMap;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rel.rules.TransformationRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableIntList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds to an inner multi-join the key equalities its conditions imply but do not state, where two inputs are
 * already joined on some other equality: from {@code a = b} and {@code b = c} it adds {@code a = c} when the
 * inputs of {@code a} and {@code c} are equated on other columns too.
 *
 * <p>Why: a decorrelated correlated subquery leaves its correlation key equal to the outer query's column, not to
 * the table it is joined with. In TPC-H Q2, {@code ps_supplycost = (SELECT min(ps_supplycost) … WHERE p_partkey =
 * ps_partkey)} becomes partsupp joined with {@code MIN(ps_supplycost) GROUP BY ps_partkey} on the cost alone, the
 * part key being equal to {@code p_partkey} only: the join orderer then joins partsupp with the per-part minima on a
 * cost shared by hundreds of parts. With {@code ps_partkey = ps_partkey'} added, that join has both keys.
 *
 * <p>Only inputs already equated on some columns get one, so the join graph gains no edge and the orderer no new
 * order (a new edge would change the estimates of joins that were right, TPC-H Q5's customer and nation); the
 * added condition only makes an existing equi-join's key wider. Inputs related only by a comparison (TPC-H Q17's
 * {@code l_quantity < 0.2 * avg}) get none: that plan's shape is what shares its two lineitem reads. Only multi-joins of inner joins: an equality of a
 * null-padded column does not carry over. Only equalities of two columns of the same type, which reject NULLs
 * ({@code =}, not {@code IS NOT DISTINCT FROM}), so the implied one holds for every row the others keep.
 */
public final class TransitiveJoinKeysRule extends RelRule<RuleConfig> implements TransformationRule {

    public static final TransitiveJoinKeysRule INSTANCE = (TransitiveJoinKeysRule) new RuleConfig(
            RelFactories.LOGICAL_BUILDER, "TransitiveJoinKeysRule",
            b -> b.operand(MultiJoin.class).predicate(join -> !impliedKeys(join).isEmpty()).anyInputs(),
            TransitiveJoinKeysRule::new).toRule();

    private TransitiveJoinKeysRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        MultiJoin join = call.rel(0);
        List<RexNode> implied = impliedKeys(join);
        if (implied.isEmpty()) {
            return;
        }
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        List<RexNode> conditions = new ArrayList<>(RelOptUtil.conjunctions(join.getJoinFilter()));
        conditions.addAll(implied);
        call.transformTo(new MultiJoin(join.getCluster(), join.getInputs(),
                RexUtil.composeConjunction(rexBuilder, conditions), join.getRowType(), join.isFullOuterJoin(),
                join.getOuterJoinConditions(), join.getJoinTypes(), join.getProjFields(),
                countsWith(join, implied), join.getPostJoinFilter()));
    }

    /** The equalities {@code join}'s condition implies between inputs already equated, not yet stated. */
    static List<RexNode> impliedKeys(MultiJoin join) {
        if (join.isFullOuterJoin() || join.getJoinTypes().stream().anyMatch(type -> type != JoinRelType.INNER)) {
            return List.of();
        }
        int[] inputOfField = inputOfField(join);
        Map<Integer, Integer> parent = new HashMap<>();
        Set<List<Integer>> stated = new HashSet<>();
        Set<List<Integer>> joinedInputs = new HashSet<>();
        for (RexNode condition : RelOptUtil.conjunctions(join.getJoinFilter())) {
            int[] fields = equatedFields(condition);
            if (fields != null && inputOfField[fields[0]] != inputOfField[fields[1]]) {
                union(parent, fields[0], fields[1]);
                stated.add(pair(fields[0], fields[1]));
                joinedInputs.add(pair(inputOfField[fields[0]], inputOfField[fields[1]]));
            }
        }
        Map<Integer, List<Integer>> classes = new HashMap<>();
        for (Integer field : parent.keySet()) {
            classes.computeIfAbsent(find(parent, field), root -> new ArrayList<>()).add(field);
        }
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        List<RexNode> implied = new ArrayList<>();
        for (List<Integer> members : classes.values()) {
            members.sort(Integer::compare);
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    int left = members.get(i);
                    int right = members.get(j);
                    if (inputOfField[left] != inputOfField[right] && !stated.contains(pair(left, right))
                            && joinedInputs.contains(pair(inputOfField[left], inputOfField[right]))) {
                        implied.add(rexBuilder.makeCall(SqlStdOperatorTable.EQUALS,
                                rexBuilder.makeInputRef(join, left), rexBuilder.makeInputRef(join, right)));
                    }
                }
            }
        }
        return implied;
    }

    /** The two fields {@code condition} equates, when it is {@code field = field} of one type; else null. */
    private static int[] equatedFields(RexNode condition) {
        if (condition.getKind() != SqlKind.EQUALS) {
            return null;
        }
        List<RexNode> operands = ((RexCall) condition).getOperands();
        if (operands.get(0) instanceof RexInputRef left && operands.get(1) instanceof RexInputRef right
                && left.getType().getSqlTypeName() == right.getType().getSqlTypeName()
                && left.getType().getPrecision() == right.getType().getPrecision()
                && left.getType().getScale() == right.getType().getScale()) {
            return new int[] {left.getIndex(), right.getIndex()};
        }
        return null;
    }

    private static int[] inputOfField(MultiJoin join) {
        int[] inputOfField = new int[join.getRowType().getFieldCount()];
        int start = 0;
        List<RelNode> inputs = join.getInputs();
        for (int i = 0; i < inputs.size(); i++) {
            int count = inputs.get(i).getRowType().getFieldCount();
            for (int field = 0; field < count; field++) {
                inputOfField[start + field] = i;
            }
            start += count;
        }
        return inputOfField;
    }

    /** The join's per-input counts of fields referenced by join conditions, with the new conditions counted. */
    private static ImmutableMap<Integer, ImmutableIntList> countsWith(MultiJoin join, List<RexNode> added) {
        Map<Integer, int[]> counts = join.getCopyJoinFieldRefCountsMap();
        int[] inputOfField = inputOfField(join);
        int[] firstField = new int[join.getInputs().size()];
        for (int field = inputOfField.length - 1; field >= 0; field--) {
            firstField[inputOfField[field]] = field;
        }
        for (RexNode condition : added) {
            for (int field : RelOptUtil.InputFinder.bits(condition)) {
                int input = inputOfField[field];
                counts.get(input)[field - firstField[input]]++;
            }
        }
        ImmutableMap.Builder<Integer, ImmutableIntList> builder = ImmutableMap.builder();
        counts.forEach((input, fieldCounts) -> builder.put(input, ImmutableIntList.of(fieldCounts)));
        return builder.build();
    }

    private static List<Integer> pair(int a, int b) {
        return a < b ? List.of(a, b) : List.of(b, a);
    }

    private static int find(Map<Integer, Integer> parent, int field) {
        int root = field;
        while (parent.getOrDefault(root, root) != root) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent.put(Math.max(rootA, rootB), Math.min(rootA, rootB));
        }
    }
}
