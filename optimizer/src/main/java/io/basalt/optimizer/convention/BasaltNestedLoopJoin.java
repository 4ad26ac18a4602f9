package io.basalt.optimizer.convention;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

import java.util.Set;

/**
 * A join without equality keys: every pair of rows is tested. {@code holdsLeft} says which input is kept in
 * memory while the other streams past it; chosen by cost like a hash join's build side.
 */
public final class BasaltNestedLoopJoin extends Join implements BasaltRel {

    private final boolean holdsLeft;

    public BasaltNestedLoopJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                                RexNode condition, JoinRelType joinType, boolean holdsLeft) {
        super(cluster, traits, java.util.List.of(), left, right, condition, Set.of(), joinType);
        this.holdsLeft = holdsLeft;
    }

    public boolean holdsLeft() {
        return holdsLeft;
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
                     boolean semiJoinDone) {
        return new BasaltNestedLoopJoin(getCluster(), traitSet, left, right, condition, joinType, holdsLeft);
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer).item("holds", holdsLeft ? "left" : "right");
    }
}
