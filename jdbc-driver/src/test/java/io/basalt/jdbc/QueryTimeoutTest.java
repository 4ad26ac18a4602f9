package io.basalt.jdbc;

import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.testing.FakeDatabase;
import io.basalt.jdbc.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;

import static io.basalt.jdbc.testing.Columns.bigint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Query timeouts use the real timer, so these tests wait about a second each. They check behaviour, not
 * speed: the fakes block until they are cancelled (or give up after 30 s).
 */
class QueryTimeoutTest {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;

    QueryTimeoutTest() throws SQLException {
        connection = DriverManager.getConnection(database.url());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aStatementRunningPastItsTimeoutIsCancelled() throws SQLException {
        database.answer(execution -> {
            throw database.awaitCancel();
        });
        Statement statement = connection.createStatement();
        statement.setQueryTimeout(1);
        assertThatThrownBy(() -> statement.execute("select slow"))
                .isInstanceOfSatisfying(SQLTimeoutException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("57014");
                    assertThat(e.getMessage()).isEqualTo("the query was cancelled after the query timeout of 1 second");
                    assertThat(e.getCause()).hasMessage("canceling statement due to user request");
                });
        assertThat(database.cancelCount()).isEqualTo(1);
    }

    @Test
    void theTimeoutCoversRowsThatAreStillBeingProduced() throws SQLException {
        database.answer(execution -> ExecutionResult.rows(
                Rows.of(bigint("n")).row(1L).cursor().blockUntilCancelled(database)));
        Statement statement = connection.createStatement();
        statement.setQueryTimeout(1);
        ResultSet rs = statement.executeQuery("select slow");
        assertThat(rs.next()).isTrue();
        assertThatThrownBy(rs::next).isInstanceOf(SQLTimeoutException.class);
        assertThat(database.cancelCount()).isEqualTo(1);
        assertThat(rs.isClosed()).isTrue();
    }

    @Test
    void aQueryThatFinishesInTimeIsNeverCancelled() throws SQLException, InterruptedException {
        database.answer(execution -> execution.sql().startsWith("select")
                ? Rows.of(bigint("n")).row(1L).result() : ExecutionResult.updateCount(0));
        Statement statement = connection.createStatement();
        statement.setQueryTimeout(1);
        ResultSet rs = statement.executeQuery("select fast");
        while (rs.next()) {
            rs.getLong(1);
        }
        assertThat(statement.executeUpdate("insert fast")).isZero();
        Thread.sleep(1_500);
        assertThat(database.cancelCount()).isZero();
    }
}
