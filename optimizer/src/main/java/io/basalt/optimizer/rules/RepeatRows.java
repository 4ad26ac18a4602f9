package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.List;

/**
 * Each input row repeated as many times as its last column (a BIGINT count) says, without that column; a count of
 * zero or less drops the row. Calcite has no such operator; {@link SetOperationAllRule} ends INTERSECT ALL and EXCEPT
 * ALL in it. The logical form; {@code BasaltRepeatRows} is its physical one.
 */
public class RepeatRows extends SingleRel {

    public RepeatRows(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, traits, input);
    }

    /** The index of the count column in the input. */
    public final int countColumn() {
        return getInput().getRowType().getFieldCount() - 1;
    }

    @Override
    protected RelDataType deriveRowType() {
        List<RelDataTypeField> fields = getInput().getRowType().getFieldList();
        return getCluster().getTypeFactory().createStructType(fields.subList(0, fields.size() - 1));
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new RepeatRows(getCluster(), traitSet, sole(inputs));
    }
}
