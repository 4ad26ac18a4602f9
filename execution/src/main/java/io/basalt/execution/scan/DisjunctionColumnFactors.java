package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.FailureAnalysis;
import io.basalt.execution.expression.Function;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One-column filters implied by an OR of conjunctions over several columns, such as TPC-H Q19's part filter
 * {@code (p_brand = 'Brand#12' AND p_container IN (…) AND p_size BETWEEN 1 AND 5) OR (p_brand = 'Brand#23' AND …) OR …}:
 * for a column that every branch tests, the OR of each branch's tests on it ({@code p_brand = 'Brand#12' OR p_brand
 * = 'Brand#23' OR …}) is TRUE on every row where the whole OR is TRUE (that row's TRUE branch passes its own tests on
 * the column). The scan applies such a factor as a column filter ({@link ColumnConjuncts}) — on a dictionary block
 * once per entry — before the OR itself, which then runs only at the rows the factors kept (it stays in the filter,
 * so the result is the same). Only tests that cannot fail are taken: a factor sees rows the OR's evaluation as
 * written might not have reached.
 */
final class DisjunctionColumnFactors {

    private DisjunctionColumnFactors() {
    }

    /**
     * The implied filter per column of {@code disjunction} (an OR; anything else has none), in the order the columns
     * first appear in its first branch; empty when no column is tested by every branch.
     */
    static Map<Integer, Expression> of(Expression disjunction) {
        if (!(disjunction instanceof Call call) || call.function() != Function.OR) {
            return Map.of();
        }
        List<Expression> branches = new ArrayList<>();
        flatten(call, Function.OR, branches);
        Map<Integer, Set<Expression>> byColumn = null;
        for (Expression branch : branches) {
            Map<Integer, Expression> tests = oneColumnTests(branch);
            if (byColumn == null) {
                byColumn = new LinkedHashMap<>();
                for (Map.Entry<Integer, Expression> test : tests.entrySet()) {
                    byColumn.computeIfAbsent(test.getKey(), column -> new LinkedHashSet<>()).add(test.getValue());
                }
            } else {
                byColumn.keySet().retainAll(tests.keySet());
                for (Map.Entry<Integer, Set<Expression>> column : byColumn.entrySet()) {
                    column.getValue().add(tests.get(column.getKey()));
                }
            }
            if (byColumn.isEmpty()) {
                return Map.of();
            }
        }
        Map<Integer, Expression> factors = new LinkedHashMap<>();
        // Branches that test a column alike (Q19's l_shipmode IN (…) in all three) give it one test, not an OR of copies.
        byColumn.forEach((column, tests) -> factors.put(column, tests.size() == 1 ? tests.iterator().next()
                : new Call(Function.OR, List.copyOf(tests), call.type())));
        return factors;
    }

    /** A branch's conjuncts that read one column and cannot fail, ANDed per column. */
    private static Map<Integer, Expression> oneColumnTests(Expression branch) {
        List<Expression> conjuncts = new ArrayList<>();
        flatten(branch, Function.AND, conjuncts);
        Map<Integer, List<Expression>> byColumn = new LinkedHashMap<>();
        for (Expression conjunct : conjuncts) {
            int[] columns = ColumnRemapper.referencedColumns(conjunct);
            if (columns.length == 1 && !FailureAnalysis.canFail(conjunct)) {
                byColumn.computeIfAbsent(columns[0], column -> new ArrayList<>()).add(conjunct);
            }
        }
        Map<Integer, Expression> tests = new LinkedHashMap<>();
        byColumn.forEach((column, parts) -> tests.put(column, parts.size() == 1 ? parts.get(0)
                : new Call(Function.AND, parts, parts.get(0).type())));
        return tests;
    }

    private static void flatten(Expression expression, Function junction, List<Expression> out) {
        if (expression instanceof Call call && call.function() == junction) {
            for (Expression argument : call.arguments()) {
                flatten(argument, junction, out);
            }
        } else {
            out.add(expression);
        }
    }
}
