package io.basalt.execution.plan;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Parameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * EXPLAIN's text: the physical plan as an indented tree, one node a line, with the optimizer's row
 * estimate and the node's key details (a scan's table, columns and pushed filter; a join's type and keys;
 * an aggregation's groups and aggregates; sort keys; limits). EXPLAIN ANALYZE adds what each node did.
 */
public final class PlanPrinter {

    private static final String INDENT = "  ";

    private PlanPrinter() {
    }

    public static String print(PhysicalNode plan) {
        return print(plan, node -> null);
    }

    /** The plan with {@code annotation}'s text (if not null) appended to each node's line. */
    public static String print(PhysicalNode plan, Function<PhysicalNode, String> annotation) {
        StringBuilder text = new StringBuilder();
        append(text, plan, 0, annotation, new HashSet<>());
        return text.toString();
    }

    /** {@code printed}: the ids of the shared results whose subplan is already shown, above, at their first use. */
    private static void append(StringBuilder text, PhysicalNode node, int depth, Function<PhysicalNode, String> annotation,
                               Set<Integer> printed) {
        boolean repeated = node instanceof SharedResultNode shared && !printed.add(shared.id());
        text.append(INDENT.repeat(depth)).append(describe(node));
        if (repeated) {
            text.append(", computed above");
        }
        text.append(String.format(Locale.ROOT, " (estimated rows=%.0f", node.estimatedRows()));
        String extra = annotation.apply(node);
        if (extra != null) {
            text.append("; ").append(extra);
        }
        text.append(")\n");
        if (repeated) {
            return;
        }
        for (PhysicalNode input : node.inputs()) {
            append(text, input, depth + 1, annotation, printed);
        }
    }

    static String describe(PhysicalNode node) {
        if (node instanceof TableScanNode scan) {
            // The columns read: the output ones, then those only the filter reads.
            String columns = String.join(", ", scan.readColumns().stream().map(Column::name).toList());
            String text = scan.usableIndex()
                    .map(index -> "IndexScan(index=" + index.name() + ", range=" + index.range() + ") ")
                    .orElse("TableScan ") + scan.schema() + "." + scan.table() + " [" + columns + "]";
            return scan.filter().map(filter -> text + " filter: " + ExpressionText.of(filter, scan.readColumns())).orElse(text);
        }
        if (node instanceof FilterNode filter) {
            return "Filter " + ExpressionText.of(filter.condition(), filter.input().output());
        }
        if (node instanceof ProjectNode project) {
            List<String> items = new ArrayList<>();
            List<Column> input = project.input().output();
            for (int i = 0; i < project.expressions().size(); i++) {
                Expression expression = project.expressions().get(i);
                String name = project.output().get(i).name();
                String value = ExpressionText.of(expression, input);
                items.add(expression instanceof ColumnReference && value.equals(name) ? name : name + " := " + value);
            }
            return "Project [" + String.join(", ", items) + "]";
        }
        if (node instanceof HashJoinNode join) {
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < join.leftKeys().length; k++) {
                keys.add(ExpressionText.names(new int[] {join.leftKeys()[k]}, join.left().output()) + " = "
                        + ExpressionText.names(new int[] {join.rightKeys()[k]}, join.right().output()));
            }
            String text = "HashJoin " + join.joinType() + (join.nullAwareAnti() ? " (null-aware, NOT IN)" : "")
                    + " [" + String.join(", ", keys) + "]";
            return join.residual().map(residual -> text + " residual: " + ExpressionText.of(residual, joined(join)))
                    .orElse(text);
        }
        if (node instanceof NestedLoopJoinNode join) {
            List<Column> columns = new ArrayList<>(join.left().output());
            columns.addAll(join.right().output());
            String text = "NestedLoopJoin " + join.joinType();
            return join.condition().map(condition -> text + " condition: " + ExpressionText.of(condition, columns))
                    .orElse(text + " (cross)");
        }
        if (node instanceof AggregateNode aggregate) {
            List<Column> input = aggregate.input().output();
            List<String> calls = new ArrayList<>();
            for (AggregateCall call : aggregate.aggregates()) {
                String arguments = call.function() == AggregateFunction.COUNT_STAR ? "*"
                        : (call.distinct() ? "DISTINCT " : "") + ExpressionText.names(call.arguments(), input);
                String function = call.function() == AggregateFunction.COUNT_STAR ? "COUNT" : call.function().name();
                String filter = call.filterColumn() >= 0
                        ? " FILTER (WHERE " + ExpressionText.names(new int[] {call.filterColumn()}, input) + ")" : "";
                String order = call.order().isEmpty() ? "" : " ORDER BY " + sortKeys(call.order(), input);
                String fraction = call.function() == AggregateFunction.PERCENTILE_CONT
                        || call.function() == AggregateFunction.PERCENTILE_DISC ? call.fraction() + ", " : "";
                calls.add(call.name() + " := " + function + "(" + fraction + arguments + order + ")" + filter);
            }
            String groups = "[" + ExpressionText.names(aggregate.groupKeys(), input) + "]";
            if (!aggregate.groupingSets().isEmpty()) {
                List<String> sets = new ArrayList<>();
                for (int[] set : aggregate.groupingSets()) {
                    sets.add("(" + ExpressionText.names(set, input) + ")");
                }
                groups += " grouping sets [" + String.join(", ", sets) + "]";
            }
            return "Aggregate group by " + groups + " aggregates [" + String.join(", ", calls) + "]";
        }
        if (node instanceof SortNode sort) {
            List<Column> input = sort.input().output();
            boolean topN = sort.limit() >= 0 || sort.limitParameter().isPresent();
            String text = (topN ? "TopN" : "Sort") + " [" + sortKeys(sort.keys(), input) + "]";
            if (topN) {
                text += " limit " + sort.limitParameter().map(Parameter::name).orElse(String.valueOf(sort.limit()));
            }
            return text + offsetText(sort.offset(), sort.offsetParameter());
        }
        if (node instanceof WindowNode window) {
            return WindowText.of(window);
        }
        if (node instanceof LimitNode limit) {
            String count = limit.limitParameter().map(Parameter::name)
                    .orElse(limit.limit() >= 0 ? String.valueOf(limit.limit()) : "ALL");
            return "Limit " + count + offsetText(limit.offset(), limit.offsetParameter());
        }
        if (node instanceof UnionNode) {
            return "UnionAll";
        }
        if (node instanceof RecursiveUnionNode recursive) {
            return "RecursiveUnion" + (recursive.all() ? "All " : " ") + recursive.workingTable();
        }
        if (node instanceof WorkingTableNode working) {
            return "WorkingTable " + working.name();
        }
        if (node instanceof RepeatRowsNode repeat) {
            return "RepeatRows by " + ExpressionText.names(new int[] {repeat.countColumn()}, repeat.input().output());
        }
        if (node instanceof SharedResultNode shared) {
            return "SharedResult #" + shared.id() + " (" + shared.uses() + " uses)";
        }
        ValuesNode values = (ValuesNode) node;
        return "Values " + values.rows().size() + (values.rows().size() == 1 ? " row" : " rows");
    }

    private static List<Column> joined(HashJoinNode join) {
        List<Column> columns = new ArrayList<>(join.left().output());
        columns.addAll(join.right().output());
        return columns;
    }

    private static String offsetText(long offset, Optional<Parameter> parameter) {
        if (parameter.isPresent()) {
            return " offset " + parameter.get().name();
        }
        return offset > 0 ? " offset " + offset : "";
    }

    private static String sortKeys(List<SortKey> sortKeys, List<Column> input) {
        List<String> keys = new ArrayList<>();
        for (SortKey key : sortKeys) {
            keys.add(ExpressionText.names(new int[] {key.column()}, input) + (key.ascending() ? " ASC" : " DESC")
                    + (key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }
        return String.join(", ", keys);
    }
}
