package io.basalt.optimizer.rules;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes back the casts Calcite puts on CHAR columns compared with string constants. String constants are
 * VARCHAR in Basalt (PostgreSQL's text, see the optimizer's {@code TextLiterals}), so {@code n_name = 'CANADA'}
 * arrives as {@code CAST(n_name AS VARCHAR(25)) = 'CANADA'}. A CHAR column compared with constants is a CHAR
 * comparison (trailing blanks do not count), and a bare column is what statistics, zone maps and join rules
 * recognise; the physical plan gives the constants the column's type.
 */
public final class CharComparisonCasts {

    private CharComparisonCasts() {
    }

    public static RelNode remove(RelNode plan) {
        RexShuttle expressions = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexCall visited = (RexCall) super.visitCall(call);
                if (!visited.getKind().belongsTo(SqlKind.COMPARISON) || visited.getOperands().size() != 2) {
                    return visited;
                }
                List<RexNode> operands = new ArrayList<>(visited.getOperands());
                boolean changed = false;
                for (int i = 0; i < 2; i++) {
                    if (isCastOfCharColumn(operands.get(i)) && operands.get(1 - i) instanceof RexLiteral) {
                        operands.set(i, ((RexCall) operands.get(i)).getOperands().get(0));
                        changed = true;
                    }
                }
                return changed ? visited.clone(visited.getType(), operands) : visited;
            }
        };
        return plan.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return super.visit(other).accept(expressions);
            }
        });
    }

    private static boolean isCastOfCharColumn(RexNode node) {
        return node.getKind() == SqlKind.CAST && node.getType().getSqlTypeName() == SqlTypeName.VARCHAR
                && ((RexCall) node).getOperands().get(0) instanceof RexInputRef column
                && column.getType().getSqlTypeName() == SqlTypeName.CHAR;
    }
}
