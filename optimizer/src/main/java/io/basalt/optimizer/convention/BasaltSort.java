package io.basalt.optimizer.convention;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** A sort, a top-N (a sort with a limit holds only the first rows) or, without sort keys, a plain limit. */
public final class BasaltSort extends Sort implements BasaltRel {

    public BasaltSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
                      @Nullable RexNode offset, @Nullable RexNode fetch) {
        super(cluster, traits, List.of(), input, collation, offset, fetch);
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode input, RelCollation collation, @Nullable RexNode offset,
                     @Nullable RexNode fetch) {
        return new BasaltSort(getCluster(), traitSet, input, collation, offset, fetch);
    }
}
