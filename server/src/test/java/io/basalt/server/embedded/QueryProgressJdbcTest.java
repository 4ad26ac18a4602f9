package io.basalt.server.embedded;

import io.basalt.jdbc.BasaltStatement;
import io.basalt.jdbc.QueryProgress;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryProgressJdbcTest {

    /** 1,001,000 rows: 8 morsels of one segment, more than the result window of one worker lets run ahead. */
    private static final long ROWS = 1_001_000;

    /** A thousand rows, then a thousand times a thousand more: a table large enough for many scan morsels. */
    static void createNumbers(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE numbers (n BIGINT)");
        StringJoiner values = new StringJoiner(", ", "INSERT INTO numbers VALUES ", "");
        for (int i = 0; i < 1000; i++) {
            values.add("(" + i + ")");
        }
        statement.execute(values.toString());
        statement.execute("INSERT INTO numbers SELECT a.n * 1000 + b.n FROM numbers a CROSS JOIN numbers b");
    }

    @Test
    void progressGrowsWhileRowsStreamAndReachesAllRowsAtTheEnd() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            createNumbers(statement);
            statement.execute("SET threads = 1");
            BasaltStatement basalt = statement.unwrap(BasaltStatement.class);

            List<QueryProgress> seen = new ArrayList<>();
            long rows = 0;
            try (ResultSet result = statement.executeQuery("SELECT n FROM numbers")) {
                while (result.next()) {
                    if (rows++ % 100_000 == 0) {
                        seen.add(basalt.progress());
                    }
                }
            }
            QueryProgress end = basalt.progress();

            assertThat(rows).isEqualTo(ROWS);
            assertThat(seen.get(0).countsKnown()).isTrue();
            assertThat(seen.get(0).rowsTotalEstimate()).isEqualTo(ROWS);
            // One worker runs at most two morsels ahead of the reader: the scan cannot be done at the first row.
            assertThat(seen.get(0).percent().getAsDouble()).isLessThan(100.0);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).rowsScanned()).isGreaterThanOrEqualTo(seen.get(i - 1).rowsScanned());
            }
            assertThat(seen.get(seen.size() - 1).rowsScanned()).isGreaterThan(seen.get(0).rowsScanned());
            assertThat(end.rowsScanned()).isEqualTo(ROWS);
            assertThat(end.percent().getAsDouble()).isEqualTo(100.0);
            assertThat(end.bytesScanned()).isPositive();
            assertThat(end.pipelinesFinished()).isEqualTo(end.pipelinesTotal()).isEqualTo(1);
            assertThat(end.elapsed()).isPositive();
        }
    }

    @Test
    void anotherThreadPollsWhileTheStatementRuns() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            createNumbers(statement);
            BasaltStatement basalt = statement.unwrap(BasaltStatement.class);
            statement.execute("SELECT 1"); // progress() needs an execution to report on
            List<QueryProgress> polled = new CopyOnWriteArrayList<>();
            AtomicBoolean done = new AtomicBoolean();
            Thread poller = new Thread(() -> {
                try {
                    while (!done.get()) {
                        polled.add(basalt.progress());
                        Thread.onSpinWait();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            poller.start();
            long sum;
            try (ResultSet result = statement.executeQuery("SELECT sum(n), count(*) FROM numbers WHERE n % 7 = 3")) {
                assertThat(result.next()).isTrue();
                sum = result.getLong(2);
                assertThat(result.next()).isFalse(); // the last pipeline ends with its rows
            }
            done.set(true);
            poller.join();

            assertThat(sum).isPositive();
            QueryProgress end = basalt.progress();
            assertThat(end.rowsScanned()).isEqualTo(ROWS).isEqualTo(end.rowsTotalEstimate());
            assertThat(end.pipelinesFinished()).isEqualTo(2).isEqualTo(end.pipelinesTotal());
            assertThat(polled).isNotEmpty().allSatisfy(progress -> assertThat(progress.rowsScanned())
                    .isLessThanOrEqualTo(ROWS));
        }
    }

    @Test
    void progressBeforeAnyExecutionIsASequenceError() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            BasaltStatement basalt = statement.unwrap(BasaltStatement.class);
            assertThatThrownBy(basalt::progress).isInstanceOf(SQLException.class)
                    .hasMessageContaining("has not run yet")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY010"));
        }
    }

    @Test
    void anotherStatementOfTheConnectionLeavesOnlyTheElapsedTime() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement first = connection.createStatement(); Statement second = connection.createStatement()) {
            first.execute("CREATE TABLE t (x INT)");
            first.executeQuery("SELECT x FROM t").close();
            second.execute("SELECT 1");

            QueryProgress stale = first.unwrap(BasaltStatement.class).progress();

            assertThat(stale.countsKnown()).isFalse();
            assertThat(stale.percent()).isEmpty();
            assertThat(second.unwrap(BasaltStatement.class).progress().countsKnown()).isTrue();
        }
    }
}
