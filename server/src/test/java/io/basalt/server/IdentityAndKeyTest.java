package io.basalt.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity values across restarts and sessions; unique keys between concurrent transactions. */
class IdentityAndKeyTest {

    @TempDir
    Path directory;

    @Test
    void serialValuesContinueAfterARestartAndAreNeverReused() {
        long lost;
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("CREATE TABLE t (id BIGSERIAL, name TEXT)");
            session.execute("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
            assertThat(ids(session, "SELECT id FROM t ORDER BY id")).containsExactly(1L, 2L, 3L);
            // A value a transaction saw and never committed is used up too, also across the restart.
            session.execute("BEGIN");
            session.execute("INSERT INTO t (name) VALUES ('lost')");
            lost = ids(session, "SELECT id FROM t WHERE name = 'lost'").get(0);
            assertThat(lost).isEqualTo(4L);
        }
        List<Long> afterFirstRestart;
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("INSERT INTO t (name) VALUES ('d')");
            afterFirstRestart = ids(session, "SELECT id FROM t ORDER BY id");
            assertThat(afterFirstRestart).hasSize(4).startsWith(1L, 2L, 3L);
            assertThat(afterFirstRestart.get(3)).as("gaps are allowed, reuse is not").isGreaterThan(lost);
        }
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("INSERT INTO t (name) VALUES ('e'), ('f')");
            List<Long> ids = ids(session, "SELECT id FROM t ORDER BY id");
            assertThat(ids).hasSize(6).startsWith(afterFirstRestart.toArray(Long[]::new));
            assertThat(ids.get(4)).isGreaterThan(afterFirstRestart.get(3));
            assertThat(ids.get(5)).isEqualTo(ids.get(4) + 1);
        }
    }

    @Test
    void concurrentSessionsGetDistinctValues() {
        try (Database database = Database.open(directory); Session first = database.newSession();
             Session second = database.newSession()) {
            first.execute("CREATE TABLE t (id INT GENERATED ALWAYS AS IDENTITY, who TEXT)");
            first.execute("BEGIN");
            second.execute("BEGIN");
            first.execute("INSERT INTO t (who) VALUES ('first'), ('first')");
            second.execute("INSERT INTO t (who) VALUES ('second'), ('second')");
            first.execute("INSERT INTO t (who) VALUES ('first')");
            second.execute("COMMIT");
            first.execute("COMMIT");
            List<Long> ids = ids(first, "SELECT id FROM t");
            assertThat(ids).hasSize(5);
            assertThat(new HashSet<>(ids)).hasSize(5);
        }
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("INSERT INTO t (who) VALUES ('after')");
            Set<Long> ids = new HashSet<>(ids(session, "SELECT id FROM t"));
            assertThat(ids).as("the new value is none of the committed ones").hasSize(6);
        }
    }

    @Test
    void concurrentInsertsIntoAKeyedTableFailTheLaterCommitter() {
        try (Database database = Database.open(directory); Session first = database.newSession();
             Session second = database.newSession()) {
            first.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            first.execute("BEGIN");
            second.execute("BEGIN");
            first.execute("INSERT INTO t VALUES (1)");
            // Each sees no row 1: the key check cannot know of the other's; the later commit is refused.
            second.execute("INSERT INTO t VALUES (1)");
            first.execute("COMMIT");
            assertThatThrownBy(() -> second.execute("COMMIT")).isInstanceOfSatisfying(StatementException.class,
                    e -> assertThat(e.sqlState()).isEqualTo("40001"));
            assertThat(ids(first, "SELECT id FROM t")).containsExactly(1L);
            assertThatThrownBy(() -> second.execute("INSERT INTO t VALUES (1)")).isInstanceOfSatisfying(
                    StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
        }
    }

    private static List<Long> ids(Session session, String query) {
        return ResultRows.values(session.execute(query)).stream().map(row -> ((Number) row.get(0)).longValue()).toList();
    }

}
