package io.basalt.jdbc;

import io.basalt.jdbc.testing.FakeDatabase;
import io.basalt.jdbc.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

import static io.basalt.jdbc.testing.Columns.bigint;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionTest {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;

    ConnectionTest() throws SQLException {
        connection = DriverManager.getConnection(database.url());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void transactionsAreDelegatedToTheSession() throws SQLException {
        assertThat(connection.getAutoCommit()).isTrue();
        connection.setAutoCommit(true); // unchanged: not passed on
        connection.setAutoCommit(false);
        connection.commit();
        connection.rollback();
        connection.setAutoCommit(true);
        assertThat(database.transactionCalls())
                .containsExactly("setAutoCommit(false)", "commit", "rollback", "setAutoCommit(true)");
    }

    @Test
    void commitAndRollbackNeedAutoCommitOff() {
        assertSqlState(connection::commit, "25000").hasMessage("cannot commit in auto-commit mode; call setAutoCommit(false) first");
        assertSqlState(connection::rollback, "25000");
        assertThat(database.transactionCalls()).isEmpty();
    }

    @Test
    void aSessionWithoutTransactionsSaysSo() throws SQLException {
        database.withoutTransactions();
        assertThatThrownBy(() -> connection.setAutoCommit(false)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void commitClosesOpenResults() throws SQLException {
        database.answer(execution -> Rows.of(bigint("n")).row(1L).row(2L).result());
        connection.setAutoCommit(false);
        ResultSet rs = connection.createStatement().executeQuery("select n");
        rs.next();
        connection.commit();
        assertThat(rs.isClosed()).isTrue();
        assertThat(connection.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Test
    void savepointsAndCallsAreNotSupported() {
        assertThatThrownBy(connection::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.setSavepoint("s")).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.rollback(null)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.prepareCall("call p()")).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("no stored procedures");
        assertThatThrownBy(connection::createBlob).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(connection::createClob).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.createArrayOf("INTEGER", new Object[0]))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void isolationIsSnapshotReportedAsRepeatableRead() throws SQLException {
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(connection.getWarnings().getMessage()).contains("snapshot isolation");
        connection.clearWarnings();
        assertThat((Object) connection.getWarnings()).isNull();
        assertThatThrownBy(() -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertSqlState(() -> connection.setTransactionIsolation(Connection.TRANSACTION_NONE), "HY024");
    }

    @Test
    void scrollableOrUpdatableRequestsAreDowngradedWithAWarning() throws SQLException {
        Statement statement = connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
        assertThat(statement.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(statement.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(connection.getWarnings().getMessage()).contains("forward-only");
        assertThat(connection.getWarnings().getNextWarning().getMessage()).contains("read-only");
        assertThatThrownBy(() -> connection.prepareStatement("select 1", ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertSqlState(() -> connection.createStatement(42, ResultSet.CONCUR_READ_ONLY), "HY024");
        assertThatThrownBy(() -> connection.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        connection.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Test
    void preparedStatementVariantsAllPrepare() throws SQLException {
        assertThat(connection.prepareStatement("select ?", Statement.RETURN_GENERATED_KEYS)).isNotNull();
        assertThatThrownBy(() -> connection.prepareStatement("select ?", new int[] {1}))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(connection.prepareStatement("select ?", new String[] {"id"})).isNotNull();
        assertThat(connection.prepareStatement("select ?", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY))
                .isNotNull();
        assertSqlState(() -> connection.prepareStatement("select ?", 7), "HY024");
        assertSqlState(() -> connection.prepareStatement(null), "HY024");
    }

    @Test
    void validityComesFromTheSession() throws SQLException {
        assertThat(connection.isValid(0)).isTrue();
        database.invalid();
        assertThat(connection.isValid(5)).isFalse();
        assertSqlState(() -> connection.isValid(-1), "HY024");
    }

    @Test
    void readOnlySchemaCatalogAndTypeMapAreRecorded() throws SQLException {
        assertThat(connection.isReadOnly()).isFalse();
        connection.setReadOnly(true);
        assertThat(connection.isReadOnly()).isTrue();
        connection.setCatalog("ignored");
        assertThat(connection.getCatalog()).isNull();
        assertThat(connection.getSchema()).isEqualTo("main");
        connection.setSchema("main");
        assertThatThrownBy(() -> connection.setSchema("sales")).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("qualify other tables");
        assertThat(connection.getTypeMap()).isEmpty();
        connection.setTypeMap(Collections.emptyMap());
        Map<String, Class<?>> map = new HashMap<>();
        map.put("t", String.class);
        assertThatThrownBy(() -> connection.setTypeMap(map)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(connection.nativeSQL("select {fn now()}")).isEqualTo("select {fn now()}");
        connection.setNetworkTimeout(Runnable::run, 5_000);
        assertThat(connection.getNetworkTimeout()).isEqualTo(5_000);
    }

    @Test
    void clientInfoIsKept() throws SQLException {
        connection.setClientInfo("ApplicationName", "report");
        assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("report");
        Properties properties = new Properties();
        properties.setProperty("ClientUser", "ann");
        connection.setClientInfo(properties);
        assertThat(connection.getClientInfo()).containsOnlyKeys("ClientUser");
        connection.setClientInfo("ClientUser", null);
        assertThat(connection.getClientInfo("ClientUser")).isNull();
    }

    @Test
    void closingEndsTheSessionAndEverythingOnIt() throws SQLException {
        database.answer(execution -> Rows.of(bigint("n")).row(1L).result());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select 1");
        connection.close();
        connection.close();
        assertThat(connection.isClosed()).isTrue();
        assertThat(statement.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertThat(database.closedSessions()).isEqualTo(1);
        assertThat(connection.isValid(1)).isFalse();
    }

    @Test
    void aClosedConnectionRefusesWorkWith08003() throws SQLException {
        connection.close();
        assertSqlState(connection::createStatement, "08003").hasMessage("the connection is closed");
        assertSqlState(() -> connection.prepareStatement("select 1"), "08003");
        assertSqlState(connection::getAutoCommit, "08003");
        assertSqlState(connection::commit, "08003");
        assertSqlState(connection::getMetaData, "08003");
        assertSqlState(() -> connection.setReadOnly(true), "08003");
        assertThatThrownBy(() -> connection.setClientInfo("a", "b")).isInstanceOf(SQLClientInfoException.class);
    }

    @Test
    void abortCancelsAndReleasesOnTheExecutor() throws SQLException {
        Runnable[] released = new Runnable[1];
        Executor executor = command -> released[0] = command;
        connection.abort(executor);
        assertThat(connection.isClosed()).isTrue();
        assertThat(database.cancelCount()).isEqualTo(1);
        assertThat(database.closedSessions()).isZero();
        released[0].run();
        assertThat(database.closedSessions()).isEqualTo(1);
        assertSqlState(() -> connection.abort(null), "HY024");
    }

    @Test
    void unwrapsToTheDriversClass() throws SQLException {
        assertThat(connection.isWrapperFor(BasaltConnection.class)).isTrue();
        assertThat(connection.unwrap(BasaltConnection.class)).isSameAs(connection);
        assertSqlState(() -> connection.unwrap(String.class), "HY024");
        assertThat(connection.toString()).startsWith("BasaltConnection[jdbc:basalt:mem:fake-");
    }
}
