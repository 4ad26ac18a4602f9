package io.basalt.tpch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Compares a query's result with its reference answer, row by row in order, and names the first
 * difference. Numbers match within a relative 1e-9, or an absolute 0.01 where the reference prints a money
 * amount (at most two decimals), because reference files print averages as doubles and sums at their
 * DECIMAL scale; text matches exactly except for trailing blanks (CHAR padding); an empty reference field
 * is NULL and must be NULL.
 */
public final class AnswerComparator {

    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final BigDecimal MONEY_TOLERANCE = new BigDecimal("0.01");

    private AnswerComparator() {
    }

    /** The first difference, or empty when the result matches. {@code actual} values as JDBC returns them. */
    public static Optional<String> firstDifference(ExpectedAnswer expected, List<List<Object>> actual) {
        int columns = expected.columns().size();
        for (int row = 0; row < Math.min(expected.rows().size(), actual.size()); row++) {
            List<String> expectedRow = expected.rows().get(row);
            List<Object> actualRow = actual.get(row);
            if (actualRow.size() != columns) {
                return Optional.of("row " + (row + 1) + " has " + actualRow.size() + " columns, expected " + columns);
            }
            for (int column = 0; column < columns; column++) {
                String want = expectedRow.get(column);
                Object got = actualRow.get(column);
                if (!matches(want, got)) {
                    return Optional.of("row " + (row + 1) + ", column " + (column + 1) + " (" + expected.columns().get(column)
                            + "): expected " + (want.isEmpty() ? "NULL" : "'" + want + "'") + ", got "
                            + (got == null ? "NULL" : "'" + got + "'"));
                }
            }
        }
        if (expected.rows().size() != actual.size()) {
            return Optional.of("expected " + expected.rows().size() + " rows, got " + actual.size());
        }
        return Optional.empty();
    }

    static boolean matches(String expected, Object actual) {
        if (expected.isEmpty() || actual == null) {
            return expected.isEmpty() && (actual == null || actual.toString().isEmpty());
        }
        if (actual instanceof Number number) {
            BigDecimal want;
            try {
                want = new BigDecimal(expected);
            } catch (NumberFormatException e) {
                return false;
            }
            BigDecimal got = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            BigDecimal difference = want.subtract(got).abs();
            if (want.scale() <= 2 && difference.compareTo(MONEY_TOLERANCE) <= 0) {
                return true;
            }
            return difference.doubleValue() <= RELATIVE_TOLERANCE * Math.max(Math.abs(want.doubleValue()), 1e-300)
                    || difference.signum() == 0;
        }
        return stripTrailingBlanks(expected).equals(stripTrailingBlanks(actual.toString()));
    }

    private static String stripTrailingBlanks(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}
