package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.expression.FailureAnalysis;
import io.basalt.execution.expression.Function;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conjuncts of a scan's residual filter (what {@link ColumnRanges} left) that each read one column and cannot
 * raise an error ({@code l_shipmode IN ('MAIL', 'SHIP')}, {@code l_shipinstruct = 'DELIVER IN PERSON'}), ANDed per
 * column. The scan applies them one column at a time as a narrowing selection, like the ranges: on a
 * dictionary-encoded block once per distinct value ({@link DictionaryFilter}) and then by code, elsewhere on the
 * column's values at the rows still wanted. So {@code IN} lists and equalities on text become code sets per block,
 * and each later column is read only at the rows the earlier ones kept. {@link #rest()} runs afterwards.
 *
 * <p>An OR over several columns stays in the rest, but the one-column tests it implies
 * ({@link DisjunctionColumnFactors}: {@code p_brand = 'Brand#12' OR p_brand = 'Brand#23'} from TPC-H Q19's part
 * filter) join the column filters, so the OR is evaluated only at the rows they keep.
 *
 * <p>Only conjuncts that cannot fail move ahead: one that can (a division) stays in the rest, where it sees
 * no more rows than before — so no error is raised that evaluating the AND as written would not raise.
 */
final class ColumnConjuncts {

    /** Rows whose value in scan output column {@code column} passes {@code filter}, compiled over that column alone. */
    record ColumnFilter(int column, CompiledExpression filter) {
    }

    private final List<ColumnFilter> filters;
    private final Optional<Expression> rest;

    private ColumnConjuncts(List<ColumnFilter> filters, Optional<Expression> rest) {
        this.filters = List.copyOf(filters);
        this.rest = rest;
    }

    static ColumnConjuncts of(Optional<Expression> residual) {
        if (residual.isEmpty()) {
            return new ColumnConjuncts(List.of(), Optional.empty());
        }
        List<Expression> conjuncts = new ArrayList<>();
        ColumnRanges.flatten(residual.get(), conjuncts);
        Map<Integer, List<Expression>> byColumn = new LinkedHashMap<>();
        List<Expression> others = new ArrayList<>();
        for (Expression conjunct : conjuncts) {
            int[] columns = ColumnRemapper.referencedColumns(conjunct);
            if (columns.length == 1 && !FailureAnalysis.canFail(conjunct)) {
                byColumn.computeIfAbsent(columns[0], column -> new ArrayList<>()).add(conjunct);
            } else {
                others.add(conjunct);
                DisjunctionColumnFactors.of(conjunct).forEach((column, factor) ->
                        byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(factor));
            }
        }
        List<ColumnFilter> filters = new ArrayList<>();
        byColumn.forEach((column, parts) -> filters.add(new ColumnFilter(column,
                ExpressionCompiler.compile(ColumnRemapper.remap(and(parts, residual.get()), new int[] {column})))));
        Optional<Expression> rest = others.isEmpty() ? Optional.empty() : Optional.of(and(others, residual.get()));
        return new ColumnConjuncts(filters, rest);
    }

    private static Expression and(List<Expression> conjuncts, Expression whole) {
        return conjuncts.size() == 1 ? conjuncts.get(0) : new Call(Function.AND, conjuncts, whole.type());
    }

    /** One filter per column, in the order the columns first appear in the residual. */
    List<ColumnFilter> filters() {
        return filters;
    }

    /** The conjuncts that read several columns (or none) or can fail, ANDed; empty when there are none. */
    Optional<Expression> rest() {
        return rest;
    }
}
