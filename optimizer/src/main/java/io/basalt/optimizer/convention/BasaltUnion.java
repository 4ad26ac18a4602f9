package io.basalt.optimizer.convention;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;

import java.util.List;

/** UNION ALL: the inputs' rows one after another (UNION has become UNION ALL plus an aggregate before this). */
public final class BasaltUnion extends Union implements BasaltRel {

    public BasaltUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, boolean all) {
        super(cluster, traits, List.of(), inputs, all);
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new BasaltUnion(getCluster(), traitSet, inputs, all);
    }
}
