package io.basalt.optimizer.convention;

import io.basalt.optimizer.rules.SharedSubplan;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/** A subplan computed once and read by each of its uses (execution's shared result). */
public final class BasaltSharedSubplan extends SharedSubplan implements BasaltRel {

    public BasaltSharedSubplan(RelOptCluster cluster, RelTraitSet traits, RelNode input, int id, int uses) {
        super(cluster, traits, input, id, uses);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BasaltSharedSubplan(getCluster(), traitSet, sole(inputs), id(), uses());
    }
}
