package io.basalt.optimizer.convention;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;

import java.util.List;

/**
 * A recursive query: the seed, then the iterative part run until it adds no row, reading the previous run's rows from
 * the transient table (Calcite's {@code RepeatUnion}; the executor's {@code RecursiveUnionNode}).
 */
public final class BasaltRecursiveUnion extends RepeatUnion implements BasaltRel {

    public BasaltRecursiveUnion(RelOptCluster cluster, RelTraitSet traits, RelNode seed, RelNode iterative, boolean all,
                                int iterationLimit, RelOptTable transientTable) {
        super(cluster, traits, seed, iterative, all, iterationLimit, transientTable);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BasaltRecursiveUnion(getCluster(), traitSet, inputs.get(0), inputs.get(1), all, iterationLimit,
                getTransientTable());
    }
}
