package io.basalt.shell.completion;

import io.basalt.shell.catalog.CatalogCache;
import io.basalt.shell.catalog.CatalogReader;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Completion against a real (in-memory, embedded) database, read through JDBC as the shell does. */
class SqlCompleterTest {

    private static Connection connection;
    private static CatalogCache catalog;
    private static SqlCompleter completer;

    @BeforeAll
    static void createTables() throws SQLException {
        connection = DriverManager.getConnection("jdbc:basalt:mem:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (o_orderkey BIGINT PRIMARY KEY, o_custkey BIGINT, \"Order Note\" VARCHAR(10))");
            statement.execute("CREATE TABLE customer (c_custkey BIGINT, c_name VARCHAR(20))");
            statement.execute("CREATE SCHEMA sales");
            statement.execute("CREATE TABLE sales.regions (r_id INT, r_name VARCHAR(10))");
        }
        catalog = new CatalogCache(new CatalogReader(connection), "main");
        completer = new SqlCompleter(() -> catalog);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static List<String> values(String buffer) {
        int cursor = buffer.indexOf('|');
        return completer.candidates(buffer.substring(0, cursor) + buffer.substring(cursor + 1), cursor).stream()
                .map(Candidate::value).toList();
    }

    private static List<String> valuesInGroup(String buffer, String group) {
        int cursor = buffer.indexOf('|');
        return completer.candidates(buffer.substring(0, cursor) + buffer.substring(cursor + 1), cursor).stream()
                .filter(candidate -> group.equals(candidate.group())).map(Candidate::value).toList();
    }

    @Test
    void tablesAfterFromWithOtherSchemasQualified() {
        assertThat(values("SELECT * FROM ord|")).contains("orders", "customer", "sales.regions", "main.", "sales.")
                .doesNotContain("o_orderkey", "SELECT");
    }

    @Test
    void columnsOfTheTablesInTheFromClause() {
        assertThat(valuesInGroup("SELECT | FROM orders o, customer", "columns"))
                .containsExactly("o_orderkey", "o_custkey", "\"Order Note\"", "c_custkey", "c_name");
        assertThat(valuesInGroup("SELECT c.| FROM orders o JOIN customer c ON o.o_custkey = c.c_custkey", "columns"))
                .containsExactly("c_custkey", "c_name");
        assertThat(valuesInGroup("SELECT | FROM sales.regions", "columns")).containsExactly("r_id", "r_name");
    }

    @Test
    void tablesOfASchemaAfterItsName() {
        assertThat(values("SELECT * FROM sales.|")).containsExactly("regions");
    }

    @Test
    void functionsOpenTheirParenthesis() {
        assertThat(valuesInGroup("SELECT co| FROM orders", "functions")).contains("count(", "coalesce(");
        assertThat(valuesInGroup("SELECT CO| FROM orders", "functions")).contains("COUNT(");
    }

    @Test
    void keywordsFollowTheCaseTyped() {
        assertThat(values("sel|")).contains("select").doesNotContain("SELECT");
        assertThat(values("SEL|")).contains("SELECT");
        assertThat(values("SELECT * FROM orders wh|")).contains("where");
    }

    @Test
    void beforeAnythingIsTypedNamesAreNotBuriedUnderKeywords() {
        assertThat(values("SELECT | FROM orders")).contains("o_orderkey", "count(").doesNotContain("SELECT", "WHERE");
        assertThat(values("SELECT * FROM orders |")).contains("WHERE", "JOIN", "GROUP BY").doesNotContain("SELECT", "BIGINT");
    }

    @Test
    void metaCommandsAndTheirArguments() {
        assertThat(values("\\|")).contains("\\d", "\\dt", "\\timing", "\\mode", "\\q");
        assertThat(values("\\d |")).contains("orders", "sales.regions");
        assertThat(values("\\dt |")).contains("main", "sales");
        assertThat(values("\\mode |")).containsExactly("table", "csv", "json", "markdown", "line");
        assertThat(values("\\timing |")).containsExactly("on", "off");
    }

    @Test
    void aNewTableIsKnownAfterTheCacheIsInvalidated() throws SQLException {
        assertThat(values("SELECT * FROM |")).doesNotContain("late_arrival");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE late_arrival (x INT)");
        }
        catalog.invalidate();
        assertThat(values("SELECT * FROM |")).contains("late_arrival");
    }
}
