package io.basalt.execution.expression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common subexpressions of a projection's expressions, computed once per batch. TPC-H Q1 projects
 * {@code l_extendedprice * (1 - l_discount)} and {@code l_extendedprice * (1 - l_discount) * (1 + l_tax)}: the optimizer
 * hands them over as separate trees, so without this the product and {@code 1 - l_discount} are computed twice.
 *
 * <p>A call that occurs at least twice (trees compare structurally) becomes a <em>shared</em> expression: it is
 * evaluated once into an extra column placed after the last input column the expressions read, and each
 * occurrence is rewritten into a reference to that column. Shared expressions are listed smallest first, so one
 * that contains another reads the other's column, which is computed before it.
 *
 * <p>Only occurrences that are evaluated for every row count: the arguments of CASE, COALESCE, IN, AND and OR
 * are evaluated on chosen rows only (a division guarded by a CASE must not run on the rows the CASE excludes), so
 * the search does not look inside them. RANDOM differs per occurrence and is never shared.
 */
public final class SharedSubexpressions {

    private final List<Expression> shared;
    private final List<Expression> rewritten;
    private final int firstSharedColumn;

    private SharedSubexpressions(List<Expression> shared, List<Expression> rewritten, int firstSharedColumn) {
        this.shared = shared;
        this.rewritten = rewritten;
        this.firstSharedColumn = firstSharedColumn;
    }

    /** Finds the common subexpressions of {@code expressions}. */
    public static SharedSubexpressions of(List<Expression> expressions) {
        Map<Expression, Integer> occurrences = new HashMap<>();
        for (Expression expression : expressions) {
            count(expression, occurrences);
        }
        List<Expression> repeated = new ArrayList<>();
        occurrences.forEach((expression, count) -> {
            if (count >= 2) {
                repeated.add(expression);
            }
        });
        List<Expression> common = repeatedOutsideOthers(repeated, expressions);
        if (common.isEmpty()) {
            return new SharedSubexpressions(List.of(), List.copyOf(expressions), 0);
        }
        common.sort(Comparator.comparingInt(SharedSubexpressions::size));
        int firstSharedColumn = 0;
        for (Expression expression : expressions) {
            for (int column : ExpressionColumns.used(expression)) {
                firstSharedColumn = Math.max(firstSharedColumn, column + 1);
            }
        }
        Map<Expression, ColumnReference> columns = new LinkedHashMap<>();
        List<Expression> shared = new ArrayList<>(common.size());
        for (Expression expression : common) {
            // Smaller shared expressions already have their columns: this one's definition reads them.
            shared.add(rewriteArguments(expression, columns));
            columns.put(expression, new ColumnReference(firstSharedColumn + columns.size(), expression.type()));
        }
        List<Expression> rewritten = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            rewritten.add(rewrite(expression, columns));
        }
        return new SharedSubexpressions(List.copyOf(shared), List.copyOf(rewritten), firstSharedColumn);
    }

    /** The shared expressions, in evaluation order; the {@code k}-th is read as column {@link #column}{@code (k)}. */
    public List<Expression> shared() {
        return shared;
    }

    /** The column the {@code k}-th shared expression's values are read from. */
    public int column(int k) {
        return firstSharedColumn + k;
    }

    /** The input columns {@code 0 .. count-1} the rewritten expressions read, after which the shared columns come. */
    public int inputColumns() {
        return firstSharedColumn;
    }

    /** The expressions, each occurrence of a shared one replaced by a reference to its column. */
    public List<Expression> rewritten() {
        return rewritten;
    }

    /**
     * The candidates (calls occurring at least twice) still occurring at least twice once the larger shared ones are
     * each computed once: a call repeated only inside one larger shared call (Q1's {@code 1 - l_discount}, inside the
     * shared {@code l_extendedprice * (1 - l_discount)}) is computed once anyway, and as a column of its own it would
     * hide its shape from the kernel of the call around it (a product computes a factor {@code 1 - column} row by row,
     * {@link ConstantAndColumn}, without a vector of it).
     */
    private static List<Expression> repeatedOutsideOthers(List<Expression> candidates, List<Expression> expressions) {
        List<Expression> largestFirst = new ArrayList<>(candidates);
        largestFirst.sort(Comparator.comparingInt(SharedSubexpressions::size).reversed());
        List<Expression> kept = new ArrayList<>();
        for (Expression candidate : largestFirst) {
            Set<Expression> computedOnce = new HashSet<>(kept);
            int uses = 0;
            for (Expression expression : expressions) {
                uses += uses(expression, candidate, computedOnce);
            }
            for (Expression larger : kept) {
                for (Expression argument : ((Call) larger).arguments()) {
                    uses += ExpressionCompiler.isLazy(((Call) larger).function()) ? 0 : uses(argument, candidate, computedOnce);
                }
            }
            if (uses >= 2) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** Occurrences of {@code candidate} in {@code expression} evaluated for every row, not looking into {@code computedOnce}. */
    private static int uses(Expression expression, Expression candidate, Set<Expression> computedOnce) {
        if (expression.equals(candidate)) {
            return 1;
        }
        if (!(expression instanceof Call call) || computedOnce.contains(call) || ExpressionCompiler.isLazy(call.function())) {
            return 0;
        }
        int uses = 0;
        for (Expression argument : call.arguments()) {
            uses += uses(argument, candidate, computedOnce);
        }
        return uses;
    }

    private static void count(Expression expression, Map<Expression, Integer> occurrences) {
        // A call of constants is folded into a constant when compiled: as a column it would lose that.
        if (!(expression instanceof Call call) || ExpressionColumns.used(call).length == 0 || callsRandom(call)) {
            return;
        }
        occurrences.merge(call, 1, Integer::sum);
        if (ExpressionCompiler.isLazy(call.function())) {
            return;
        }
        for (Expression argument : call.arguments()) {
            count(argument, occurrences);
        }
    }

    private static Expression rewrite(Expression expression, Map<Expression, ColumnReference> columns) {
        ColumnReference column = columns.get(expression);
        if (column != null) {
            return column;
        }
        return rewriteArguments(expression, columns);
    }

    private static Expression rewriteArguments(Expression expression, Map<Expression, ColumnReference> columns) {
        if (!(expression instanceof Call call) || ExpressionCompiler.isLazy(call.function())) {
            return expression;
        }
        List<Expression> arguments = new ArrayList<>(call.arguments().size());
        for (Expression argument : call.arguments()) {
            arguments.add(rewrite(argument, columns));
        }
        return new Call(call.function(), arguments, call.type());
    }

    /** Whether the tree calls RANDOM, whose value differs per occurrence. */
    private static boolean callsRandom(Expression expression) {
        if (!(expression instanceof Call call)) {
            return false;
        }
        if (call.function() == Function.RANDOM) {
            return true;
        }
        for (Expression argument : call.arguments()) {
            if (callsRandom(argument)) {
                return true;
            }
        }
        return false;
    }

    /** The number of nodes of the tree. */
    private static int size(Expression expression) {
        int size = 1;
        if (expression instanceof Call call) {
            for (Expression argument : call.arguments()) {
                size += size(argument);
            }
        }
        return size;
    }
}
