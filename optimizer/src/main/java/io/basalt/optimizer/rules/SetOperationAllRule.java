package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.rules.TransformationRule;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * INTERSECT ALL and EXCEPT ALL by counting: every input's rows, tagged with a 1 in the column of their input and 0
 * in the others, go through one UNION ALL into an aggregate grouped by the whole row (so NULLs are equal, as set
 * operations want) that sums each input's column; the row is then repeated ({@link RepeatRows}) as often as
 * PostgreSQL keeps it: the smallest count for INTERSECT ALL, the first count minus the others for EXCEPT ALL.
 *
 * <p>Why counting: one hash aggregate over all inputs is linear and parallel, like the DISTINCT forms Calcite's
 * {@code IntersectToDistinctRule}/{@code MinusToDistinctRule} produce, and needs only one small new operator. The
 * alternative of numbering duplicates with ROW_NUMBER and intersecting (row, number) pairs needs a sort per input.
 */
public final class SetOperationAllRule extends RelRule<RuleConfig> implements TransformationRule {

    public static final SetOperationAllRule INTERSECT = (SetOperationAllRule) new RuleConfig(
            RelFactories.LOGICAL_BUILDER, "IntersectAllRule",
            b -> b.operand(LogicalIntersect.class).predicate(intersect -> intersect.all).anyInputs(),
            SetOperationAllRule::new).toRule();

    public static final SetOperationAllRule EXCEPT = (SetOperationAllRule) new RuleConfig(
            RelFactories.LOGICAL_BUILDER, "ExceptAllRule",
            b -> b.operand(LogicalMinus.class).predicate(minus -> minus.all).anyInputs(),
            SetOperationAllRule::new).toRule();

    private SetOperationAllRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        SetOp setOp = call.rel(0);
        RelBuilder builder = call.builder();
        RexBuilder rexBuilder = builder.getRexBuilder();
        RelDataType bigint = builder.getTypeFactory().createSqlType(SqlTypeName.BIGINT);
        int columns = setOp.getRowType().getFieldCount();
        int inputs = setOp.getInputs().size();
        for (int input = 0; input < inputs; input++) {
            RelNode rel = setOp.getInputs().get(input);
            builder.push(rel);
            List<RexNode> projects = new ArrayList<>(builder.fields());
            List<String> names = new ArrayList<>(setOp.getRowType().getFieldNames());
            for (int tag = 0; tag < inputs; tag++) {
                projects.add(rexBuilder.makeExactLiteral(BigDecimal.valueOf(tag == input ? 1 : 0), bigint));
                names.add("count" + tag);
            }
            builder.project(projects, names, true);
        }
        builder.union(true, inputs);
        List<RelBuilder.AggCall> counts = new ArrayList<>(inputs);
        for (int tag = 0; tag < inputs; tag++) {
            counts.add(builder.sum(builder.field(columns + tag)).as("count" + tag));
        }
        builder.aggregate(builder.groupKey(builder.fields().subList(0, columns)), counts);
        RexNode kept = builder.field(columns);
        for (int tag = 1; tag < inputs; tag++) {
            RexNode other = builder.field(columns + tag);
            kept = setOp instanceof LogicalIntersect
                    ? builder.call(SqlStdOperatorTable.CASE, builder.lessThan(kept, other), kept, other)
                    : builder.call(SqlStdOperatorTable.MINUS, kept, other);
        }
        List<RexNode> projects = new ArrayList<>(builder.fields().subList(0, columns));
        projects.add(kept);
        List<String> names = new ArrayList<>(setOp.getRowType().getFieldNames());
        names.add("copies");
        builder.project(projects, names, true);
        builder.filter(builder.greaterThan(builder.field(columns), builder.literal(0)));
        RelNode counted = builder.build();
        call.transformTo(new RepeatRows(setOp.getCluster(), setOp.getTraitSet(), counted));
    }
}
