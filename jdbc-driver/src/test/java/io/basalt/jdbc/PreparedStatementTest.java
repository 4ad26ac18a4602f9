package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.TypedNull;
import io.basalt.jdbc.testing.AnalyzedHandle;
import io.basalt.jdbc.testing.FakeDatabase;
import io.basalt.jdbc.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;

import static io.basalt.jdbc.testing.Columns.bigint;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedStatementTest {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;

    PreparedStatementTest() throws SQLException {
        connection = DriverManager.getConnection(database.url());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private List<Object> parametersOf(PreparedStatement statement) throws SQLException {
        statement.execute();
        assertThat(database.lastExecution().prepared()).isFalse(); // an UnanalyzedPreparedHandle runs the text
        return database.lastExecution().parameters();
    }

    @Test
    void eachSetterSendsItsJavaType() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("insert into t values (?,?,?,?,?,?,?,?,?,?)");
        statement.setBoolean(1, true);
        statement.setByte(2, (byte) 1);
        statement.setShort(3, (short) 2);
        statement.setInt(4, 3);
        statement.setLong(5, 4L);
        statement.setFloat(6, 5.5f);
        statement.setDouble(7, 6.5);
        statement.setBigDecimal(8, new BigDecimal("7.25"));
        statement.setString(9, "eight");
        statement.setNString(10, "nine");
        assertThat(parametersOf(statement)).containsExactly(true, (byte) 1, (short) 2, 3, 4L, 5.5f, 6.5,
                new BigDecimal("7.25"), "eight", "nine");
        assertThat(database.lastExecution().sql()).isEqualTo("insert into t values (?,?,?,?,?,?,?,?,?,?)");
    }

    @Test
    void legacyDateTimesBecomeJavaTimeValues() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?, ?, ?");
        statement.setDate(1, Date.valueOf("2024-02-29"));
        statement.setTime(2, new Time(Time.valueOf("13:45:10").getTime() + 250));
        Timestamp timestamp = Timestamp.valueOf("2024-02-29 13:45:10");
        timestamp.setNanos(123_456_789);
        statement.setTimestamp(3, timestamp);
        assertThat(parametersOf(statement)).containsExactly(LocalDate.of(2024, 2, 29),
                LocalTime.of(13, 45, 10, 250_000_000), LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_789));
    }

    @Test
    void aCalendarPlacesLegacyValuesInItsZone() throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        PreparedStatement statement = connection.prepareStatement("select ?, ?, ?");
        statement.setDate(1, new Date(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli()), utc);
        statement.setTime(2, new Time(3_600_000L), utc);
        statement.setTimestamp(3, Timestamp.from(Instant.parse("2024-02-29T13:45:10Z")), utc);
        assertThat(parametersOf(statement)).containsExactly(LocalDate.of(2024, 2, 29), LocalTime.of(1, 0),
                LocalDateTime.of(2024, 2, 29, 13, 45, 10));
    }

    @Test
    void setObjectPassesJavaTimeAndConvertsTheRest() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?, ?, ?, ?, ?, ?, ?, ?, ?");
        statement.setObject(1, LocalDate.of(2024, 1, 2));
        statement.setObject(2, LocalTime.of(3, 4, 5, 6_000));
        statement.setObject(3, LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        statement.setObject(4, new BigInteger("123456789012345678901234567890"));
        statement.setObject(5, 'x');
        statement.setObject(6, Timestamp.valueOf("2024-01-02 03:04:05"));
        statement.setObject(7, Date.valueOf("2024-01-02"));
        statement.setObject(8, null);
        statement.setObject(9, 42);
        assertThat(parametersOf(statement)).containsExactly(LocalDate.of(2024, 1, 2), LocalTime.of(3, 4, 5, 6_000),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5), new BigDecimal("123456789012345678901234567890"), "x",
                LocalDateTime.of(2024, 1, 2, 3, 4, 5), LocalDate.of(2024, 1, 2), null, 42);
    }

    @Test
    void setObjectRefusesTypesBasaltDoesNotHave() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?");
        assertThatThrownBy(() -> statement.setObject(1, OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("no date-time type with a time zone");
        assertThatThrownBy(() -> statement.setObject(1, new byte[] {1}))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("[B");
        assertThatThrownBy(() -> statement.setBytes(1, new byte[] {1})).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> statement.setBinaryStream(1, new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> statement.setArray(1, null)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> statement.setURL(1, null)).isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void setObjectWithATargetTypeConverts() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?, ?, ?, ?, ?, ?, ?, ?, ?");
        statement.setObject(1, "42", Types.INTEGER);
        statement.setObject(2, 7, Types.BIGINT);
        statement.setObject(3, "2.345", Types.DECIMAL, 2);
        statement.setObject(4, 12, Types.VARCHAR);
        statement.setObject(5, "2024-01-02", Types.DATE);
        statement.setObject(6, "yes", Types.BIT);
        statement.setObject(7, LocalDate.of(2024, 1, 2), JDBCType.TIMESTAMP);
        statement.setObject(8, null, Types.DOUBLE);
        statement.setObject(9, 1.5, Types.REAL);
        assertThat(parametersOf(statement)).containsExactly(42, 7L, new BigDecimal("2.35"), "12",
                LocalDate.of(2024, 1, 2), true, LocalDateTime.of(2024, 1, 2, 0, 0), TypedNull.of(Types.DOUBLE), 1.5f);
    }

    @Test
    void impossibleTargetConversionsFail() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?");
        assertSqlState(() -> statement.setObject(1, "abc", Types.INTEGER), "22018")
                .hasMessage("cannot convert 'abc' (parameter 1) to long");
        assertSqlState(() -> statement.setObject(1, 3_000_000_000L, Types.INTEGER), "22003");
        assertSqlState(() -> statement.setObject(1, LocalTime.NOON, Types.DATE), "22018");
        assertThatThrownBy(() -> statement.setObject(1, "x", Types.BLOB)).isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void nullsCarryTheirType() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?, ?, ?, ?, ?, ?, ?");
        statement.setNull(1, Types.INTEGER);
        statement.setNull(2, Types.VARCHAR, "VARCHAR");
        statement.setString(3, null);
        statement.setBigDecimal(4, null);
        statement.setDate(5, null);
        statement.setTime(6, null);
        statement.setTimestamp(7, null);
        assertThat(parametersOf(statement)).containsExactly(TypedNull.of(Types.INTEGER), TypedNull.of(Types.VARCHAR),
                TypedNull.of(Types.VARCHAR), TypedNull.of(Types.DECIMAL), TypedNull.of(Types.DATE),
                TypedNull.of(Types.TIME), TypedNull.of(Types.TIMESTAMP));
    }

    @Test
    void characterStreamsAndClobsBecomeStrings() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?, ?, ?, ?");
        statement.setCharacterStream(1, new StringReader("reader text"));
        statement.setCharacterStream(2, new StringReader("abcdef"), 3);
        statement.setAsciiStream(3, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)));
        statement.setClob(4, new StringReader("clob"));
        assertThat(parametersOf(statement)).containsExactly("reader text", "abc", "ascii", "clob");
        assertSqlState(() -> statement.setCharacterStream(1, new StringReader("ab"), 5), "HY024")
                .hasMessageContaining("ended after 2 characters");
    }

    @Test
    void everyParameterMustBeSet() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ? + ?");
        statement.setInt(1, 1);
        assertSqlState(statement::execute, "07001").hasMessage("no value was given for parameter 2 of 2");
        assertSqlState(statement::addBatch, "07001");
        assertThat(database.executions()).isEmpty();
    }

    @Test
    void parameterIndexesAreChecked() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?");
        assertSqlState(() -> statement.setInt(0, 1), "07009");
        assertSqlState(() -> statement.setInt(2, 1), "07009")
                .hasMessage("parameter index 2 is out of range; the statement has 1 parameter");
    }

    @Test
    void markersInLiteralsAndCommentsAreNotParameters() throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "select '?', \"what?\" -- why?\n from t /* ? */ where a = ?");
        statement.setInt(1, 5);
        assertThat(parametersOf(statement)).containsExactly(5);
    }

    @Test
    void valuesStayUntilCleared() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ?");
        statement.setInt(1, 1);
        statement.execute();
        statement.execute();
        assertThat(database.executions()).extracting(e -> e.parameters()).containsExactly(
                Collections.<Object>singletonList(1), Collections.<Object>singletonList(1));
        statement.clearParameters();
        assertSqlState(statement::execute, "07001");
    }

    @Test
    void batchesSendEachParameterSet() throws SQLException {
        database.answer(execution -> ExecutionResult.updateCount(1));
        PreparedStatement statement = connection.prepareStatement("insert into t values (?, ?)");
        statement.setInt(1, 1);
        statement.setString(2, "one");
        statement.addBatch();
        statement.setInt(1, 2);
        statement.setString(2, "two");
        statement.addBatch();
        assertThat(statement.executeBatch()).containsExactly(1, 1);
        assertThat(database.executions()).extracting(e -> e.parameters())
                .containsExactly(Arrays.<Object>asList(1, "one"), Arrays.<Object>asList(2, "two"));
        assertThat(statement.executeBatch()).isEmpty();
        statement.addBatch();
        statement.clearBatch();
        assertThat(statement.executeLargeBatch()).isEmpty();
    }

    @Test
    void aFailingBatchReportsTheCountsBeforeIt() throws SQLException {
        database.answer(execution -> {
            if ("bad".equals(execution.parameters().get(0))) {
                throw SqlExceptionFactory.create("22001", "value too long for type character varying(3)");
            }
            return ExecutionResult.updateCount(1);
        });
        PreparedStatement statement = connection.prepareStatement("insert into t values (?)");
        for (String value : new String[] {"ok", "bad", "ok"}) {
            statement.setString(1, value);
            statement.addBatch();
        }
        assertThatThrownBy(statement::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22001");
            assertThat(e.getUpdateCounts()).containsExactly(1);
        });
    }

    @Test
    void theSqlTextMethodsAreRefused() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select 1");
        assertSqlState(() -> statement.execute("select 2"), "HY010");
        assertSqlState(() -> statement.executeQuery("select 2"), "HY010");
        assertSqlState(() -> statement.executeUpdate("select 2"), "HY010");
        assertSqlState(() -> statement.addBatch("select 2"), "HY010");
    }

    @Test
    void queriesAndUpdatesThroughThePreparedMethods() throws SQLException {
        database.answer(execution -> execution.sql().startsWith("select")
                ? Rows.of(bigint("n")).row(9L).result() : ExecutionResult.updateCount(4));
        PreparedStatement query = connection.prepareStatement("select ?");
        query.setLong(1, 9L);
        java.sql.ResultSet rs = query.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(9L);
        PreparedStatement update = connection.prepareStatement("delete from t");
        assertThat(update.executeUpdate()).isEqualTo(4);
        assertThat(update.executeLargeUpdate()).isEqualTo(4L);
        assertSqlState(update::executeQuery, "02000");
    }

    @Test
    void withoutAnalysisOnlyTheParameterCountIsKnown() throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select ? from t where a = ?");
        assertThat(statement.getMetaData()).isNull();
        ParameterMetaData metaData = statement.getParameterMetaData();
        assertThat(metaData.getParameterCount()).isEqualTo(2);
        assertThat(metaData.getParameterMode(1)).isEqualTo(ParameterMetaData.parameterModeIn);
        assertThat(metaData.isNullable(1)).isEqualTo(ParameterMetaData.parameterNullableUnknown);
        assertThatThrownBy(() -> metaData.getParameterType(1)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("not known before the statement runs");
        assertSqlState(() -> metaData.getParameterMode(3), "07009");
    }

    @Test
    void anAnalysingSessionDescribesParametersAndColumns() throws SQLException {
        List<ParameterDescriptor> parameters = Arrays.asList(
                new ParameterDescriptor(Types.DECIMAL, 15, 2, ParameterMetaData.parameterNoNulls),
                new ParameterDescriptor(Types.VARCHAR, 25, 0, ParameterMetaData.parameterNullable));
        List<ColumnDescriptor> columns = Collections.singletonList(bigint("count"));
        database.prepareWith((session, sql) -> new AnalyzedHandle(session, sql, parameters, columns));
        PreparedStatement statement = connection.prepareStatement("select count(*) from t where p > $1 and n = $2");
        ParameterMetaData metaData = statement.getParameterMetaData();
        assertThat(metaData.getParameterCount()).isEqualTo(2);
        assertThat(metaData.getParameterType(1)).isEqualTo(Types.DECIMAL);
        assertThat(metaData.getParameterTypeName(1)).isEqualTo("DECIMAL");
        assertThat(metaData.getPrecision(1)).isEqualTo(15);
        assertThat(metaData.getScale(1)).isEqualTo(2);
        assertThat(metaData.isNullable(1)).isEqualTo(ParameterMetaData.parameterNoNulls);
        assertThat(metaData.isSigned(1)).isTrue();
        assertThat(metaData.getParameterClassName(2)).isEqualTo("java.lang.String");
        ResultSetMetaData resultMetaData = statement.getMetaData();
        assertThat(resultMetaData.getColumnLabel(1)).isEqualTo("count");

        statement.setBigDecimal(1, BigDecimal.TEN);
        statement.setString(2, "x");
        statement.execute();
        assertThat(database.lastExecution().prepared()).isTrue();
        assertThat(database.lastExecution().parameters()).containsExactly(BigDecimal.TEN, "x");
    }

    @Test
    void closingTheStatementClosesItsHandle() throws SQLException {
        AnalyzedHandle[] handle = new AnalyzedHandle[1];
        database.prepareWith((session, sql) -> handle[0] = new AnalyzedHandle(session, sql,
                Collections.<ParameterDescriptor>emptyList(), Collections.<ColumnDescriptor>emptyList()));
        PreparedStatement statement = connection.prepareStatement("delete from t");
        assertThat(statement.getMetaData()).isNull(); // returns no rows
        statement.close();
        assertThat(handle[0].isClosed()).isTrue();
        assertSqlState(() -> statement.setInt(1, 1), "HY010");
    }

    @Test
    void prepareErrorsReachTheApplication() {
        database.prepareWith((session, sql) -> {
            throw new IllegalStateException("planner bug");
        });
        assertSqlState(() -> connection.prepareStatement("select 1"), "XX000")
                .hasMessageContaining("internal error in the Basalt transport during prepare")
                .hasMessageContaining("planner bug");
    }
}
