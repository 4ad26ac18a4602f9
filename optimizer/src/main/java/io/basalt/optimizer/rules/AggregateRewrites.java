package io.basalt.optimizer.rules;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;

import java.util.function.Function;

/**
 * One pass over a plan that rewrites each {@link LogicalAggregate}, inputs first: for the rewrites that are passes
 * rather than rules ({@link FunctionallyDependentGroupKeys}, {@link AggregateBelowKeyJoin}), whose result a rule
 * driver would match again.
 */
final class AggregateRewrites {

    private AggregateRewrites() {
    }

    static RelNode bottomUp(RelNode rel, Function<LogicalAggregate, RelNode> rewrite) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof LogicalAggregate aggregate ? rewrite.apply(aggregate) : visited;
            }
        });
    }
}
