package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.storage.type.LogicalType;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * An aggregate as an {@link AggregateNode}: its calls converted by {@link AggregateCallConverter}, each optionally
 * DISTINCT and FILTERed, and its GROUPING SETS (ROLLUP and CUBE arrive as sets), which the node computes in one
 * pass. Calcite's SUM0 (a SUM that is 0 over no rows, from its own rewrites) is a SUM followed by a projection with
 * COALESCE, and its LITERAL_AGG (a constant per group) is a constant in that projection. Over a plain scan the aggregate reads only the columns it uses.
 */
final class AggregateConverter {

    private final PhysicalPlanBuilder builder;

    AggregateConverter(PhysicalPlanBuilder builder) {
        this.builder = builder;
    }

    PhysicalNode convert(Aggregate aggregate) {
        PhysicalNode input = builder.convert(aggregate.getInput());
        int[] groupKeys = aggregate.getGroupSet().toArray();
        int[] inputColumns = null;
        if (input instanceof TableScanNode scan) {
            // Calcite aggregates straight over a scan when it needs no expressions; read only what it uses.
            List<Expression> used = new ArrayList<>();
            for (int key : groupKeys) {
                used.add(new ColumnReference(key, scan.output().get(key).type()));
            }
            for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
                for (int argument : call.getArgList()) {
                    used.add(new ColumnReference(argument, scan.output().get(argument).type()));
                }
                for (RelFieldCollation collation : call.getCollation().getFieldCollations()) {
                    int column = collation.getFieldIndex();
                    used.add(new ColumnReference(column, scan.output().get(column).type()));
                }
                if (call.filterArg >= 0) {
                    used.add(new ColumnReference(call.filterArg, scan.output().get(call.filterArg).type()));
                }
            }
            // COUNT(*) alone reads no column: the scan then hands out row counts without reading a block.
            PhysicalPlanBuilder.ScanNarrowing narrowed = PhysicalPlanBuilder.narrow(scan, used, true);
            input = narrowed.scan();
            inputColumns = new int[scan.output().size()];
            for (int i = 0; i < used.size(); i++) {
                inputColumns[((ColumnReference) used.get(i)).index()] = ((ColumnReference) narrowed.expressions().get(i)).index();
            }
            for (int i = 0; i < groupKeys.length; i++) {
                groupKeys[i] = inputColumns[groupKeys[i]];
            }
        }
        int[] narrowedColumns = inputColumns;
        IntUnaryOperator columns = column -> narrowedColumns == null ? column : narrowedColumns[column];
        List<int[]> groupingSets = new ArrayList<>();
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            for (ImmutableBitSet set : aggregate.getGroupSets()) {
                groupingSets.add(set.toList().stream().mapToInt(Integer::intValue).map(columns).toArray());
            }
        }
        List<AggregateCall> calls = new ArrayList<>();
        List<Boolean> zeroWhenEmpty = new ArrayList<>();
        // Per aggregate of the query: its constant (LITERAL_AGG), or null for one the node computes.
        List<Literal> constants = new ArrayList<>();
        List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
        for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
            org.apache.calcite.rel.core.AggregateCall call = aggregate.getAggCallList().get(i);
            String name = fields.get(groupKeys.length + i).getName();
            SqlKind kind = call.getAggregation().getKind();
            if (kind == SqlKind.LITERAL_AGG) {
                // Calcite's marker that a group exists (IN and EXISTS subqueries outside WHERE): the same
                // constant for every group, added by the projection below.
                constants.add(LiteralValues.of((RexLiteral) call.rexList.get(0), TypeMapping.toBasalt(call.getType())));
                continue;
            }
            constants.add(null);
            calls.add(AggregateCallConverter.convert(call, input, columns, name));
            zeroWhenEmpty.add(kind == SqlKind.SUM0);
        }
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < groupKeys.length; i++) {
            RelDataTypeField field = fields.get(i);
            output.add(new Column(field.getName(), input.output().get(groupKeys[i]).type(), field.getType().isNullable()));
        }
        for (int c = 0; c < calls.size(); c++) {
            // SUM0 is a SUM that is NULL over no rows until the projection below turns that into 0.
            output.add(new Column(calls.get(c).name(), calls.get(c).type(),
                    fields.get(groupKeys.length + c).getType().isNullable() || zeroWhenEmpty.get(c)));
        }
        input = LongSumArguments.allow(input, groupKeys, calls, groupingSets);
        PhysicalNode node = new AggregateNode(input, groupKeys, calls, output, builder.rows(aggregate), groupingSets);
        if (!zeroWhenEmpty.contains(true) && constants.stream().allMatch(Objects::isNull)) {
            return node;
        }
        List<Expression> expressions = new ArrayList<>();
        List<Column> projected = new ArrayList<>();
        for (int i = 0; i < groupKeys.length; i++) {
            expressions.add(new ColumnReference(i, output.get(i).type()));
            projected.add(output.get(i));
        }
        int computed = 0;
        for (Literal constant : constants) {
            RelDataTypeField field = fields.get(expressions.size());
            if (constant != null) {
                expressions.add(constant);
                projected.add(new Column(field.getName(), constant.type(), false));
                continue;
            }
            int index = groupKeys.length + computed;
            Column column = output.get(index);
            Expression value = new ColumnReference(index, column.type());
            boolean sumZero = zeroWhenEmpty.get(computed);
            if (sumZero) {
                Literal zero = LiteralValues.convert(BigDecimal.ZERO, column.type())
                        .orElseThrow(() -> PlanningException.notSupported("SUM0 of " + column.type()));
                value = Call.of(Function.COALESCE, column.type(), value, zero);
            }
            projected.add(new Column(column.name(), column.type(), column.nullable() && !sumZero));
            expressions.add(value);
            computed++;
        }
        return new ProjectNode(node, expressions, projected, builder.rows(aggregate));
    }

}
