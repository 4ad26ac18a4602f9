package io.basalt.server.embedded;

import io.basalt.jdbc.spi.BasaltSQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code ?} parameters end to end: JDBC's PreparedStatement over the embedded transport on a real database. */
class PreparedStatementJdbcTest {

    private static final String EVERY_TYPE = "CREATE TABLE everything (b BOOLEAN, t TINYINT, s SMALLINT, i INTEGER,"
            + " l BIGINT, r REAL, d DOUBLE, m DECIMAL(15,2), w DECIMAL(30,4), c CHAR(4), v VARCHAR(5), x VARCHAR,"
            + " dt DATE, tm TIME, ts TIMESTAMP)";

    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection("jdbc:basalt:mem:");
        try (Statement statement = connection.createStatement()) {
            statement.execute(EVERY_TYPE);
            statement.execute("CREATE TABLE lineitem (l_orderkey BIGINT, l_quantity DECIMAL(15,2),"
                    + " l_shipdate DATE, l_shipmode CHAR(10), l_comment VARCHAR(44))");
            statement.execute("INSERT INTO lineitem VALUES (1, 17, DATE '1996-03-13', 'TRUCK', 'regular deposits'),"
                    + " (2, 36, DATE '1996-04-12', 'MAIL', 'quickly final requests'),"
                    + " (3, 8, DATE '1997-01-28', 'REG AIR', 'special requests sleep'),"
                    + " (4, 28, DATE '1998-10-30', 'AIR', 'slyly ironic packages')");
        }
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    private static SQLException failure(Executable statement) {
        SQLException error = catchThrowableOfType(SQLException.class, statement::run);
        assertThat((Throwable) error).as("the statement should fail").isNotNull();
        return error;
    }

    private interface Executable {
        void run() throws Exception;
    }

    private List<Long> orderKeys(ResultSet rows) throws SQLException {
        List<Long> keys = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                keys.add(rows.getLong(1));
            }
        }
        return keys;
    }

    @Test
    void everySetterTypeRoundTrips() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO everything VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setBoolean(1, true);
            insert.setByte(2, (byte) -7);
            insert.setShort(3, (short) 300);
            insert.setInt(4, 70_000);
            insert.setLong(5, 5_000_000_000L);
            insert.setFloat(6, 1.5f);
            insert.setDouble(7, 2.25);
            insert.setBigDecimal(8, new BigDecimal("12.345"));
            insert.setBigDecimal(9, new BigDecimal("12345678901234567890.1234"));
            insert.setString(10, "ab  ");
            insert.setString(11, "héllo");
            insert.setString(12, "a longer text");
            insert.setDate(13, Date.valueOf("2024-02-29"));
            insert.setTime(14, Time.valueOf("13:45:10"));
            insert.setTimestamp(15, Timestamp.valueOf("2024-02-29 13:45:10.123456"));
            assertThat(insert.executeUpdate()).isEqualTo(1);

            insert.setObject(1, "yes");
            insert.setObject(2, 5);
            insert.setObject(3, "12");
            insert.setObject(4, 7L);
            insert.setObject(5, new BigDecimal("9"));
            insert.setObject(6, 0.5);
            insert.setObject(7, 3);
            insert.setObject(8, 1.005);
            insert.setObject(9, "0.00005");
            insert.setObject(10, 42);
            insert.setObject(11, LocalDate.of(2024, 1, 1).getDayOfWeek().toString().substring(0, 5));
            insert.setObject(12, LocalDate.of(2024, 1, 1));
            insert.setObject(13, LocalDateTime.of(2024, 3, 1, 23, 59));
            insert.setObject(14, LocalTime.of(1, 2, 3, 456_789_000));
            insert.setObject(15, LocalDate.of(2024, 3, 2));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM everything ORDER BY i DESC")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
            assertThat(rows.getByte(2)).isEqualTo((byte) -7);
            assertThat(rows.getShort(3)).isEqualTo((short) 300);
            assertThat(rows.getInt(4)).isEqualTo(70_000);
            assertThat(rows.getLong(5)).isEqualTo(5_000_000_000L);
            assertThat(rows.getFloat(6)).isEqualTo(1.5f);
            assertThat(rows.getDouble(7)).isEqualTo(2.25);
            assertThat(rows.getBigDecimal(8)).isEqualTo(new BigDecimal("12.35"));
            assertThat(rows.getBigDecimal(9)).isEqualTo(new BigDecimal("12345678901234567890.1234"));
            assertThat(rows.getString(10)).isEqualTo("ab");
            assertThat(rows.getString(11)).isEqualTo("héllo");
            assertThat(rows.getString(12)).isEqualTo("a longer text");
            assertThat(rows.getObject(13, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(rows.getObject(14, LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 10));
            assertThat(rows.getObject(15, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_000));

            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
            assertThat(rows.getInt(2)).isEqualTo(5);
            assertThat(rows.getInt(3)).isEqualTo(12);
            assertThat(rows.getLong(5)).isEqualTo(9);
            assertThat(rows.getBigDecimal(8)).isEqualTo(new BigDecimal("1.01"));
            assertThat(rows.getBigDecimal(9)).isEqualTo(new BigDecimal("0.0001"));
            assertThat(rows.getString(10)).isEqualTo("42");
            assertThat(rows.getString(11)).isEqualTo("MONDA");
            assertThat(rows.getString(12)).isEqualTo("2024-01-01");
            assertThat(rows.getObject(13, LocalDate.class)).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(rows.getObject(14, LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3, 456_789_000));
            assertThat(rows.getObject(15, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 3, 2, 0, 0));
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void nullsOfEveryKind() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO everything (i, v, dt, m) VALUES (?, ?, ?, ?)")) {
            insert.setNull(1, Types.INTEGER);
            insert.setString(2, null);
            insert.setObject(3, null);
            insert.setNull(4, Types.VARCHAR);
            insert.executeUpdate();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM everything WHERE i IS NULL"
                + " AND v IS NULL AND dt IS NULL AND m IS NULL AND b IS NULL");
             ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT l_orderkey FROM lineitem WHERE l_quantity > ?")) {
            query.setNull(1, Types.DECIMAL);
            assertThat(orderKeys(query.executeQuery())).as("a comparison with NULL is never true").isEmpty();
        }
    }

    @Test
    void oneStatementRunsAgainWithNewValues() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT l_orderkey FROM lineitem"
                + " WHERE l_quantity < ? AND l_shipdate >= ? AND l_comment LIKE ? ORDER BY l_orderkey LIMIT ?")) {
            query.setBigDecimal(1, new BigDecimal("30"));
            query.setDate(2, Date.valueOf("1996-01-01"));
            query.setString(3, "%re%");
            query.setInt(4, 10);
            assertThat(orderKeys(query.executeQuery())).containsExactly(1L, 3L);

            query.setInt(1, 100);
            assertThat(orderKeys(query.executeQuery())).as("the other values stay set").containsExactly(1L, 2L, 3L);

            query.setString(3, "%");
            query.setLong(4, 2);
            query.setObject(2, LocalDate.of(1996, 4, 1));
            assertThat(orderKeys(query.executeQuery())).containsExactly(2L, 3L);
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT l_orderkey FROM lineitem WHERE l_shipmode = ?")) {
            query.setString(1, "REG AIR");
            assertThat(orderKeys(query.executeQuery())).containsExactly(3L);
            query.setString(1, "AIR   ");
            assertThat(orderKeys(query.executeQuery())).as("CHAR ignores trailing spaces").containsExactly(4L);
        }
    }

    @Test
    void batchesOfInsertsAreOneTransaction() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lineitem (l_orderkey, l_comment) VALUES (?, ?)")) {
            for (int i = 0; i < 1_000; i++) {
                insert.setInt(1, 1_000 + i);
                insert.setString(2, i % 10 == 0 ? null : "row " + i);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            assertThat(counts).hasSize(1_000).containsOnly(1);

            insert.setInt(1, 5_000);
            insert.setString(2, "fits");
            insert.addBatch();
            insert.setInt(1, 5_001);
            insert.setString(2, "x".repeat(45));
            insert.addBatch();
            assertThatThrownBy(insert::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("22001");
                assertThat(e.getMessage()).isEqualTo("the batch failed and none of its 2 entries took effect: "
                        + "batch entry 2: parameter $2: value too long for type VARCHAR(44) (45 characters)");
                assertThat(e.getUpdateCounts()).isEmpty();
            });
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*), count(l_comment), min(l_orderkey), max(l_orderkey)"
                     + " FROM lineitem WHERE l_orderkey >= 1000")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1_000);
            assertThat(rows.getLong(2)).isEqualTo(900);
            assertThat(rows.getLong(3)).isEqualTo(1_000);
            assertThat(rows.getLong(4)).isEqualTo(1_999);
        }
    }

    @Test
    void parameterAndResultMetadataBeforeExecution() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT l_orderkey, l_quantity * 2 AS twice FROM lineitem WHERE l_quantity < ? AND l_shipmode = ? AND l_shipdate > ?")) {
            ParameterMetaData parameters = query.getParameterMetaData();
            assertThat(parameters.getParameterCount()).isEqualTo(3);
            assertThat(parameters.getParameterType(1)).isEqualTo(Types.DECIMAL);
            assertThat(parameters.getPrecision(1)).isEqualTo(15);
            assertThat(parameters.getScale(1)).isEqualTo(2);
            assertThat(parameters.getParameterClassName(1)).isEqualTo("java.math.BigDecimal");
            assertThat(parameters.getParameterType(2)).isEqualTo(Types.CHAR);
            assertThat(parameters.getPrecision(2)).isEqualTo(10);
            assertThat(parameters.getParameterType(3)).isEqualTo(Types.DATE);
            assertThat(parameters.getParameterMode(3)).isEqualTo(ParameterMetaData.parameterModeIn);

            ResultSetMetaData columns = query.getMetaData();
            assertThat(columns.getColumnCount()).isEqualTo(2);
            assertThat(columns.getColumnLabel(2)).isEqualTo("twice");
            assertThat(columns.getColumnType(2)).isEqualTo(Types.DECIMAL);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO everything (v, ts, b) VALUES (?, ?, ?)")) {
            ParameterMetaData parameters = insert.getParameterMetaData();
            assertThat(parameters.getParameterType(1)).isEqualTo(Types.VARCHAR);
            assertThat(parameters.getPrecision(1)).isEqualTo(5);
            assertThat(parameters.getParameterType(2)).isEqualTo(Types.TIMESTAMP);
            assertThat(parameters.getParameterType(3)).isEqualTo(Types.BOOLEAN);
            assertThat(insert.getMetaData()).as("an INSERT returns no rows").isNull();
        }
    }

    @Test
    void aStatementPreparedBeforeTheTableChangedUsesTheNewDefinition() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM lineitem WHERE l_orderkey = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO lineitem (l_orderkey) VALUES (?)");
             Statement statement = connection.createStatement()) {
            query.setInt(1, 1);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.getMetaData().getColumnCount()).isEqualTo(5);
            }
            statement.execute("DROP TABLE lineitem");
            statement.execute("CREATE TABLE lineitem (l_orderkey VARCHAR(3), l_note VARCHAR(10))");

            insert.setString(1, "one");
            assertThat(insert.executeUpdate()).isEqualTo(1);
            insert.setString(1, "four");
            assertThat(failure(insert::executeUpdate).getSQLState()).as("now a VARCHAR(3)").isEqualTo("22001");
            query.setString(1, "one");
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.getMetaData().getColumnCount()).isEqualTo(2);
                assertThat(rows.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("one");
                assertThat(rows.getString(2)).isNull();
            }
        }
    }

    @Test
    void errorsCarryTheirSqlState() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO everything (i, m, v, dt) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, "abc");
            insert.setInt(2, 1);
            insert.setString(3, "ok");
            insert.setString(4, "2024-01-01");
            SQLException notANumber = failure(insert::executeUpdate);
            assertThat(notANumber.getSQLState()).isEqualTo("22P02");
            assertThat(notANumber.getMessage()).isEqualTo("parameter $1: invalid input syntax for type INTEGER: \"abc\"");

            insert.setInt(1, 1);
            insert.setDouble(2, 1e30);
            assertThat(failure(insert::executeUpdate).getSQLState()).isEqualTo("22003");
            insert.setInt(2, 1);
            insert.setString(3, "too long");
            assertThat(failure(insert::executeUpdate).getSQLState()).isEqualTo("22001");
            insert.setString(3, "ok");
            insert.setString(4, "2024-02-30");
            assertThat(failure(insert::executeUpdate).getSQLState()).isEqualTo("22008");
            insert.setObject(4, 17);
            assertThat(failure(insert::executeUpdate).getSQLState()).isEqualTo("42804");
            insert.clearParameters();
            assertThat(failure(insert::executeUpdate).getSQLState()).isEqualTo("07001");
        }
        SQLException untyped = failure(() -> connection.prepareStatement("SELECT l_orderkey,\n       ? FROM lineitem"));
        assertThat(untyped.getSQLState()).isEqualTo("42P18");
        assertThat(untyped.getMessage()).isEqualTo("could not determine data type of parameter $1");
        assertThat((Throwable) untyped).isInstanceOfSatisfying(BasaltSQLException.class, e -> assertThat(e.getPosition())
                .hasValueSatisfying(position -> {
                    assertThat(position.line()).isEqualTo(2);
                    assertThat(position.column()).isEqualTo(8);
                }));
        SQLException ddl = failure(() -> connection.prepareStatement("CREATE TABLE t (a INTEGER DEFAULT ?)"));
        assertThat(ddl.getSQLState()).isEqualTo("0A000");
        assertThat(ddl.getMessage()).isEqualTo("not supported yet: parameters in CREATE TABLE statements");
        try (PreparedStatement limited = connection.prepareStatement("SELECT l_orderkey FROM lineitem LIMIT ?")) {
            limited.setInt(1, -1);
            assertThat(failure(limited::executeQuery).getSQLState()).isEqualTo("2201W");
        }
    }

    @Test
    void explainAndStatementsWithoutParameters() throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN SELECT l_orderkey FROM lineitem WHERE l_orderkey = ?")) {
            explain.setInt(1, 3);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan).contains("filter: (l_orderkey = 3)");
        }
        try (PreparedStatement create = connection.prepareStatement("CREATE TABLE later (a INTEGER)")) {
            assertThat(create.getParameterMetaData().getParameterCount()).isZero();
            create.executeUpdate();
        }
        try (PreparedStatement show = connection.prepareStatement("SHOW TABLES")) {
            assertThat(show.getMetaData()).as("known once it runs").isNull();
            try (ResultSet rows = show.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }
    }
}
