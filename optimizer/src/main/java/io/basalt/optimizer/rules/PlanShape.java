package io.basalt.optimizer.rules;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * What a logical plan holds that some optimizer phase exists for, so that {@link OptimizerPhases} runs a phase only
 * on plans it can change: a HepPlanner pass walks the whole plan for every rule even when nothing matches,  and
 * ordering an inner join of two inputs costs metadata queries for no choice (the physical phase picks the build
 * side by cost either way). One walk over the plan's operators and their expressions; subquery plans inside expressions are
 * not entered (a plan with a subquery runs every phase anyway).
 */
final class PlanShape {

    private boolean subQueries;
    private boolean correlation;
    private boolean windows;
    private boolean nestedJoins;
    private boolean outerJoins;

    private PlanShape() {
    }

    static PlanShape of(RelNode rel) {
        PlanShape shape = new PlanShape();
        shape.visit(rel);
        return shape;
    }

    /** IN, EXISTS or scalar subqueries in a filter, projection or join condition: the subquery phase's work. */
    boolean hasSubQueries() {
        return subQueries;
    }

    /** A correlated join or a reference to an outer row: the decorrelator's work. */
    boolean hasCorrelation() {
        return correlation;
    }

    /** Window functions ({@code OVER}) in a projection: the window phase's work. */
    boolean hasWindows() {
        return windows;
    }

    /**
     * Joins whose order the join phase chooses: a join directly above another join (a tree of three or more
     * inputs), or an outer join (the phase may turn a LEFT join into a RIGHT one with its inputs swapped, which
     * the physical phase then builds with fewer columns: TPC-H Q13). An inner join of two inputs has no order to
     * choose: the physical phase costs both build sides anyway.
     */
    boolean hasJoinsToOrder() {
        return nestedJoins || outerJoins;
    }

    private void visit(RelNode rel) {
        if (rel instanceof Correlate) {
            correlation = true;
        }
        if (rel instanceof Join join) {
            nestedJoins |= join.getLeft() instanceof Join || join.getRight() instanceof Join;
            outerJoins |= join.getJoinType().isOuterJoin();
        }
        rel.accept(new ExpressionRecorder());
        for (RelNode input : rel.getInputs()) {
            visit(input);
        }
    }

    /** Notes what the operator's expressions contain; changes nothing (every visit returns its node). */
    private final class ExpressionRecorder extends RexShuttle {

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            subQueries = true;
            return super.visitSubQuery(subQuery);
        }

        @Override
        public RexNode visitCorrelVariable(RexCorrelVariable variable) {
            correlation = true;
            return variable;
        }

        @Override
        public RexNode visitOver(RexOver over) {
            windows = true;
            return super.visitOver(over);
        }
    }
}
