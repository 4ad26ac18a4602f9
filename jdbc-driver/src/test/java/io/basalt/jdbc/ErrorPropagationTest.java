package io.basalt.jdbc;

import io.basalt.jdbc.spi.BasaltSQLException;
import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.DecimalColumn;
import io.basalt.jdbc.spi.DoubleColumn;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.LongColumn;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlPosition;
import io.basalt.jdbc.testing.FakeDatabase;
import io.basalt.jdbc.testing.ScriptedCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.basalt.jdbc.testing.Columns.bigint;
import static io.basalt.jdbc.testing.Columns.decimal;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorPropagationTest {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;

    ErrorPropagationTest() throws SQLException {
        connection = DriverManager.getConnection(database.url());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aSyntaxErrorReachesTheApplicationWithItsStateAndPosition() throws SQLException {
        BasaltSQLException error = SqlExceptionFactory.atPosition("42601", "syntax error at or near \"FORM\"", 2, 10);
        database.answer(execution -> {
            throw error;
        });
        Statement statement = connection.createStatement();
        assertThatThrownBy(() -> statement.executeQuery("select *\n  from t FORM x"))
                .isSameAs(error)
                .isInstanceOfSatisfying(BasaltSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42601");
                    assertThat(e.getPosition()).contains(new SqlPosition(2, 10));
                    assertThat(e.getPosition().get().toString()).isEqualTo("line 2, column 10");
                });
        assertThat(statement.getResultSet()).isNull();
    }

    @Test
    void anErrorOfAPreparedStatementKeepsItsStateToo() throws SQLException {
        database.answer(execution -> {
            throw SqlExceptionFactory.create("22012", "division by zero");
        });
        java.sql.PreparedStatement statement = connection.prepareStatement("select 1 / ?");
        statement.setInt(1, 0);
        assertSqlState(statement::executeQuery, "22012").hasMessage("division by zero");
    }

    @Test
    void aTransportBugBecomesAnInternalError() {
        database.answer(execution -> {
            throw new NullPointerException("oops");
        });
        assertSqlState(() -> connection.createStatement().execute("select 1"), "XX000")
                .hasMessage("internal error in the Basalt transport during execute: java.lang.NullPointerException: oops")
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void aMissingResultBreaksTheContract() {
        database.answer(execution -> null);
        assertSqlState(() -> connection.createStatement().execute("select 1"), "08P01")
                .hasMessage("the Basalt transport broke its contract: execute returned no result");
    }

    private ScriptedCursor answerWith(List<ColumnDescriptor> columns, ResultBatch batch) {
        ScriptedCursor cursor = new ScriptedCursor(columns, Collections.singletonList(batch));
        database.answer(execution -> ExecutionResult.rows(cursor));
        return cursor;
    }

    @Test
    void aBatchInTheWrongRepresentationIsRefused() throws SQLException {
        ScriptedCursor cursor = answerWith(Collections.singletonList(bigint("n")),
                new ResultBatch(1, new DoubleColumn(new double[] {1.0}, null)));
        ResultSet rs = connection.createStatement().executeQuery("select n");
        assertSqlState(rs::next, "08P01")
                .hasMessage("the transport sent a DoubleColumn for column 1 \"n\" BIGINT; BIGINT travels in a LongColumn");
        assertThat(rs.isClosed()).isTrue();
        assertThat(cursor.isClosed()).isTrue();
    }

    @Test
    void aDecimalBatchMustCarryTheDescribedScale() throws SQLException {
        answerWith(Collections.singletonList(decimal("price", 10, 2)),
                new ResultBatch(1, new DecimalColumn(new long[] {123}, 1, null)));
        ResultSet rs = connection.createStatement().executeQuery("select price");
        assertSqlState(rs::next, "08P01").hasMessageContaining("values of scale 1").hasMessageContaining("whose scale is 2");
    }

    @Test
    void aBatchMustHaveEveryColumn() throws SQLException {
        List<BatchColumn> oneColumn = Collections.<BatchColumn>singletonList(new LongColumn(new long[] {1}, null));
        answerWith(Arrays.asList(bigint("a"), bigint("b")), new ResultBatch(1, oneColumn));
        ResultSet rs = connection.createStatement().executeQuery("select a, b");
        assertSqlState(rs::next, "08P01").hasMessageContaining("a batch of 1 columns for a result of 2");
    }

    @Test
    void rowsWithoutColumnDescriptionsBreakTheContractAndEndTheExecution() throws SQLException {
        ScriptedCursor cursor = new ScriptedCursor(null, Collections.<ResultBatch>emptyList());
        database.answer(execution -> ExecutionResult.rows(cursor));
        Statement statement = connection.createStatement();
        assertSqlState(() -> statement.executeQuery("select"), "08P01");
        assertThat(cursor.isClosed()).isTrue();
        statement.cancel();
        assertThat(database.cancelCount()).isZero(); // nothing is left running
    }

    @Test
    void factoryPicksTheJdbcSubclassOfEachStateClass() {
        assertThat((Throwable) SqlExceptionFactory.create("0A000", "m")).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
        assertThat((Throwable) SqlExceptionFactory.create("08006", "m")).isInstanceOf(java.sql.SQLNonTransientConnectionException.class);
        assertThat((Throwable) SqlExceptionFactory.create("22003", "m")).isInstanceOf(java.sql.SQLDataException.class);
        assertThat((Throwable) SqlExceptionFactory.create("23505", "m")).isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class);
        assertThat((Throwable) SqlExceptionFactory.create("28000", "m")).isInstanceOf(java.sql.SQLInvalidAuthorizationSpecException.class);
        assertThat((Throwable) SqlExceptionFactory.create("40001", "m")).isInstanceOf(java.sql.SQLTransactionRollbackException.class);
        assertThat((Throwable) SqlExceptionFactory.create("42P01", "m")).isInstanceOf(java.sql.SQLSyntaxErrorException.class);
        SQLException plain = SqlExceptionFactory.create("57014", "m");
        assertThat(plain.getClass()).isEqualTo(SQLException.class);
        assertThat(plain.getSQLState()).isEqualTo("57014");
        assertThat(SqlExceptionFactory.create(null, "m").getSQLState()).isNull();
    }

    @Test
    void positionsAreOptionalAndSurviveSerialization() throws Exception {
        assertThat(new BasaltSQLException("m", "XX000").getPosition()).isEmpty();
        BasaltSQLException original = new BasaltSQLException("m", "42703", new SqlPosition(3, 4));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            BasaltSQLException copy = (BasaltSQLException) in.readObject();
            assertThat(copy.getPosition()).contains(new SqlPosition(3, 4));
            assertThat(copy.getSQLState()).isEqualTo("42703");
        }
        assertThatThrownBy(() -> new SqlPosition(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
