package io.basalt.execution.plan;

import java.util.ArrayList;
import java.util.List;

/** EXPLAIN's line for a {@link WindowNode}: its specification and functions, by input column name. */
final class WindowText {

    private WindowText() {
    }

    static String of(WindowNode window) {
        List<Column> input = window.input().output();
        List<String> order = new ArrayList<>();
        for (SortKey key : window.orderKeys()) {
            order.add(ExpressionText.names(new int[] {key.column()}, input) + (key.ascending() ? " ASC" : " DESC")
                    + (key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }
        List<String> functions = new ArrayList<>();
        for (WindowFunction function : window.functions()) {
            functions.add(function.name() + " := " + call(function, input));
        }
        return "Window partition by [" + ExpressionText.names(window.partitionKeys(), input) + "] order by ["
                + String.join(", ", order) + "] functions [" + String.join(", ", functions) + "]";
    }

    private static String call(WindowFunction function, List<Column> input) {
        String arguments = ExpressionText.names(function.arguments(), input);
        switch (function.kind()) {
            case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST:
                return function.kind() + "()";
            case NTILE:
                return "NTILE(" + function.constant() + ")";
            case LAG, LEAD:
                return function.kind() + "(" + arguments + ", offset " + function.constant() + ")";
            case FIRST_VALUE, LAST_VALUE:
                return function.kind() + "(" + arguments + ") " + function.frame();
            case NTH_VALUE:
                return "NTH_VALUE(" + arguments + ", " + function.constant() + ") " + function.frame();
            default:
                String name = function.aggregate() == AggregateFunction.COUNT_STAR ? "COUNT" : function.aggregate().name();
                String text = function.aggregate() == AggregateFunction.COUNT_STAR ? "*" : arguments;
                return name + "(" + text + ") " + function.frame();
        }
    }
}
