package io.basalt.server.network;

import io.basalt.server.embedded.ReadOnlyAndGeneratedKeysJdbcTest;
import io.basalt.server.embedded.ResultAndParameterMetaDataJdbcTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The driver against a real server over TCP: every type, parameters, streaming, cancel, authentication, concurrency,
 * read-only sessions, result and parameter metadata, and the network timeout.
 */
class NetworkJdbcTest {

    @TempDir
    Path directory;

    private NetworkTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new NetworkTestServer(directory);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyTypeCrossesTheWire() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER, bi BIGINT, d DECIMAL(15,2), "
                    + "w DECIMAL(30,4), r REAL, f DOUBLE, c CHAR(3), v VARCHAR, dt DATE, tm TIME, ts TIMESTAMP)");
            assertThat(statement.executeUpdate("INSERT INTO t VALUES (true, 1, 2, 3, 4000000000, 12.34, "
                    + "12345678901234567890.1234, 1.5, 2.25, 'abc', 'héllo', DATE '2024-02-29', TIME '13:45:10.5', "
                    + "TIMESTAMP '2024-02-29 13:45:10.123456'), (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                    + "NULL, NULL, NULL, NULL)")).isEqualTo(2);
            try (ResultSet rows = statement.executeQuery("SELECT * FROM t ORDER BY i NULLS LAST")) {
                assertThat(rows.getMetaData().getColumnCount()).isEqualTo(14);
                assertThat(rows.getMetaData().getColumnType(6)).isEqualTo(Types.DECIMAL);
                assertThat(rows.getMetaData().getScale(6)).isEqualTo(2);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBoolean(1)).isTrue();
                assertThat(rows.getInt(2)).isEqualTo(1);
                assertThat(rows.getInt(3)).isEqualTo(2);
                assertThat(rows.getInt(4)).isEqualTo(3);
                assertThat(rows.getLong(5)).isEqualTo(4_000_000_000L);
                assertThat(rows.getBigDecimal(6)).isEqualByComparingTo("12.34");
                assertThat(rows.getBigDecimal(7)).isEqualByComparingTo("12345678901234567890.1234");
                assertThat(rows.getFloat(8)).isEqualTo(1.5f);
                assertThat(rows.getDouble(9)).isEqualTo(2.25);
                assertThat(rows.getString(10)).isEqualTo("abc");
                assertThat(rows.getString(11)).isEqualTo("héllo");
                assertThat(rows.getObject(12, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(rows.getObject(13, LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 10, 500_000_000));
                assertThat(rows.getObject(14, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_000));
                assertThat(rows.next()).isTrue();
                for (int column = 1; column <= 14; column++) {
                    assertThat(rows.getObject(column)).as("column %d", column).isNull();
                }
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void preparedStatementsArePreparedOnTheServer() throws SQLException {
        try (Connection connection = server.connect()) {
            connection.createStatement().execute("CREATE TABLE p (id INTEGER, price DECIMAL(10,2), name VARCHAR, day DATE)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO p VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= 100; i++) {
                    insert.setInt(1, i);
                    insert.setBigDecimal(2, new BigDecimal(i + ".50"));
                    insert.setString(3, "name " + i);
                    insert.setObject(4, LocalDate.of(2024, 1, 1).plusDays(i));
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).hasSize(100).containsOnly(1);
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT name, price FROM p WHERE price < ? AND day >= ? ORDER BY id")) {
                assertThat(query.getParameterMetaData().getParameterType(1)).isEqualTo(Types.DECIMAL);
                assertThat(query.getMetaData().getColumnLabel(1)).isEqualTo("name");
                query.setBigDecimal(1, new BigDecimal("4"));
                query.setObject(2, LocalDate.of(2024, 1, 3));
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("name 2");
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("3.50");
                    assertThat(rows.next()).isFalse();
                }
                query.setNull(1, Types.DECIMAL);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    @Test
    void errorsCarrySqlStateAndPosition() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT nope FROM missing"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> statement.execute("SELEC 1"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"))
                    .satisfies(e -> assertThat(((io.basalt.jdbc.spi.BasaltSQLException) e).getPosition()).isPresent());
            try (ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void largeResultsStreamInPagesOfTheFetchSize() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            fill(connection, 20_000);
            statement.setFetchSize(100);
            long sum = 0;
            int count = 0;
            try (ResultSet rows = statement.executeQuery("SELECT id, label FROM big ORDER BY id")) {
                while (rows.next()) {
                    sum += rows.getLong(1);
                    assertThat(rows.getString(2)).isEqualTo("row " + rows.getLong(1));
                    count++;
                }
            }
            assertThat(count).isEqualTo(20_000);
            assertThat(sum).isEqualTo(20_000L * 19_999 / 2);
            statement.setMaxRows(7);
            try (ResultSet rows = statement.executeQuery("SELECT id FROM big")) {
                int limited = 0;
                while (rows.next()) {
                    limited++;
                }
                assertThat(limited).isEqualTo(7);
            }
            // a result closed half-read frees its cursor; the connection goes on
            statement.setMaxRows(0);
            try (ResultSet rows = statement.executeQuery("SELECT id FROM big")) {
                assertThat(rows.next()).isTrue();
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM big")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(20_000);
            }
        }
    }

    static void fill(Connection connection, int rowCount) throws SQLException {
        connection.createStatement().execute("CREATE TABLE big (id BIGINT, label VARCHAR)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO big VALUES (?, ?)")) {
            for (int i = 0; i < rowCount; i++) {
                insert.setLong(1, i);
                insert.setString(2, "row " + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Test
    void aRunningQueryIsCancelledFromAnotherThread() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            fill(connection, 20_000);
            ExecutorService canceller = Executors.newSingleThreadExecutor();
            try {
                Future<?> cancel = canceller.submit(() -> {
                    Thread.sleep(500);
                    statement.cancel();
                    return null;
                });
                // This checks the request's path, not how fast the query stops (QueryCancellationTest does): a
                // cancelled run fails with 57014, one that finished first returns its answer, and the connection
                // stays usable either way.
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM big a JOIN big b ON a.id % 10 = b.id % 10")) {
                    assertThat(rows.next()).isTrue();
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).isEqualTo("57014");
                }
                cancel.get();
            } finally {
                canceller.shutdownNow();
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM big")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void aWrongPasswordIs28P01() {
        assertThatThrownBy(() -> DriverManager.getConnection(server.url() + "?user=admin&password=wrong"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"))
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(server.url() + "?user=nobody&password=x"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void manyClientsRunConcurrently() throws Exception {
        try (Connection setup = server.connect()) {
            fill(setup, 1_000);
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    try (Connection connection = server.connect();
                         PreparedStatement query = connection.prepareStatement("SELECT sum(id) FROM big WHERE id >= ?")) {
                        long total = 0;
                        for (int i = 0; i < 5; i++) {
                            query.setLong(1, client);
                            try (ResultSet rows = query.executeQuery()) {
                                rows.next();
                                total += rows.getLong(1);
                            }
                        }
                        return total;
                    }
                }));
            }
            for (int c = 0; c < 16; c++) {
                long expected = 5 * (999L * 1000 / 2 - (long) c * (c - 1) / 2);
                assertThat(results.get(c).get()).isEqualTo(expected);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theUrlsSchemaBecomesTheCurrentSchema() throws SQLException {
        try (Connection connection = server.connect()) {
            connection.createStatement().execute("CREATE SCHEMA sales");
            connection.createStatement().execute("CREATE TABLE sales.orders (id INTEGER)");
        }
        try (Connection connection = DriverManager.getConnection(server.url() + "sales?user=admin&password="
                + NetworkTestServer.PASSWORD.replace(" ", "%20"));
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM orders")) {
            assertThat(rows.next()).isTrue();
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void aReadOnlyNetworkConnectionRefusesWrites() throws SQLException {
        try (Connection connection = server.connect()) {
            ReadOnlyAndGeneratedKeysJdbcTest.readOnlyConnectionsRefuseWrites(connection);
        }
    }

    @Test
    void builtInFunctionsAreListedOverTheNetwork() throws SQLException {
        try (Connection connection = server.connect()) {
            io.basalt.server.embedded.BuiltInFunctionsJdbcTest.assertFunctionsListed(connection);
        }
    }

    @Test
    void generatedKeysComeBackOverTheNetwork() throws SQLException {
        try (Connection connection = server.connect()) {
            ReadOnlyAndGeneratedKeysJdbcTest.generatedKeysComeBack(connection);
        }
    }

    @Test
    void resultAndParameterMetaDataDescribeEveryTypeOverTheNetwork() throws SQLException {
        try (Connection connection = server.connect()) {
            ResultAndParameterMetaDataJdbcTest.assertEveryTypeDescribed(connection);
        }
    }

    @Test
    void aServerThatStopsAnsweringFailsTheCallWith08006AndClosesTheConnection() throws Exception {
        try (LoopbackProxy proxy = new LoopbackProxy(server.server.port());
             Connection connection = DriverManager.getConnection("jdbc:basalt://127.0.0.1:" + proxy.port()
                     + "/?user=admin&password=" + NetworkTestServer.PASSWORD.replace(" ", "%20"))) {
            Statement statement = connection.createStatement();
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
            // set only once nothing can answer, so a slow machine cannot make an answered call time out
            proxy.stall();
            connection.setNetworkTimeout(Runnable::run, 200);
            assertThat(connection.getNetworkTimeout()).isEqualTo(200);
            assertThatThrownBy(() -> statement.executeQuery("SELECT 2")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("08006");
                assertThat(e.getMessage()).contains("timed out");
            });
            assertThat(connection.isClosed()).isTrue();
            assertThat(statement.isClosed()).isTrue();
            assertThatThrownBy(connection::createStatement).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("08003"));
        }
    }
}
