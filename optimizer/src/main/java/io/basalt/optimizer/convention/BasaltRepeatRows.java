package io.basalt.optimizer.convention;

import io.basalt.optimizer.rules.RepeatRows;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/** Rows repeated by their count column, streaming (the end of INTERSECT ALL / EXCEPT ALL). */
public final class BasaltRepeatRows extends RepeatRows implements BasaltRel {

    public BasaltRepeatRows(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BasaltRepeatRows(getCluster(), traitSet, sole(inputs));
    }
}
