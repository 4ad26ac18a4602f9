package io.basalt.server.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLLine, a third-party JDBC shell that browses a database only through {@code DatabaseMetaData}, run with a script
 * against Basalt: embedded, and a real server on loopback.
 */
class SqlLineTest {

    @TempDir
    Path directory;

    @Test
    void sqlLineBrowsesAnEmbeddedDatabase() throws IOException, SQLException {
        String url = "jdbc:basalt:file:" + directory.resolve("db");
        createTables(url);
        String output = runSqlLine("!connect " + url + " admin unused");
        assertBrowsed(output);
    }

    @Test
    void sqlLineBrowsesADatabaseOverTheNetwork() throws IOException, SQLException {
        try (NetworkTestServer server = new NetworkTestServer(directory.resolve("served"))) {
            try (Connection connection = server.connect()) {
                createTables(connection);
            }
            String output = runSqlLine("!connect " + server.url() + " admin \"" + NetworkTestServer.PASSWORD + "\"");
            assertBrowsed(output);
        }
    }

    private static void assertBrowsed(String output) {
        // !tables: getTables
        assertThat(output).containsPattern("\\|\\s*main\\s*\\|\\s*customers\\s*\\|\\s*TABLE\\s*\\|");
        assertThat(output).containsPattern("\\|\\s*main\\s*\\|\\s*orders\\s*\\|\\s*TABLE\\s*\\|");
        // !columns orders: getColumns, with JDBC types and nullability
        assertThat(output).containsPattern("\\|\\s*main\\s*\\|\\s*orders\\s*\\|\\s*amount\\s*\\|\\s*3\\s*\\|\\s*DECIMAL\\s*\\|\\s*12\\s*\\|");
        // !primarykeys customers: getPrimaryKeys
        assertThat(output).containsPattern("\\|\\s*main\\s*\\|\\s*customers\\s*\\|\\s*id\\s*\\|\\s*1\\s*\\|\\s*customers_pkey\\s*\\|");
        // !importedkeys orders: getImportedKeys, the referenced table and column beside the foreign key column
        assertThat(output).containsPattern("\\|\\s*main\\s*\\|\\s*customers\\s*\\|\\s*id\\s*\\|[^\\n]*\\|\\s*orders\\s*\\|\\s*customer_id\\s*\\|\\s*1\\s*\\|");
        // the query
        assertThat(output).containsPattern("\\|\\s*Ada\\s*\\|\\s*2\\s*\\|");
        assertThat(output).doesNotContain("Error:");
    }

    private void createTables(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            createTables(connection);
        }
    }

    private static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
            statement.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers (id), "
                    + "amount DECIMAL(12,2))");
            statement.execute("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Brian')");
            statement.execute("INSERT INTO orders VALUES (10, 1, 5.00), (11, 1, 7.50), (12, 2, 1.25)");
        }
    }

    /** Runs SQLLine on a script that connects with {@code connect}, browses and queries; returns what it printed. */
    private String runSqlLine(String connect) throws IOException {
        Path script = directory.resolve("script.sql");
        Files.writeString(script, String.join("\n", connect,
                "!tables",
                "!columns orders",
                "!primarykeys customers",
                "!importedkeys orders",
                "SELECT c.name, count(*) AS orders FROM customers c JOIN orders o ON o.customer_id = c.id "
                        + "GROUP BY c.name ORDER BY c.name;",
                "!quit", ""));
        Path log = directory.resolve("sqlline.log");
        SqlLine sqlLine = new SqlLine();
        SqlLine.Status status = sqlLine.begin(new String[] {
            "--color=false", "--fastConnect=true", "--maxWidth=400", "--showNestedErrs=true",
            "-log", log.toString(), "-f", script.toString()},
                new ByteArrayInputStream(new byte[0]), false);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(status).as(output).isEqualTo(SqlLine.Status.OK);
        return output;
    }
}
