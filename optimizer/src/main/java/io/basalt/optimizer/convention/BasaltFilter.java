package io.basalt.optimizer.convention;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/** A filter that is not directly over a scan (over a join, an aggregate, …). */
public final class BasaltFilter extends Filter implements BasaltRel {

    public BasaltFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition) {
        super(cluster, traits, List.of(), input, condition);
    }

    @Override
    public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
        return new BasaltFilter(getCluster(), traitSet, input, condition);
    }
}
