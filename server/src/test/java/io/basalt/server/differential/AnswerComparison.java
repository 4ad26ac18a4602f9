package io.basalt.server.differential;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares Basalt's answer to a query with DuckDB's. Rows are compared in order when the query's ORDER BY makes
 * the order total, otherwise as multisets (both sides sorted by a canonical key first). Numbers are equal when
 * they differ by at most a relative {@value #RELATIVE_TOLERANCE}: aggregates over doubles add in an order that
 * depends on the engine, and AVG of integers is NUMERIC in PostgreSQL (so in Basalt) but DOUBLE in DuckDB.
 */
final class AnswerComparison {

    static final double RELATIVE_TOLERANCE = 1e-9;
    /** Numbers in the sort key are rounded to this many digits, so that nearly equal numbers sort alike. */
    private static final MathContext SORT_PRECISION = new MathContext(8);

    private AnswerComparison() {
    }

    /** How Basalt's answer differs from DuckDB's, or empty when they agree (also when both report an error). */
    static Optional<String> difference(QueryAnswer basalt, QueryAnswer duckDb, boolean ordered) {
        if (basalt.error() != null || duckDb.error() != null) {
            if (basalt.error() != null && duckDb.error() != null) {
                return Optional.empty();
            }
            return Optional.of(basalt.error() != null ? "only Basalt fails: " + basalt.error()
                    : "only DuckDB fails: " + duckDb.error());
        }
        if (basalt.rows().size() != duckDb.rows().size()) {
            return Optional.of("Basalt returns " + basalt.rows().size() + " rows, DuckDB " + duckDb.rows().size());
        }
        List<List<Object>> left = ordered ? basalt.rows() : sorted(basalt.rows());
        List<List<Object>> right = ordered ? duckDb.rows() : sorted(duckDb.rows());
        for (int i = 0; i < left.size(); i++) {
            if (!rowsEqual(left.get(i), right.get(i))) {
                return Optional.of("row " + (i + 1) + (ordered ? "" : " (sorted)") + ": Basalt " + left.get(i)
                        + ", DuckDB " + right.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean rowsEqual(List<Object> left, List<Object> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!valuesEqual(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean valuesEqual(Object left, Object right) {
        if (left instanceof BigDecimal && right instanceof BigDecimal) {
            BigDecimal a = (BigDecimal) left;
            BigDecimal b = (BigDecimal) right;
            if (a.compareTo(b) == 0) {
                return true;
            }
            double scale = Math.max(Math.abs(a.doubleValue()), Math.abs(b.doubleValue()));
            return Math.abs(a.subtract(b).doubleValue()) <= RELATIVE_TOLERANCE * scale;
        }
        return Objects.equals(left, right);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(AnswerComparison::sortKey));
        return copy;
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            if (value == null) {
                key.append("\u0000");
            } else if (value instanceof BigDecimal) {
                key.append(((BigDecimal) value).round(SORT_PRECISION).stripTrailingZeros().toPlainString());
            } else {
                key.append(value);
            }
            key.append('\u0001');
        }
        return key.toString();
    }
}
