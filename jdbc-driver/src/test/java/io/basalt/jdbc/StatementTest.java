package io.basalt.jdbc;

import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.testing.FakeDatabase;
import io.basalt.jdbc.testing.Rows;
import io.basalt.jdbc.testing.ScriptedCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.basalt.jdbc.testing.Columns.bigint;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementTest {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;

    StatementTest() throws SQLException {
        connection = DriverManager.getConnection(database.url());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    /** Answers SELECT with the rows given, anything else with an update count of 3. */
    private List<ScriptedCursor> answerSelectsWith(Rows rows) {
        List<ScriptedCursor> cursors = new ArrayList<>();
        database.answer(execution -> {
            if (execution.sql().startsWith("select")) {
                ScriptedCursor cursor = rows.cursor();
                cursors.add(cursor);
                return ExecutionResult.rows(cursor);
            }
            return ExecutionResult.updateCount(3);
        });
        return cursors;
    }

    @Test
    void executeTellsRowsFromCounts() throws SQLException {
        answerSelectsWith(Rows.of(bigint("n")).row(1L));
        Statement statement = connection.createStatement();
        assertThat(statement.execute("select n from t")).isTrue();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
        ResultSet rs = statement.getResultSet();
        assertThat(rs.next()).isTrue();
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(rs.isClosed()).isTrue();
        assertThat(statement.getResultSet()).isNull();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);

        assertThat(statement.execute("delete from t")).isFalse();
        assertThat(statement.getResultSet()).isNull();
        assertThat(statement.getUpdateCount()).isEqualTo(3);
        assertThat(statement.getLargeUpdateCount()).isEqualTo(3L);
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
    }

    @Test
    void theSqlReachesTheSessionAsWrittenWithoutParameters() throws SQLException {
        connection.createStatement().execute("select  1 -- as written");
        assertThat(database.lastExecution().sql()).isEqualTo("select  1 -- as written");
        assertThat(database.lastExecution().parameters()).isEmpty();
        assertThat(database.lastExecution().prepared()).isFalse();
    }

    @Test
    void executeQueryNeedsRowsAndExecuteUpdateNeedsACount() throws SQLException {
        List<ScriptedCursor> cursors = answerSelectsWith(Rows.of(bigint("n")).row(1L));
        Statement statement = connection.createStatement();
        assertSqlState(() -> statement.executeQuery("insert into t values (1)"), "02000")
                .hasMessageContaining("use executeUpdate or execute");
        assertSqlState(() -> statement.executeUpdate("select 1"), "0100E")
                .hasMessageContaining("use executeQuery or execute");
        assertThat(cursors.get(0).isClosed()).isTrue();
        assertThat(statement.executeUpdate("insert into t values (1)")).isEqualTo(3);
        assertThat(statement.executeLargeUpdate("insert into t values (1)")).isEqualTo(3L);
        assertThat(statement.executeQuery("select 1").next()).isTrue();
    }

    @Test
    void countsBeyondAnIntNeedTheLargeMethods() throws SQLException {
        database.answer(execution -> ExecutionResult.updateCount(5_000_000_000L));
        Statement statement = connection.createStatement();
        assertThat(statement.executeLargeUpdate("delete from big")).isEqualTo(5_000_000_000L);
        assertThat(statement.getLargeUpdateCount()).isEqualTo(5_000_000_000L);
        assertSqlState(statement::getUpdateCount, "22003").hasMessageContaining("use executeLargeUpdate");
        assertSqlState(() -> statement.executeUpdate("delete from big"), "22003");
    }

    @Test
    void executingAgainClosesThePreviousResult() throws SQLException {
        List<ScriptedCursor> cursors = answerSelectsWith(Rows.of(bigint("n")).row(1L).row(2L));
        Statement statement = connection.createStatement();
        ResultSet first = statement.executeQuery("select 1");
        first.next();
        ResultSet second = statement.executeQuery("select 2");
        assertThat(first.isClosed()).isTrue();
        assertThat(cursors.get(0).isClosed()).isTrue();
        assertThat(second.next()).isTrue();
    }

    @Test
    void settingsReachTheSessionAsExecutionOptions() throws SQLException {
        Statement statement = connection.createStatement();
        statement.setFetchSize(250);
        statement.setMaxRows(10);
        statement.setQueryTimeout(30);
        statement.execute("insert into t values (1)");
        assertThat(database.lastExecution().options()).isEqualTo(new ExecutionOptions(250, 10, 30));
        statement.setLargeMaxRows(5_000_000_000L);
        assertThat(statement.getLargeMaxRows()).isEqualTo(5_000_000_000L);
        assertThat(statement.getMaxRows()).isZero();
        statement.execute("insert into t values (1)");
        assertThat(database.lastExecution().options().maxRows()).isEqualTo(5_000_000_000L);
    }

    @Test
    void negativeSettingsAreRefused() throws SQLException {
        Statement statement = connection.createStatement();
        assertSqlState(() -> statement.setFetchSize(-1), "HY024");
        assertSqlState(() -> statement.setMaxRows(-1), "HY024");
        assertSqlState(() -> statement.setQueryTimeout(-1), "HY024");
        assertSqlState(() -> statement.setMaxFieldSize(-1), "HY024");
        assertThatThrownBy(() -> statement.setMaxFieldSize(100)).isInstanceOf(SQLFeatureNotSupportedException.class);
        statement.setMaxFieldSize(0);
        assertThatThrownBy(() -> statement.setCursorName("c")).isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void maxRowsIsEnforcedEvenWhenTheSessionSendsMore() throws SQLException {
        List<ScriptedCursor> cursors = answerSelectsWith(Rows.of(bigint("n")).row(1L).row(2L).nextBatch().row(3L));
        Statement statement = connection.createStatement();
        statement.setMaxRows(2);
        ResultSet rs = statement.executeQuery("select n");
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(cursors.get(0).fetches()).isEqualTo(1);
        assertThat(cursors.get(0).isClosed()).isTrue();
    }

    @Test
    void batchesRunInOrderAndReportEachCount() throws SQLException {
        answerSelectsWith(Rows.of(bigint("n")));
        Statement statement = connection.createStatement();
        statement.addBatch("insert into t values (1)");
        statement.addBatch("insert into t values (2)");
        assertThat(statement.executeBatch()).containsExactly(3, 3);
        assertThat(database.executions()).extracting(e -> e.sql())
                .containsExactly("insert into t values (1)", "insert into t values (2)");
        assertThat(statement.executeBatch()).isEmpty();
        statement.addBatch("insert into t values (3)");
        statement.clearBatch();
        assertThat(statement.executeLargeBatch()).isEmpty();
    }

    @Test
    void hugeCountsInAnIntBatchAreSuccessWithoutInfo() throws SQLException {
        database.answer(execution -> ExecutionResult.updateCount(5_000_000_000L));
        Statement statement = connection.createStatement();
        statement.addBatch("delete from big");
        assertThat(statement.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO);
        statement.addBatch("delete from big");
        assertThat(statement.executeLargeBatch()).containsExactly(5_000_000_000L);
    }

    @Test
    void aFailingBatchEntryStopsTheBatchWithTheCountsSoFar() throws SQLException {
        database.answer(execution -> {
            if (execution.sql().contains("bad")) {
                throw SqlExceptionFactory.create("23505", "duplicate key");
            }
            return ExecutionResult.updateCount(1);
        });
        Statement statement = connection.createStatement();
        statement.addBatch("insert 1");
        statement.addBatch("insert bad");
        statement.addBatch("insert 3");
        assertThatThrownBy(statement::executeBatch)
                .isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("23505");
                    assertThat(e.getMessage()).isEqualTo("batch entry 2 failed: duplicate key");
                    assertThat(e.getLargeUpdateCounts()).containsExactly(1L);
                    assertThat(e.getCause()).hasMessage("duplicate key");
                });
        assertThat(database.executions()).hasSize(2);
        assertThat(statement.executeBatch()).isEmpty(); // the batch was cleared
    }

    @Test
    void aBatchEntryThatReturnsRowsFails() throws SQLException {
        List<ScriptedCursor> cursors = answerSelectsWith(Rows.of(bigint("n")).row(1L));
        Statement statement = connection.createStatement();
        statement.addBatch("insert 1");
        statement.addBatch("select 1");
        assertThatThrownBy(statement::executeBatch)
                .isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("0100E");
                    assertThat(e.getUpdateCounts()).containsExactly(3);
                });
        assertThat(cursors.get(0).isClosed()).isTrue();
    }

    @Test
    void warningsOfTheResultReachTheStatementAndClearOnTheNextExecution() throws SQLException {
        database.answer(execution -> ExecutionResult.updateCount(0)
                .withWarnings(new SQLWarning("table t already exists, skipping", "42P07")));
        Statement statement = connection.createStatement();
        statement.execute("create table if not exists t (a int)");
        assertThat(statement.getWarnings().getMessage()).isEqualTo("table t already exists, skipping");
        statement.clearWarnings();
        assertThat((Object) statement.getWarnings()).isNull();
        database.answer(execution -> ExecutionResult.updateCount(0));
        statement.execute("create table if not exists t (a int)");
        statement.getWarnings();
        assertThat((Object) statement.getWarnings()).isNull();
    }

    @Test
    void generatedKeysAreAskedForWithAReturningClause() throws SQLException {
        Statement statement = connection.createStatement();
        // the fake answers an update count, as a statement that returned no rows: no keys
        assertThat(statement.execute("insert into t values (1)", Statement.RETURN_GENERATED_KEYS)).isFalse();
        assertThat(database.lastExecution().sql()).isEqualTo("insert into t values (1)\nRETURNING *");
        ResultSet keys = statement.getGeneratedKeys();
        assertThat(keys.getMetaData().getColumnCount()).isZero();
        assertThat(keys.next()).isFalse();
        assertThat(statement.executeUpdate("insert into t values (2)", new String[] {"id"})).isEqualTo(0);
        assertThat(database.lastExecution().sql()).isEqualTo("insert into t values (2)\nRETURNING id");
        assertThatThrownBy(() -> statement.executeLargeUpdate("insert", new int[] {1}))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertSqlState(() -> statement.execute("insert", 42), "HY024");
    }

    @Test
    void getMoreResultsCanOnlyCloseTheCurrentResult() throws SQLException {
        Statement statement = connection.createStatement();
        assertThatThrownBy(() -> statement.getMoreResults(Statement.KEEP_CURRENT_RESULT))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(statement.getMoreResults(Statement.CLOSE_CURRENT_RESULT)).isFalse();
        assertSqlState(() -> statement.getMoreResults(99), "HY024");
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsResult() throws SQLException {
        answerSelectsWith(Rows.of(bigint("n")).row(1L));
        Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        assertThat(statement.isCloseOnCompletion()).isTrue();
        ResultSet rs = statement.executeQuery("select 1");
        assertThat(statement.isClosed()).isFalse();
        rs.close();
        assertThat(statement.isClosed()).isTrue();
    }

    @Test
    void aClosedStatementRefusesWork() throws SQLException {
        List<ScriptedCursor> cursors = answerSelectsWith(Rows.of(bigint("n")).row(1L));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select 1");
        statement.close();
        statement.close();
        assertThat(statement.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertThat(cursors.get(0).isClosed()).isTrue();
        assertSqlState(() -> statement.execute("select 1"), "HY010").hasMessage("the statement is closed");
        assertSqlState(statement::getResultSet, "HY010");
        assertSqlState(() -> statement.setFetchSize(1), "HY010");
    }

    @Test
    void statementsCloseWithTheirConnection() throws SQLException {
        Statement statement = connection.createStatement();
        connection.close();
        assertThat(statement.isClosed()).isTrue();
        assertSqlState(() -> statement.execute("select 1"), "HY010")
                .hasMessage("the statement is closed (its connection was closed)");
    }

    @Test
    void cancelReachesTheSessionWhileRowsStream() throws SQLException {
        List<ScriptedCursor> cursors = answerSelectsWith(Rows.of(bigint("n")).row(1L));
        Statement statement = connection.createStatement();
        statement.cancel();
        assertThat(database.cancelCount()).isZero(); // nothing runs
        ResultSet rs = statement.executeQuery("select 1");
        statement.cancel();
        assertThat(database.cancelCount()).isEqualTo(1);
        while (rs.next()) {
            rs.getLong(1);
        }
        statement.cancel();
        assertThat(database.cancelCount()).isEqualTo(1); // finished: nothing to cancel
        assertThat(cursors).hasSize(1);
    }

    @Test
    void cancelFromAnotherThreadStopsARunningExecution() throws Exception {
        database.answer(execution -> {
            throw database.awaitCancel();
        });
        Statement statement = connection.createStatement();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                statement.execute("select pg_sleep(1000)");
            } catch (SQLException e) {
                failure.set(e);
            }
        });
        runner.start();
        while (database.executions().isEmpty()) {
            Thread.sleep(5);
        }
        statement.cancel();
        runner.join(10_000);
        assertThat(failure.get()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure.get()).getSQLState()).isEqualTo("57014");
    }

    @Test
    void propertiesAndWrapping() throws SQLException {
        Statement statement = connection.createStatement();
        assertThat(statement.getConnection()).isSameAs(connection);
        assertThat(statement.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(statement.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(statement.getResultSetHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        statement.setPoolable(true);
        assertThat(statement.isPoolable()).isTrue();
        statement.setFetchDirection(ResultSet.FETCH_UNKNOWN);
        assertThat(statement.getFetchDirection()).isEqualTo(ResultSet.FETCH_UNKNOWN);
        assertSqlState(() -> statement.setFetchDirection(42), "HY024");
        assertThat(statement.isWrapperFor(BasaltStatement.class)).isTrue();
        assertThat((Object) statement.unwrap(Statement.class)).isSameAs(statement);
        assertSqlState(() -> statement.unwrap(String.class), "HY024");
    }
}
