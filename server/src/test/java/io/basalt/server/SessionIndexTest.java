package io.basalt.server;

import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.IndexKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionIndexTest {

    @TempDir
    Path directory;

    @Test
    void indexesSurviveReopeningAndKeepEnforcingUniqueness() {
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("CREATE TABLE t (a INT, b TEXT, c DOUBLE)");
            session.execute("INSERT INTO t VALUES (1, 'x', 0.5), (2, 'y', 1.5)");
            session.execute("CREATE UNIQUE INDEX t_b ON t (b DESC) INCLUDE (c)");
            session.execute("CREATE INDEX t_a_c ON t (a, c)");
        }
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            List<IndexDefinition> indexes = database.storage().current().table("main", "t").orElseThrow()
                    .definition().indexes();
            assertThat(indexes).extracting(IndexDefinition::name).containsExactly("t_b", "t_a_c");
            assertThat(indexes.get(0).unique()).isTrue();
            assertThat(indexes.get(0).keys()).containsExactly(new IndexKey("b", true));
            assertThat(indexes.get(0).included()).containsExactly("c");
            assertThat(indexes.get(1).keys()).containsExactly(new IndexKey("a", false), new IndexKey("c", false));
            assertThatThrownBy(() -> session.execute("INSERT INTO t VALUES (3, 'x', 0)"))
                    .isInstanceOf(StatementException.class)
                    .extracting(e -> ((StatementException) e).sqlState()).isEqualTo("23505");
            session.execute("DROP INDEX t_b");
        }
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            session.execute("INSERT INTO t VALUES (3, 'x', 0)");
            assertThat(ResultRows.text(session.execute("SELECT index_name FROM information_schema.basalt_indexes"
                    + " WHERE ordinal_position = 1"))).containsExactly(List.of("t_a_c"));
        }
    }
}
