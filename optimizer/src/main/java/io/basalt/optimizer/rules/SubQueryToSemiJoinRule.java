package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.rules.TransformationRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code [NOT] EXISTS (…)} and {@code x [NOT] IN (…)} conditions of a WHERE clause into semi and anti joins,
 * pulling the subquery's correlated conditions up into the join condition. TPC-H Q4, Q16, Q21 and Q22 are all
 * of this form; joined this way they run as hash joins with the correlation as keys (and any inequality such as
 * Q21's {@code l2.l_suppkey <> l1.l_suppkey} as a residual), where the general route (correlate, then
 * decorrelate) builds value generators and aggregates.
 *
 * <p>A subquery qualifies when it is a conjunct of the filter, and its plan is optional projections over an
 * optional filter over a relation that does not use the outer query's row: the filter's conjuncts that do are
 * pulled into the join condition. {@code NOT IN} keeps SQL's NULL semantics: a row is dropped when some subquery
 * row compares equal <em>or unknown</em>, so its anti join condition is {@code (a = b) IS NOT FALSE}, spelled
 * {@code a = b OR a IS NULL OR b IS NULL} (the IS NULL terms only for nullable sides). Anything else is left to
 * Calcite's general subquery removal and decorrelation.
 */
public final class SubQueryToSemiJoinRule extends RelRule<RuleConfig> implements TransformationRule {

    public static final SubQueryToSemiJoinRule INSTANCE = (SubQueryToSemiJoinRule) new RuleConfig(
            RelFactories.LOGICAL_BUILDER, "SubQueryToSemiJoinRule",
            b -> b.operand(LogicalFilter.class).predicate(RexUtil.SubQueryFinder::containsSubQuery).anyInputs(),
            SubQueryToSemiJoinRule::new).toRule();

    private SubQueryToSemiJoinRule(RuleConfig config) {
        super(config);
    }

    /** A semi or anti join to stack on the filter's input: the subquery's relation and the join condition. */
    private record SemiJoin(JoinRelType type, RelNode right, RexNode condition) {
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        RelNode input = filter.getInput();
        List<RexNode> plain = new ArrayList<>();
        List<RexNode> remaining = new ArrayList<>();
        List<SemiJoin> joins = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            if (!containsSubQuery(conjunct)) {
                plain.add(conjunct);
                continue;
            }
            Optional<SemiJoin> join = semiJoinOf(conjunct, filter, call.builder());
            if (join.isPresent()) {
                joins.add(join.get());
            } else {
                remaining.add(conjunct);
            }
        }
        if (joins.isEmpty()) {
            return;
        }
        RelBuilder builder = call.builder();
        builder.push(input);
        // Plain conditions only read the input's columns: filter before joining.
        builder.filter(plain);
        for (SemiJoin join : joins) {
            builder.push(join.right()).join(join.type(), join.condition());
        }
        if (!remaining.isEmpty()) {
            builder.filter(filter.getVariablesSet(), remaining);
        }
        call.transformTo(builder.build());
    }

    private static Optional<SemiJoin> semiJoinOf(RexNode conjunct, Filter filter, RelBuilder builder) {
        boolean negated = conjunct.getKind() == SqlKind.NOT;
        RexNode operand = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
        if (!(operand instanceof RexSubQuery subQuery)
                || (subQuery.getKind() != SqlKind.EXISTS && subQuery.getKind() != SqlKind.IN)) {
            return Optional.empty();
        }
        Set<CorrelationId> outer = filter.getVariablesSet();
        RelNode rel = subQuery.rel;
        // The subquery's output columns as expressions over the relation below its projections.
        List<RexNode> outputs = new ArrayList<>(builder.getRexBuilder().identityProjects(rel.getRowType()));
        while (rel instanceof Project project) {
            outputs = RelOptUtil.pushPastProject(outputs, project);
            rel = project.getInput();
        }
        for (RexNode output : outputs.subList(0, subQuery.getKind() == SqlKind.IN ? subQuery.getOperands().size() : 0)) {
            if (usesAny(output, outer)) {
                return Optional.empty();
            }
        }
        List<RexNode> correlated = new ArrayList<>();
        if (rel instanceof Filter inner) {
            List<RexNode> uncorrelated = new ArrayList<>();
            for (RexNode condition : RelOptUtil.conjunctions(inner.getCondition())) {
                if (usesAny(condition, outer) && !containsSubQuery(condition)) {
                    correlated.add(condition);
                } else {
                    uncorrelated.add(condition);
                }
            }
            rel = builder.push(inner.getInput()).filter(inner.getVariablesSet(), uncorrelated).build();
        }
        Set<CorrelationId> stillUsed = new HashSet<>(RelOptUtil.getVariablesUsed(rel));
        stillUsed.removeAll(RelOptUtil.getVariablesSet(rel));
        if (!stillUsed.isEmpty()) {
            return Optional.empty();
        }
        RexBuilder rexBuilder = builder.getRexBuilder();
        int leftCount = filter.getInput().getRowType().getFieldCount();
        RexShuttle toJoinRow = new JoinRowShuttle(outer, leftCount);
        List<RexNode> condition = new ArrayList<>();
        for (RexNode predicate : correlated) {
            condition.add(predicate.accept(toJoinRow));
        }
        if (subQuery.getKind() == SqlKind.IN) {
            for (int i = 0; i < subQuery.getOperands().size(); i++) {
                RexNode left = subQuery.getOperands().get(i);
                RexNode right = outputs.get(i).accept(toJoinRow);
                RexNode equal = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, left, right);
                condition.add(negated ? notFalse(rexBuilder, equal, left, right) : equal);
            }
        }
        JoinRelType type = negated ? JoinRelType.ANTI : JoinRelType.SEMI;
        return Optional.of(new SemiJoin(type, rel, RexUtil.composeConjunction(rexBuilder, condition)));
    }

    /** {@code (left = right) IS NOT FALSE} as a disjunction the hash join can still take keys from. */
    private static RexNode notFalse(RexBuilder rexBuilder, RexNode equal, RexNode left, RexNode right) {
        List<RexNode> terms = new ArrayList<>();
        terms.add(equal);
        if (left.getType().isNullable()) {
            terms.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, left));
        }
        if (right.getType().isNullable()) {
            terms.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, right));
        }
        return RexUtil.composeDisjunction(rexBuilder, terms);
    }

    private static boolean containsSubQuery(RexNode node) {
        return RexUtil.SubQueryFinder.find(List.of(node)) != null;
    }

    private static boolean usesAny(RexNode node, Set<CorrelationId> variables) {
        return RexUtil.containsCorrelation(node, variables);
    }

    /**
     * Rewrites a subquery expression onto the joined row: the outer row's fields ({@code $cor.f}) are the left
     * columns, the subquery's own columns follow them.
     */
    private static final class JoinRowShuttle extends RexShuttle {

        private final Set<CorrelationId> outer;
        private final int leftCount;

        JoinRowShuttle(Set<CorrelationId> outer, int leftCount) {
            this.outer = outer;
            this.leftCount = leftCount;
        }

        @Override
        public RexNode visitInputRef(RexInputRef reference) {
            return new RexInputRef(reference.getIndex() + leftCount, reference.getType());
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
            if (access.getReferenceExpr() instanceof RexCorrelVariable variable && outer.contains(variable.id)) {
                return new RexInputRef(access.getField().getIndex(), access.getType());
            }
            return super.visitFieldAccess(access);
        }
    }
}
