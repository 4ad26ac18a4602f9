package io.basalt.server.corpus;

import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Checks one query's result the way the corpus defines it, by the library's own {@link JdbcExecutor#validate}:
 * values rendered per column type ({@code I} as an integer, {@code R} with three decimals, {@code T} as text),
 * sorted as the query asks ({@code nosort}, {@code rowsort}, {@code valuesort}), then compared with the listed
 * values or with their MD5 hash. The executor is used only for that; statements are run by
 * {@link SqliteCorpusFileRunner}, which keeps going after a failure where the library's executor would abandon
 * the file.
 */
final class SltResultChecker extends JdbcExecutor {

    SltResultChecker(OptionsParser.SuppliedOptions options) {
        super(options, "", "", "");
    }

    /** Why {@code resultSet} is not the expected result of {@code query}, or empty when it is. */
    Optional<String> mismatch(SqlTestQuery query, ResultSet resultSet) throws SQLException {
        TestStatistics statistics = new TestStatistics(false, 0);
        try {
            validate(query, resultSet, query.outputDescription, statistics);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
        if (statistics.getFailedTestCount() == 0) {
            return Optional.empty();
        }
        // The failure's text is only reachable through the printed statistics: "ERROR: <what differs>".
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        statistics.printStatistics(new PrintStream(printed, true, StandardCharsets.UTF_8));
        return Optional.of(printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("ERROR: "))
                .map(line -> line.substring("ERROR: ".length()))
                .findFirst().orElse("wrong result"));
    }
}
