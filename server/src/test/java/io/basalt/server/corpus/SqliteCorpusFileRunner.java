package io.basalt.server.corpus;

import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one file of SQLite's sqllogictest corpus on a fresh Basalt database and reports every record's outcome.
 *
 * <p>The file is parsed by the library's {@link SltTestFile}, which keeps the records meant for PostgreSQL
 * ({@code onlyif postgresql}, and everything without {@code onlyif} that is not {@code skipif postgresql}):
 * Basalt follows PostgreSQL's semantics. Unlike the library's executor, a failing statement does not end the file:
 * it is reported, and the records after it run anyway (they usually fail too, and are reported as well), so that
 * one unsupported statement costs only the queries that depend on it.
 */
final class SqliteCorpusFileRunner {

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private final String url;
    private final int queryTimeoutSeconds;
    private final OptionsParser.SuppliedOptions options;
    private final SltResultChecker checker;
    private boolean warmedUp;

    /**
     * @param url the JDBC URL of a database that is new and private to each connection ({@code jdbc:basalt:mem:})
     * @param queryTimeoutSeconds the time limit of each statement and query; one over it fails as a timeout
     */
    SqliteCorpusFileRunner(String url, int queryTimeoutSeconds) {
        this.url = url;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.options = new OptionsParser(false, SILENT, SILENT).getOptions();
        this.checker = new SltResultChecker(options);
    }

    /** Runs the corpus file with resource name {@code resource} (such as {@code test/select1.test}). */
    List<CorpusOutcome> run(String resource) throws IOException, SQLException {
        return run(resource, Integer.MAX_VALUE);
    }

    /** Runs the file's records up to its {@code queryLimit}-th query (the statements before it included). */
    List<CorpusOutcome> run(String resource, int queryLimit) throws IOException, SQLException {
        SltTestFile file = new SltTestFile(resource);
        file.parse(options);
        warmUp();
        String name = resource.startsWith("test/") ? resource.substring("test/".length()) : resource;
        List<CorpusOutcome> outcomes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            int position = 0;
            int queries = 0;
            for (ISqlTestOperation operation : file.fileContents) {
                String key = name + ":" + ++position;
                SltSqlStatement statement = operation.as(SltSqlStatement.class);
                if (statement != null) {
                    outcomes.add(runStatement(connection, key, statement));
                } else if (queries++ == queryLimit) {
                    break;
                } else {
                    outcomes.add(runQuery(connection, key, operation.to(SILENT, SqlTestQuery.class)));
                }
            }
        }
        return outcomes;
    }

    /**
     * Before the first file, one table is created, filled and read on a database of its own, without a time limit:
     * the first statement of a fresh JVM loads and initialises the planner and the engine, which on a loaded machine
     * took longer than the limit, and a file's first statement is the INSERT every later table is copied from
     * ({@code index/random/10/slt_good_0} lost a row of each of its five tables that way, and 1,215 queries).
     */
    private void warmUp() throws SQLException {
        if (warmedUp) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url); Statement jdbc = connection.createStatement()) {
            jdbc.execute("CREATE TABLE warm_up (a INTEGER, b VARCHAR, c DECIMAL(10,2))");
            jdbc.execute("INSERT INTO warm_up VALUES (1, 'one', 1.5), (2, NULL, NULL)");
            try (ResultSet rows = jdbc.executeQuery("SELECT a + 1, b, SUM(c) FROM warm_up WHERE a > 0 GROUP BY a, b")) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
        warmedUp = true;
    }

    private CorpusOutcome runStatement(Connection connection, String key, SltSqlStatement statement) {
        String failure;
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setQueryTimeout(queryTimeoutSeconds);
            jdbc.execute(statement.statement);
            failure = statement.shouldPass ? null : "statement should have failed";
        } catch (SQLException e) {
            failure = statement.shouldPass ? describe(e) : null;
        }
        return new CorpusOutcome(key, false, statement.statement, failure);
    }

    private CorpusOutcome runQuery(Connection connection, String key, SqlTestQuery query) {
        String failure;
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setQueryTimeout(queryTimeoutSeconds);
            try (ResultSet resultSet = jdbc.executeQuery(query.getQuery())) {
                failure = checker.mismatch(query, resultSet).orElse(null);
            }
        } catch (SQLException e) {
            failure = describe(e);
        } catch (RuntimeException e) {
            // A driver or engine bug (an exception that is not an SQLException) is a failure of this query alone.
            failure = "exception " + e;
        }
        return new CorpusOutcome(key, true, query.getQuery(), failure);
    }

    private static String describe(SQLException e) {
        if (e instanceof SQLTimeoutException) {
            return "timeout";
        }
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return e.getSQLState() + " " + (newline < 0 ? message : message.substring(0, newline));
    }
}
