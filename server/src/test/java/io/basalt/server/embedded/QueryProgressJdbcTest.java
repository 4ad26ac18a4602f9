package io.basalt.server.embedded;

import io.basalt.jdbc.BasaltStatement;
import io.basalt.jdbc.QueryProgress;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryProgressJdbcTest {

    @Test
    void progressGrowsWhileRowsStreamAndReachesAllRowsAtTheEnd() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:")) {
            StreamingProgressCheck.progressGrowsWhileRowsStream(connection);
        }
    }

    @Test
    void anotherThreadPollsWhileTheStatementRuns() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            StreamingProgressCheck.createNumbers(statement);
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
            assertThat(end.rowsScanned()).isEqualTo(StreamingProgressCheck.ROWS).isEqualTo(end.rowsTotalEstimate());
            assertThat(end.pipelinesFinished()).isEqualTo(2).isEqualTo(end.pipelinesTotal());
            assertThat(polled).isNotEmpty().allSatisfy(progress -> assertThat(progress.rowsScanned())
                    .isLessThanOrEqualTo(StreamingProgressCheck.ROWS));
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
