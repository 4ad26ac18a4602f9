package io.basalt.optimizer.rules;

import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Folds every call that is NULL whenever an operand is ({@link Strong.Policy#ANY}: arithmetic, comparisons, casts)
 * and has a NULL constant operand into a NULL constant of its type, bottom up, before the rules run.
 *
 * <p>Why: Calcite's simplifier can leave a comparison with a NULL constant in a filter's condition
 * ({@code col0 * CAST(NULL AS INTEGER) NOT IN (-col1 / -col0)} became {@code <>(null, …)}), and the predicates a
 * rule then pulls up from that filter fail Calcite's own check ("Comparison with NULL in pulledUpPredicates", an
 * internal error; SQLite's corpus, index/random/10/slt_good_0). Folded first, the comparison is NULL and the filter
 * keeps no row, as in PostgreSQL.
 */
final class NullOperandFolding extends RexShuttle {

    private final RexBuilder rexBuilder;

    private NullOperandFolding(RexBuilder rexBuilder) {
        this.rexBuilder = rexBuilder;
    }

    /** The plan with every such call folded. */
    static RelNode fold(RelNode rel) {
        NullOperandFolding folding = new NullOperandFolding(rel.getCluster().getRexBuilder());
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return super.visit(other).accept(folding);
            }
        });
    }

    @Override
    public RexNode visitCall(RexCall call) {
        RexNode visited = super.visitCall(call);
        if (visited instanceof RexCall folded && Strong.policy(folded) == Strong.Policy.ANY
                && folded.getOperands().stream().anyMatch(RexLiteral::isNullLiteral)) {
            return rexBuilder.makeNullLiteral(folded.getType());
        }
        return visited;
    }
}
