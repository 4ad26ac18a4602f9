package io.basalt.optimizer.physical;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.WindowFrame;
import io.basalt.execution.plan.WindowFrame.FrameBound;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.execution.plan.WindowFunctionKind;
import io.basalt.execution.plan.WindowNode;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.TypeMapping;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calcite's {@link Window} to one {@link WindowNode} per window specification (PARTITION BY and ORDER BY; Calcite's
 * groups of one specification with different frames share a node), stacked: each passes its input through and
 * appends its functions, which is exactly the Window's row type. Constants (NTILE's buckets, LAG's
 * offset, frame offsets) must be literals and go into the nodes; a LAG/LEAD default becomes a column cast to the
 * function's type, computed by a projection below and dropped by one above.
 */
final class WindowConverter {

    private final PhysicalPlanBuilder builder;

    WindowConverter(PhysicalPlanBuilder builder) {
        this.builder = builder;
    }

    PhysicalNode convert(Window window) {
        PhysicalNode input = builder.convert(window.getInput());
        int inputCount = input.output().size();
        RexBuilder rexBuilder = window.getCluster().getRexBuilder();
        List<RexNode> defaults = new ArrayList<>();
        for (Window.Group group : window.groups) {
            for (Window.RexWinAggCall call : group.aggCalls) {
                SqlKind kind = call.getKind();
                if ((kind == SqlKind.LAG || kind == SqlKind.LEAD) && call.getOperands().size() > 2) {
                    defaults.add(rexBuilder.makeCast(call.getType(), resolve(window, call.getOperands().get(2))));
                }
            }
        }
        PhysicalNode current = input;
        if (!defaults.isEmpty()) {
            List<Expression> expressions = new ArrayList<>();
            List<Column> columns = new ArrayList<>(input.output());
            for (int i = 0; i < inputCount; i++) {
                expressions.add(new ColumnReference(i, input.output().get(i).type()));
            }
            ExpressionConverter converter = builder.expressions(input.output());
            for (RexNode value : defaults) {
                Expression expression = converter.convert(value);
                expressions.add(expression);
                columns.add(new Column("default$" + columns.size(), expression.type(), true));
            }
            current = new ProjectNode(input, expressions, columns, builder.rows(window.getInput()));
        }
        // Only nodes of this Window merge: a window below (a subquery's) may compute what these functions read.
        PhysicalNode inputOfWindows = current;
        int nextDefault = inputCount;
        List<RelDataTypeField> fields = window.getRowType().getFieldList();
        int field = inputCount;
        for (Window.Group group : window.groups) {
            List<SortKey> order = new ArrayList<>();
            for (RelFieldCollation collation : group.orderKeys.getFieldCollations()) {
                order.add(PhysicalPlanBuilder.sortKey(collation));
            }
            WindowFrame frame = frame(window, group);
            List<WindowFunction> functions = new ArrayList<>();
            int[] partitionKeys = group.keys.toArray();
            if (current != inputOfWindows && current instanceof WindowNode previous && previous.orderKeys().equals(order)
                    && Arrays.equals(previous.partitionKeys(), partitionKeys)) {
                // Calcite makes one group per frame; functions of one PARTITION BY / ORDER BY share one sort.
                functions.addAll(previous.functions());
                current = previous.input();
            }
            for (Window.RexWinAggCall call : group.aggCalls) {
                String name = fields.get(field++).getName();
                int defaultColumn = -1;
                if ((call.getKind() == SqlKind.LAG || call.getKind() == SqlKind.LEAD) && call.getOperands().size() > 2) {
                    defaultColumn = nextDefault++;
                }
                functions.add(function(window, call, frame, name, defaultColumn));
            }
            current = new WindowNode(current, partitionKeys, order, functions, builder.rows(window));
        }
        if (defaults.isEmpty()) {
            return current;
        }
        // Drop the default columns again: the Window's row type is its input's columns and its functions'.
        List<Expression> expressions = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        List<Column> all = current.output();
        for (int i = 0; i < all.size(); i++) {
            if (i < inputCount || i >= inputCount + defaults.size()) {
                expressions.add(new ColumnReference(i, all.get(i).type()));
                columns.add(all.get(i));
            }
        }
        return new ProjectNode(current, expressions, columns, builder.rows(window));
    }

    private static WindowFunction function(Window window, Window.RexWinAggCall call, WindowFrame frame, String name,
                                           int defaultColumn) {
        if (call.distinct) {
            throw PlanningException.notSupported("DISTINCT in window functions");
        }
        if (call.ignoreNulls) {
            throw PlanningException.notSupported("IGNORE NULLS in window functions");
        }
        var type = TypeMapping.toBasalt(call.getType());
        List<RexNode> operands = call.getOperands();
        switch (call.getKind()) {
            case ROW_NUMBER:
                return new WindowFunction(WindowFunctionKind.ROW_NUMBER, null, new int[0], 0, frame, type, name);
            case RANK:
                return new WindowFunction(WindowFunctionKind.RANK, null, new int[0], 0, frame, type, name);
            case DENSE_RANK:
                return new WindowFunction(WindowFunctionKind.DENSE_RANK, null, new int[0], 0, frame, type, name);
            case NTILE: {
                long buckets = constant(window, operands.get(0), "the argument of NTILE");
                if (buckets <= 0) {
                    throw new PlanningException("22014", "argument of ntile must be greater than zero");
                }
                return new WindowFunction(WindowFunctionKind.NTILE, null, new int[0], buckets, frame, type, name);
            }
            case LAG:
            case LEAD: {
                long offset = operands.size() > 1 ? constant(window, operands.get(1), "the offset of LAG and LEAD") : 1;
                if (offset < 0) {
                    throw PlanningException.notSupported("a negative offset of LAG and LEAD");
                }
                int[] arguments = defaultColumn < 0 ? new int[] {column(window, operands.get(0))}
                        : new int[] {column(window, operands.get(0)), defaultColumn};
                WindowFunctionKind kind = call.getKind() == SqlKind.LAG ? WindowFunctionKind.LAG : WindowFunctionKind.LEAD;
                return new WindowFunction(kind, null, arguments, offset, frame, type, name);
            }
            case PERCENT_RANK:
                return new WindowFunction(WindowFunctionKind.PERCENT_RANK, null, new int[0], 0, frame, type, name);
            case CUME_DIST:
                return new WindowFunction(WindowFunctionKind.CUME_DIST, null, new int[0], 0, frame, type, name);
            case NTH_VALUE: {
                long n = constant(window, operands.get(1), "the row number of NTH_VALUE");
                if (n <= 0) {
                    throw new PlanningException("22016", "argument of nth_value must be greater than zero");
                }
                return new WindowFunction(WindowFunctionKind.NTH_VALUE, null, new int[] {column(window, operands.get(0))},
                        n, frame, type, name);
            }
            case FIRST_VALUE:
            case LAST_VALUE: {
                WindowFunctionKind kind = call.getKind() == SqlKind.FIRST_VALUE ? WindowFunctionKind.FIRST_VALUE
                        : WindowFunctionKind.LAST_VALUE;
                return new WindowFunction(kind, null, new int[] {column(window, operands.get(0))}, 0, frame, type, name);
            }
            default:
                return aggregate(window, call, frame, type, name);
        }
    }

    private static WindowFunction aggregate(Window window, Window.RexWinAggCall call, WindowFrame frame,
                                            io.basalt.storage.type.LogicalType type, String name) {
        AggregateFunction function;
        switch (call.getKind()) {
            case COUNT:
                function = call.getOperands().isEmpty() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
                break;
            // Calcite writes SUM(x) OVER w as CASE WHEN COUNT(x) OVER w > 0 THEN $SUM0(x) OVER w END; where the
            // count is positive $SUM0 equals SUM, and where it is 0 the CASE gives NULL anyway.
            case SUM:
            case SUM0:
                function = AggregateFunction.SUM;
                break;
            case AVG:
                function = AggregateFunction.AVG;
                break;
            case MIN:
                function = AggregateFunction.MIN;
                break;
            case MAX:
                function = AggregateFunction.MAX;
                break;
            default:
                throw PlanningException.notSupported("the window function " + call.getOperator().getName());
        }
        int[] arguments = new int[call.getOperands().size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = column(window, call.getOperands().get(i));
        }
        return new WindowFunction(WindowFunctionKind.AGGREGATE, function, arguments, 0, frame, type, name);
    }

    private static WindowFrame frame(Window window, Window.Group group) {
        FrameBound start = bound(window, group, group.lowerBound, true);
        FrameBound end = bound(window, group, group.upperBound, false);
        return new WindowFrame(group.isRows, start, end, exclusion(group.exclude));
    }

    private static WindowFrame.Exclusion exclusion(RexWindowExclusion exclude) {
        return switch (exclude) {
            case EXCLUDE_NO_OTHER -> WindowFrame.Exclusion.NO_OTHERS;
            case EXCLUDE_CURRENT_ROW -> WindowFrame.Exclusion.CURRENT_ROW;
            case EXCLUDE_GROUP -> WindowFrame.Exclusion.GROUP;
            case EXCLUDE_TIES -> WindowFrame.Exclusion.TIES;
        };
    }

    private static FrameBound bound(Window window, Window.Group group, RexWindowBound bound, boolean start) {
        if (bound.isCurrentRow()) {
            return FrameBound.CURRENT_ROW;
        }
        if (bound.isUnbounded()) {
            return bound.isPreceding() ? FrameBound.UNBOUNDED_PRECEDING : FrameBound.UNBOUNDED_FOLLOWING;
        }
        if (!group.isRows) {
            return RangeOffset.bound(window, group, resolve(window, bound.getOffset()), bound.isPreceding(), start);
        }
        long offset = constant(window, bound.getOffset(), "a frame offset");
        if (offset < 0) {
            throw new PlanningException("22013", "frame starting offset must not be negative");
        }
        return bound.isPreceding() ? FrameBound.preceding(offset) : FrameBound.following(offset);
    }

    /** An operand that reads an input column (not a constant of the window). */
    private static int column(Window window, RexNode operand) {
        if (operand instanceof RexInputRef reference
                && reference.getIndex() < window.getInput().getRowType().getFieldCount()) {
            return reference.getIndex();
        }
        throw PlanningException.notSupported("a constant as the value of a window function");
    }

    /** The whole number an operand stands for: a literal, or a reference to one of the window's constants. */
    private static long constant(Window window, RexNode operand, String what) {
        RexNode resolved = resolve(window, operand);
        if (resolved instanceof RexLiteral literal) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            if (value != null) {
                try {
                    return value.longValueExact();
                } catch (ArithmeticException e) {
                    throw PlanningException.notSupported(what + " that is not a whole number");
                }
            }
        }
        throw PlanningException.notSupported(what + " that is not a constant");
    }

    /** The operand with a reference to a window constant replaced by the constant. */
    private static RexNode resolve(Window window, RexNode operand) {
        int inputCount = window.getInput().getRowType().getFieldCount();
        if (operand instanceof RexInputRef reference && reference.getIndex() >= inputCount) {
            return window.constants.get(reference.getIndex() - inputCount);
        }
        return operand;
    }
}
