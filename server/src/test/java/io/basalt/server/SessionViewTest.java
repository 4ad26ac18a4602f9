package io.basalt.server;

import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.ViewDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionViewTest {

    @TempDir
    Path directory;

    @Test
    void aViewIsStoredWithItsTextColumnsSearchPathAndDependenciesAndSurvivesReopening() {
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("CREATE SCHEMA sales");
            session.execute("CREATE TABLE sales.orders (id INT NOT NULL, amount DECIMAL(10,2))");
            session.execute("INSERT INTO sales.orders VALUES (1, 10.50), (2, 4.25)");
            session.execute("SET schema = 'sales'");
            session.execute("CREATE VIEW big AS SELECT id, amount FROM orders WHERE amount > 5");
            session.execute("CREATE VIEW big_ids AS SELECT id FROM big");

            ViewDefinition big = database.storage().current().view("sales", "big").orElseThrow();
            assertThat(big.query()).isEqualTo("SELECT id, amount FROM orders WHERE amount > 5");
            assertThat(big.searchPath()).containsExactly("sales");
            assertThat(big.columns()).extracting(c -> c.name() + " " + c.type() + " " + c.nullable())
                    .containsExactly("id INTEGER false", "amount DECIMAL(10,2) true");
            ViewDefinition bigIds = database.storage().current().view("sales", "big_ids").orElseThrow();
            assertThat(bigIds.dependencies()).as("stored transitively")
                    .containsExactlyInAnyOrder(new RelationName("sales", "big"), new RelationName("sales", "orders"));
        }
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            // The session's schema is main now; the view still reads sales.orders.
            assertThat(ResultRows.text(session.execute("SELECT * FROM sales.big_ids"))).containsExactly(List.of("1"));
        }
    }

    @Test
    void aPreparedQueryOverAViewIsPlannedAgainWhenTheViewIsReplaced() {
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("CREATE TABLE t (a INT)");
            session.execute("INSERT INTO t VALUES (1), (2), (3)");
            session.execute("CREATE VIEW v AS SELECT a FROM t WHERE a > 1");
            try (PreparedStatement count = session.prepare("SELECT count(*) FROM v")) {
                assertThat(ResultRows.text(count.execute(List.of()))).containsExactly(List.of("2"));
                session.execute("CREATE OR REPLACE VIEW v AS SELECT a FROM t WHERE a > 2");
                assertThat(ResultRows.text(count.execute(List.of()))).containsExactly(List.of("1"));
                session.execute("DROP VIEW v");
                assertThatThrownBy(() -> count.execute(List.of())).isInstanceOf(StatementException.class)
                        .extracting(e -> ((StatementException) e).sqlState()).isEqualTo("42P01");
            }
        }
    }

    @Test
    void dropTableCascadeDropsTheViewsThatReadItInTheSameCommit() {
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("CREATE TABLE t (a INT)");
            session.execute("CREATE VIEW v AS SELECT a FROM t");
            session.execute("CREATE VIEW w AS SELECT count(*) AS n FROM v");
            assertThatThrownBy(() -> session.execute("DROP TABLE t")).isInstanceOf(StatementException.class)
                    .hasMessageContaining("cannot drop table t because other objects depend on it");
            long before = database.storage().current().version();
            session.execute("DROP TABLE t CASCADE");
            assertThat(database.storage().current().views()).isEmpty();
            assertThat(database.storage().current().version()).isEqualTo(before + 1);
        }
    }
}
