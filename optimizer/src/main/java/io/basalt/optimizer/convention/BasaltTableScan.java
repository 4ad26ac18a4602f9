package io.basalt.optimizer.convention;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * A scan of a Basalt table with the filter pushed into it: the scan skips segments and blocks the filter's zone
 * map conditions exclude and evaluates it on the rest. Its rows are the table's (the plan builder narrows the
 * columns read to those the operators above use), so Calcite's table metadata applies as it is.
 */
public final class BasaltTableScan extends TableScan implements BasaltRel {

    private final @Nullable RexNode filter;

    public BasaltTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, @Nullable RexNode filter) {
        super(cluster, traits, List.of(), table);
        this.filter = filter;
    }

    /** The filter over the table's columns, if one was pushed. */
    public Optional<RexNode> filter() {
        return Optional.ofNullable(filter);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BasaltTableScan(getCluster(), traitSet, getTable(), filter);
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer).itemIf("filter", filter, filter != null);
    }
}
