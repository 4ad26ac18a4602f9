package io.basalt.optimizer;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.expression.Parameter;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.LimitNode;
import io.basalt.execution.plan.NestedLoopJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SharedResultNode;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.execution.plan.WindowFunctionKind;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A compact text form of a physical plan for tests (execution's PlanPrinter is what EXPLAIN shows): one node per
 * line, indented, with expressions written as {@code FUNCTION(args)} and columns as {@code $index}.
 */
final class PhysicalPlanText {

    private PhysicalPlanText() {
    }

    static String of(PhysicalNode node) {
        StringBuilder text = new StringBuilder();
        append(node, 0, text, new HashSet<>());
        return text.toString();
    }

    /** A shared result's subplan is written at its first use only ({@code shown}: the ids written). */
    private static void append(PhysicalNode node, int depth, StringBuilder text, Set<Integer> shown) {
        text.append("  ".repeat(depth)).append(describe(node));
        if (node instanceof SharedResultNode shared && !shown.add(shared.id())) {
            text.append(" (above)\n");
            return;
        }
        text.append('\n');
        for (PhysicalNode input : node.inputs()) {
            append(input, depth + 1, text, shown);
        }
    }

    private static String describe(PhysicalNode node) {
        if (node instanceof TableScanNode scan) {
            return "Scan " + scan.schema() + "." + scan.table() + " columns=" + names(scan.output())
                    + (scan.filterOnly().isEmpty() ? "" : " filterOnly=" + names(scan.filterOnly()))
                    + scan.filter().map(f -> " filter=" + expression(f)).orElse("");
        }
        if (node instanceof FilterNode filter) {
            return "Filter " + expression(filter.condition());
        }
        if (node instanceof ProjectNode project) {
            StringBuilder text = new StringBuilder("Project ");
            for (int i = 0; i < project.expressions().size(); i++) {
                text.append(i == 0 ? "" : ", ").append(project.output().get(i).name()).append('=')
                        .append(expression(project.expressions().get(i)));
            }
            return text.toString();
        }
        if (node instanceof HashJoinNode join) {
            return "HashJoin " + join.joinType() + " left=" + Arrays.toString(join.leftKeys()) + " right="
                    + Arrays.toString(join.rightKeys()) + join.residual().map(r -> " residual=" + expression(r)).orElse("")
                    + (join.nullAwareAnti() ? " nullAware" : "");
        }
        if (node instanceof NestedLoopJoinNode join) {
            return "NestedLoopJoin " + join.joinType() + join.condition().map(c -> " condition=" + expression(c)).orElse("");
        }
        if (node instanceof AggregateNode aggregate) {
            return "Aggregate group=" + Arrays.toString(aggregate.groupKeys()) + " "
                    + aggregate.aggregates().stream().map(PhysicalPlanText::aggregate).collect(Collectors.joining(", "));
        }
        if (node instanceof SortNode sort) {
            return "Sort " + sort.keys().stream().map(PhysicalPlanText::key).collect(Collectors.joining(", "))
                    + sort.offsetParameter().map(p -> " offset=" + expression(p)).orElse(sort.offset() > 0 ? " offset=" + sort.offset() : "")
                    + sort.limitParameter().map(p -> " limit=" + expression(p)).orElse(sort.limit() >= 0 ? " limit=" + sort.limit() : "");
        }
        if (node instanceof WindowNode window) {
            return "Window partition=" + Arrays.toString(window.partitionKeys()) + " order="
                    + window.orderKeys().stream().map(PhysicalPlanText::key).collect(Collectors.joining(", ", "[", "]")) + " "
                    + window.functions().stream().map(PhysicalPlanText::function).collect(Collectors.joining(", "));
        }
        if (node instanceof LimitNode limit) {
            return "Limit offset=" + limit.offsetParameter().map(PhysicalPlanText::expression).orElse(String.valueOf(limit.offset()))
                    + " limit=" + limit.limitParameter().map(PhysicalPlanText::expression).orElse(String.valueOf(limit.limit()));
        }
        if (node instanceof UnionNode) {
            return "Union";
        }
        if (node instanceof ValuesNode values) {
            return "Values " + values.rows();
        }
        if (node instanceof SharedResultNode shared) {
            return "Shared #" + shared.id() + " uses=" + shared.uses();
        }
        return node.getClass().getSimpleName();
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(",", "[", "]"));
    }

    private static String aggregate(AggregateCall call) {
        return call.name() + "=" + call.function() + (call.distinct() ? "(DISTINCT " : "(")
                + Arrays.stream(call.arguments()).mapToObj(i -> "$" + i).collect(Collectors.joining(", ")) + ")"
                + (call.filterColumn() >= 0 ? " FILTER $" + call.filterColumn() : "") + ":" + call.type();
    }

    private static String function(WindowFunction function) {
        String name = function.aggregate() != null ? function.aggregate().name() : function.kind().name();
        String constant = function.constant() != 0 ? " " + function.constant() : "";
        String frame = function.kind() == WindowFunctionKind.AGGREGATE || function.kind() == WindowFunctionKind.FIRST_VALUE
                || function.kind() == WindowFunctionKind.LAST_VALUE ? " " + function.frame() : "";
        return function.name() + "=" + name + Arrays.toString(function.arguments()) + constant + frame + ":" + function.type();
    }

    private static String key(SortKey key) {
        return "$" + key.column() + (key.ascending() ? " ASC" : " DESC") + (key.nullsFirst() ? " NULLS FIRST" : "");
    }

    static String expression(Expression expression) {
        if (expression instanceof ColumnReference reference) {
            return "$" + reference.index();
        }
        if (expression instanceof Literal literal) {
            if (literal.isNull()) {
                return "NULL:" + literal.type();
            }
            return (literal.value() instanceof String ? "'" + literal.value() + "'" : String.valueOf(literal.value()))
                    + ":" + literal.type();
        }
        if (expression instanceof Parameter parameter) {
            return parameter.name() + ":" + parameter.type();
        }
        Call call = (Call) expression;
        return call.function() + call.arguments().stream().map(PhysicalPlanText::expression)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
