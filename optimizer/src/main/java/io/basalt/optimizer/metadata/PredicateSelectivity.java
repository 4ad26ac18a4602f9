package io.basalt.optimizer.metadata;

import io.basalt.optimizer.statistics.ColumnStatistics;
import io.basalt.optimizer.statistics.ValuePositions;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;
import org.apache.calcite.util.RangeSets;
import org.apache.calcite.util.Sarg;
import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The share of a table's rows a predicate keeps, from the columns' statistics: equality keeps one distinct value's
 * share ({@code 1 / ndv} of the non-null rows, none when the constant lies outside the column's range), ranges
 * (comparisons, BETWEEN, Calcite's SEARCH) the share of {@code [min, max]} they cover, IN lists one share per
 * value, {@code IS [NOT] NULL} the null fraction, {@code LIKE 'prefix%'} the range of the prefix, and column
 * equalities {@code 1 / max(ndv)}. Conjuncts multiply (independence), OR adds up what the branches keep beyond each
 * other. What the statistics cannot judge gets Calcite's guess; without statistics everything does.
 */
final class PredicateSelectivity {

    /** LIKE patterns that are not a plain prefix: a guess, lower than Calcite's 0.25 for any predicate. */
    private static final double LIKE_GUESS = 0.1;

    private final IntFunction<@Nullable ColumnStatistics> columns;

    /** @param columns the statistics of an input column, or null when unknown */
    PredicateSelectivity(IntFunction<@Nullable ColumnStatistics> columns) {
        this.columns = columns;
    }

    double of(@Nullable RexNode predicate) {
        if (predicate == null || predicate.isAlwaysTrue()) {
            return 1.0;
        }
        if (predicate.isAlwaysFalse()) {
            return 0.0;
        }
        double selectivity = 1.0;
        for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
            selectivity *= conjunct(conjunct);
        }
        return selectivity;
    }

    private double conjunct(RexNode node) {
        switch (node.getKind()) {
            case OR: {
                double kept = 0.0;
                for (RexNode branch : ((RexCall) node).getOperands()) {
                    double branchKept = of(branch);
                    kept = kept + branchKept - kept * branchKept;
                }
                return kept;
            }
            case AND:
                return of(node);
            case NOT: {
                return 1.0 - of(((RexCall) node).getOperands().get(0));
            }
            default:
                break;
        }
        Double known = fromStatistics(node);
        return known != null ? known : RelMdUtil.guessSelectivity(node);
    }

    private @Nullable Double fromStatistics(RexNode node) {
        if (!(node instanceof RexCall call)) {
            return null;
        }
        List<RexNode> operands = call.getOperands();
        switch (call.getKind()) {
            case IS_NULL:
            case IS_NOT_NULL: {
                ColumnStatistics column = statistics(operands.get(0));
                if (column == null) {
                    return null;
                }
                return call.getKind() == SqlKind.IS_NULL ? column.nullFraction() : 1.0 - column.nullFraction();
            }
            case EQUALS:
            case NOT_EQUALS:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
                return comparison(call.getKind(), operands.get(0), operands.get(1));
            case SEARCH:
                return search(operands.get(0), operands.get(1));
            case LIKE:
                return like(operands);
            default:
                return null;
        }
    }

    private @Nullable Double comparison(SqlKind kind, RexNode left, RexNode right) {
        if (left instanceof RexLiteral && !(right instanceof RexLiteral)) {
            return comparison(kind.reverse(), right, left);
        }
        ColumnStatistics column = statistics(left);
        if (column == null) {
            return null;
        }
        if (!(right instanceof RexLiteral literal)) {
            ColumnStatistics other = statistics(right);
            if (other == null || kind != SqlKind.EQUALS) {
                return null;
            }
            return nonNull(column) * nonNull(other) / Math.max(1.0, Math.max(column.distinct(), other.distinct()));
        }
        if (literal.isNull()) {
            return 0.0; // comparing with NULL is never TRUE
        }
        double position = ValuePositions.of(value(literal));
        switch (kind) {
            case EQUALS:
                return point(column, position);
            case NOT_EQUALS:
                return nonNull(column) - point(column, position);
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
                return range(column, Double.NEGATIVE_INFINITY, position);
            default:
                return range(column, position, Double.POSITIVE_INFINITY);
        }
    }

    /** SEARCH(column, Sarg): points and ranges of one column (IN lists, BETWEEN, ranges Calcite merged). */
    private @Nullable Double search(RexNode operand, RexNode sargLiteral) {
        ColumnStatistics column = statistics(operand);
        if (column == null || !(sargLiteral instanceof RexLiteral literal)) {
            return null;
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null) {
            return null;
        }
        double kept = 0.0;
        if (sarg.isComplementedPoints()) {
            for (Object excluded : sarg.negate().rangeSet.asRanges()) {
                kept += point(column, ValuePositions.of(((Range<?>) excluded).lowerEndpoint()));
            }
            kept = Math.max(0.0, nonNull(column) - kept);
        } else {
            for (Range<?> range : sarg.rangeSet.asRanges()) {
                if (RangeSets.isPoint(range)) {
                    kept += point(column, ValuePositions.of(range.lowerEndpoint()));
                } else {
                    double low = range.hasLowerBound() ? ValuePositions.of(range.lowerEndpoint()) : Double.NEGATIVE_INFINITY;
                    double high = range.hasUpperBound() ? ValuePositions.of(range.upperEndpoint()) : Double.POSITIVE_INFINITY;
                    Double share = range(column, low, high);
                    if (share == null) {
                        return null;
                    }
                    // An open bound that is a value of the column excludes that value's rows.
                    if (range.hasLowerBound() && range.lowerBoundType() == BoundType.OPEN) {
                        share -= point(column, low);
                    }
                    if (range.hasUpperBound() && range.upperBoundType() == BoundType.OPEN) {
                        share -= point(column, high);
                    }
                    kept += Math.max(0.0, share);
                }
            }
        }
        if (sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE) {
            kept += column.nullFraction();
        }
        return Math.min(1.0, kept);
    }

    /** {@code column LIKE 'prefix%'} keeps the rows in the prefix's range; other patterns get a guess. */
    private @Nullable Double like(List<RexNode> operands) {
        ColumnStatistics column = statistics(operands.get(0));
        if (column == null || !(operands.get(1) instanceof RexLiteral literal) || operands.size() > 2) {
            return null;
        }
        NlsString pattern = literal.getValueAs(NlsString.class);
        if (pattern == null) {
            return null;
        }
        String text = pattern.getValue();
        int wildcard = firstWildcard(text);
        if (wildcard < 0) {
            return point(column, ValuePositions.of(text)); // no wildcard: equality
        }
        if (wildcard == 0 || wildcard != text.length() - 1 || text.charAt(wildcard) != '%') {
            return LIKE_GUESS;
        }
        String prefix = text.substring(0, wildcard);
        String next = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        Double share = range(column, ValuePositions.of(prefix), ValuePositions.of(next));
        return share == null ? LIKE_GUESS : Math.max(share, 1.0 / Math.max(1.0, column.rows()));
    }

    /** A literal's value in the form Sarg bounds have (getValue() gives dates as Calendars). */
    private static @Nullable Object value(RexLiteral literal) {
        switch (literal.getTypeName()) {
            case DATE:
                return literal.getValueAs(DateString.class);
            case TIMESTAMP:
                return literal.getValueAs(TimestampString.class);
            case CHAR:
            case VARCHAR:
                return literal.getValueAs(NlsString.class);
            case BOOLEAN:
                return literal.getValueAs(Boolean.class);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DECIMAL:
            case REAL:
            case FLOAT:
            case DOUBLE:
                return literal.getValueAs(BigDecimal.class);
            default:
                return null;
        }
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '%' || pattern.charAt(i) == '_') {
                return i;
            }
        }
        return -1;
    }

    /** The share of rows equal to one constant. */
    private static double point(ColumnStatistics column, double position) {
        if (column.hasRange() && !Double.isNaN(position) && (position < column.low() || position > column.high())) {
            return 0.0;
        }
        return nonNull(column) / Math.max(1.0, column.distinct());
    }

    /** The share of rows within {@code [low, high]}, assuming values spread evenly over the column's range. */
    private static @Nullable Double range(ColumnStatistics column, double low, double high) {
        if (!column.hasRange() || Double.isNaN(low) || Double.isNaN(high)) {
            return null;
        }
        double from = Math.max(low, column.low());
        double to = Math.min(high, column.high());
        if (from > to) {
            return 0.0;
        }
        double width = column.high() - column.low();
        double share = width <= 0 ? 1.0 : (to - from) / width;
        // A range holds at least one distinct value's rows when it reaches into the column's range at all.
        return nonNull(column) * Math.max(share, 1.0 / Math.max(1.0, column.distinct()));
    }

    private static double nonNull(ColumnStatistics column) {
        return 1.0 - column.nullFraction();
    }

    /** The statistics of a column reference (possibly cast), or null. */
    private @Nullable ColumnStatistics statistics(RexNode node) {
        RexNode stripped = node;
        if (stripped.getKind() == SqlKind.CAST) {
            stripped = ((RexCall) stripped).getOperands().get(0);
        }
        return stripped instanceof RexInputRef reference ? columns.apply(reference.getIndex()) : null;
    }
}
