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
 * A hash join on the condition's equality keys. {@code buildsLeft} says which input goes into the hash table:
 * the planner registers both choices for inner and outer joins and keeps the cheaper; semi and anti joins
 * always build on the right (the subquery side), as the executor runs them.
 */
public final class BasaltHashJoin extends Join implements BasaltRel {

    private final boolean buildsLeft;

    public BasaltHashJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
                          JoinRelType joinType, boolean buildsLeft) {
        super(cluster, traits, java.util.List.of(), left, right, condition, Set.of(), joinType);
        this.buildsLeft = buildsLeft;
    }

    public boolean buildsLeft() {
        return buildsLeft;
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
                     boolean semiJoinDone) {
        return new BasaltHashJoin(getCluster(), traitSet, left, right, condition, joinType, buildsLeft);
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer).item("build", buildsLeft ? "left" : "right");
    }
}
