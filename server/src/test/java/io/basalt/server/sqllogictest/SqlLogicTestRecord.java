package io.basalt.server.sqllogictest;

import java.util.List;

/**
 * One record of a sqllogictest file: a statement expected to succeed or fail, or a query with its expected
 * result. {@code line} is where the record starts in its file, for failure messages.
 */
sealed interface SqlLogicTestRecord {

    int line();

    String sql();

    /** {@code statement ok} */
    record StatementOk(int line, String sql) implements SqlLogicTestRecord {
    }

    /**
     * {@code statement error [SQLSTATE]}, optionally followed by {@code ----} and a text the error message
     * must contain.
     */
    record StatementError(int line, String sql, String sqlState, String messageFragment) implements SqlLogicTestRecord {
    }

    /**
     * {@code query <types> [rowsort|nosort]}: types is one letter per column (I integer, R floating or
     * decimal, T text, D date/time, B boolean); expected values are tab-separated, NULL as {@code NULL},
     * the empty string as {@code (empty)}.
     */
    record Query(int line, String sql, String types, boolean rowSort, List<String> expectedRows) implements SqlLogicTestRecord {
    }
}
