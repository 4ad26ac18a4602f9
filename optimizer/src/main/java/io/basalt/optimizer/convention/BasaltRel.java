package io.basalt.optimizer.convention;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/** A relational expression in Basalt's physical convention: one operator of Basalt's executor. */
public interface BasaltRel extends RelNode {

    Convention CONVENTION = new Convention.Impl("BASALT", BasaltRel.class);
}
