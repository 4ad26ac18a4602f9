package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;

/** Short ways to write expressions and column lists in hand-built test plans. */
final class Plans {

    private Plans() {
    }

    /** A reference to column {@code index} of {@code node}'s output. */
    static ColumnReference column(PhysicalNode node, int index) {
        return new ColumnReference(index, node.output().get(index).type());
    }

    static Literal literal(Object value, LogicalType type) {
        return new Literal(value, type);
    }

    static List<Column> concat(List<Column> left, List<Column> right) {
        List<Column> columns = new ArrayList<>(left);
        columns.addAll(right);
        return columns;
    }

    static List<Column> nullable(List<Column> columns) {
        return columns.stream().map(column -> new Column(column.name(), column.type(), true)).toList();
    }

    /**
     * Rows as values nodes of {@code rowsPerPart} rows each under a UNION, so that they reach an operator as several
     * morsels (an empty list is one empty values node).
     */
    static PhysicalNode valuesInParts(List<Column> columns, List<List<Object>> rows, int rowsPerPart) {
        if (rows.isEmpty()) {
            return new ValuesNode(columns, List.of());
        }
        List<PhysicalNode> parts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerPart) {
            parts.add(new ValuesNode(columns, rows.subList(from, Math.min(rows.size(), from + rowsPerPart))));
        }
        return new UnionNode(parts, columns, rows.size());
    }

    static Column column(String name, LogicalType type) {
        return new Column(name, type, true);
    }

    static List<Expression> expressions(Expression... expressions) {
        return List.of(expressions);
    }
}
