package io.basalt.optimizer.convention;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** A hash aggregation: per-worker partial tables merged by partition (the executor's only aggregate). */
public final class BasaltHashAggregate extends Aggregate implements BasaltRel {

    public BasaltHashAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
                               @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> calls) {
        super(cluster, traits, List.of(), input, groupSet, groupSets, calls);
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
                          @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> calls) {
        return new BasaltHashAggregate(getCluster(), traitSet, input, groupSet, groupSets, calls);
    }
}
