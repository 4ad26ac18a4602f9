package io.basalt.server.warmup;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JitWarmUpTest {

    @Test
    void everyStatementOfTheWorkloadRuns() {
        List<String> tables = JitWarmUp.statements(JitWarmUp.TABLES);
        List<String> queries = JitWarmUp.statements(JitWarmUp.QUERIES);
        assertThat(tables).hasSizeGreaterThan(10);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(20).allMatch(query -> query.contains("SELECT"));

        // strict: the first failing statement throws, naming it
        JitWarmUp.Result result = JitWarmUp.run(1, true);

        assertThat(result.failures()).isZero();
        assertThat(result.rounds()).isEqualTo(1);
        assertThat(result.statements()).isEqualTo(tables.size() + queries.size());
    }

    @Test
    void aFailingQueryIsCountedAndTheOthersStillRun() {
        List<String> tables = List.of("CREATE TABLE t (x INTEGER NOT NULL)", "INSERT INTO t VALUES (1), (2)");
        List<String> queries = List.of("SELECT SUM(x) FROM t", "SELECT missing FROM t", "SELECT COUNT(*) FROM t");

        JitWarmUp.Result result = JitWarmUp.run(tables, queries, 3, false);

        assertThat(result.statements()).isEqualTo(2 + 3 * 3);
        assertThat(result.failures()).isEqualTo(3);
        assertThatThrownBy(() -> JitWarmUp.run(tables, queries, 1, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SELECT missing FROM t");
    }

    @Test
    void failingTablesStopTheWarmUpBeforeItsQueries() {
        JitWarmUp.Result result = JitWarmUp.run(List.of("CREATE TABLE broken (x NOTATYPE)"), List.of("SELECT 1"), 5, false);

        assertThat(result.rounds()).isZero();
        assertThat(result.statements()).isEqualTo(1);
        assertThat(result.failures()).isEqualTo(1);
    }

    @Test
    void theWarmUpDatabaseIsPrivate() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:warm-up-neighbour");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE mine (x INTEGER)");

            JitWarmUp.run(List.of("CREATE TABLE mine (y INTEGER)", "INSERT INTO mine VALUES (7)"), List.of("SELECT y FROM mine"), 1,
                    true);

            assertThat(tables(statement)).containsExactly("mine");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM mine")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    void theConnectionPropertyWarmsUpOnceAndRefusesOtherValues() throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:basalt:mem:?warm_up=maybe"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"))
                .hasMessageContaining("warm_up");
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:?warm_up=false")) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(JitWarmUp.completed()).as("no warm-up asked for yet").isNull();

        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:?warm_up=true")) {
            assertThat(connection.isValid(1)).isTrue();
        }

        JitWarmUp.Result once = JitWarmUp.completed();
        assertThat(once).as("the warm-up the connection ran").isNotNull();
        assertThat(once.failures()).isZero();
        assertThat(once.rounds()).isEqualTo(JitWarmUp.DEFAULT_ROUNDS);
        assertThat(JitWarmUp.runOnce()).as("once per process").isSameAs(once);
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
