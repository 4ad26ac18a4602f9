package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

import java.util.List;

/**
 * A subplan the query uses in {@code uses} places, computed once ({@link SharedSubplans} puts it there). Every use
 * is a node of its own with the same {@code id} over an equal input; the physical plan builder turns them all into
 * one shared node. The logical form; {@code BasaltSharedSubplan} is its physical one.
 */
public class SharedSubplan extends SingleRel {

    private final int id;
    private final int uses;

    public SharedSubplan(RelOptCluster cluster, RelTraitSet traits, RelNode input, int id, int uses) {
        super(cluster, traits, input);
        this.id = id;
        this.uses = uses;
    }

    public final int id() {
        return id;
    }

    public final int uses() {
        return uses;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SharedSubplan(getCluster(), traitSet, sole(inputs), id, uses);
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer).item("id", id).item("uses", uses);
    }
}
