package io.basalt.server.embedded;

import io.basalt.jdbc.spi.BasaltSQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedJdbcTest {

    @TempDir
    Path directory;

    @Test
    void ddlCopyAndCatalogListingsThroughJdbc() throws Exception {
        Path file = directory.resolve("cities.csv");
        Files.writeString(file, "1,Zürich\n2,東京\n");
        String url = "jdbc:basalt:file:" + directory.resolve("db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("CREATE TABLE cities (id INT PRIMARY KEY, name VARCHAR(40))")).isZero();
            assertThat(statement.executeUpdate("COPY cities FROM '" + file + "'")).isEqualTo(2);
            try (ResultSet tables = statement.executeQuery("SHOW TABLES")) {
                assertThat(tables.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR);
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("name")).isEqualTo("cities");
                assertThat(tables.next()).isFalse();
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet describe = statement.executeQuery("DESCRIBE cities")) {
                while (describe.next()) {
                    columns.add(describe.getString(1) + " " + describe.getString(2) + " " + describe.getString(4));
                }
            }
            assertThat(columns).containsExactly("id INTEGER PRI", "name VARCHAR(40) null");
        }
        // A second connection later sees the committed table: the directory persisted.
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SHOW TABLES")) {
            assertThat(tables.next()).isTrue();
        }
    }

    @Test
    void getTablesListsTablesAndViewsFromInformationSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id INT)");
            statement.execute("CREATE TABLE order_lines (id INT)");
            statement.execute("CREATE VIEW big_orders AS SELECT id FROM orders WHERE id > 10");
            List<String> all = new ArrayList<>();
            try (ResultSet tables = connection.getMetaData().getTables(null, "main", "%", null)) {
                while (tables.next()) {
                    all.add(tables.getString("TABLE_TYPE") + " " + tables.getString("TABLE_SCHEM") + "."
                            + tables.getString("TABLE_NAME"));
                }
            }
            assertThat(all).containsExactly("TABLE main.order_lines", "TABLE main.orders", "VIEW main.big_orders");
            List<String> views = new ArrayList<>();
            try (ResultSet tables = connection.getMetaData().getTables("", "m_in", "%orders", new String[] {"VIEW"})) {
                while (tables.next()) {
                    views.add(tables.getString("TABLE_NAME"));
                }
            }
            assertThat(views).containsExactly("big_orders");
            try (ResultSet none = connection.getMetaData().getTables(null, null, "order\\_lines", new String[] {"VIEW"})) {
                assertThat(none.next()).isFalse();
            }
        }
    }

    @Test
    void getSchemasAndGetColumnsAnswerFromInformationSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA sales");
            statement.execute("CREATE TABLE sales.orders (id BIGINT PRIMARY KEY, note VARCHAR(20), amount NUMERIC(10,2), "
                    + "placed DATE)");
            List<String> schemas = new ArrayList<>();
            try (ResultSet result = connection.getMetaData().getSchemas()) {
                while (result.next()) {
                    schemas.add(result.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).contains("main", "sales");
            List<String> columns = new ArrayList<>();
            try (ResultSet result = connection.getMetaData().getColumns(null, "sales", "orders", "%")) {
                while (result.next()) {
                    columns.add(result.getString("COLUMN_NAME") + " " + result.getInt("DATA_TYPE") + " "
                            + result.getString("TYPE_NAME") + " " + result.getInt("COLUMN_SIZE") + " "
                            + result.getInt("DECIMAL_DIGITS") + " " + result.getString("IS_NULLABLE") + " "
                            + result.getInt("ORDINAL_POSITION"));
                }
            }
            assertThat(columns).containsExactly(
                    "id " + java.sql.Types.BIGINT + " BIGINT 19 0 NO 1",
                    "note " + java.sql.Types.VARCHAR + " VARCHAR 20 0 YES 2",
                    "amount " + java.sql.Types.DECIMAL + " DECIMAL 10 2 YES 3",
                    "placed " + java.sql.Types.DATE + " DATE 10 0 YES 4");
            try (ResultSet none = connection.getMetaData().getColumns(null, "main", "orders", "%")) {
                assertThat(none.next()).isFalse();
            }
        }
    }

    @Test
    void errorsArriveAsSqlExceptionsWithStateAndPosition() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE t (\n  a INT,\n)"))
                    .isInstanceOfSatisfying(BasaltSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42601");
                        assertThat(e.getPosition()).hasValueSatisfying(position -> assertThat(position.line()).isEqualTo(3));
                    });
            assertThatThrownBy(() -> statement.execute("DROP TABLE nowhere"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
            statement.execute("CREATE TABLE t (a INT)");
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void connectionsToOneDirectoryShareItsDatabase() throws SQLException {
        String url = "jdbc:basalt:file:" + directory.resolve("shared");
        try (Connection first = DriverManager.getConnection(url); Connection second = DriverManager.getConnection(url)) {
            first.createStatement().execute("CREATE TABLE t (a INT)");
            try (ResultSet tables = second.createStatement().executeQuery("SHOW TABLES")) {
                assertThat(tables.next()).isTrue();
            }
        }
    }
}
