package io.basalt.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Foreign keys between concurrent transactions: each checks the other table at its snapshot, so a parent delete and
 * a child insert that each pass alone must not both commit (the second committer gets 40001).
 */
class ForeignKeyConcurrencyTest {

    @TempDir
    Path directory;

    private Database database;
    private Session first;
    private Session second;

    @BeforeEach
    void open() {
        database = Database.open(directory);
        first = database.newSession();
        second = database.newSession();
        first.execute("CREATE TABLE parent (id INT PRIMARY KEY)");
        first.execute("CREATE TABLE child (id INT, parent_id INT REFERENCES parent (id))");
        first.execute("INSERT INTO parent VALUES (1), (2)");
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        database.close();
    }

    @Test
    void aChildInsertCommittedFirstFailsTheParentDelete() {
        first.execute("BEGIN");
        second.execute("BEGIN");
        first.execute("INSERT INTO child VALUES (10, 1)");
        second.execute("DELETE FROM parent WHERE id = 1");
        first.execute("COMMIT");
        assertThatThrownBy(() -> second.execute("COMMIT")).isInstanceOfSatisfying(StatementException.class,
                e -> assertThat(e.sqlState()).isEqualTo("40001"));
        assertThat(count("SELECT count(*) FROM parent WHERE id = 1")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM child")).isEqualTo(1);
    }

    @Test
    void aParentDeleteCommittedFirstFailsTheChildInsert() {
        first.execute("BEGIN");
        second.execute("BEGIN");
        first.execute("INSERT INTO child VALUES (10, 1)");
        second.execute("DELETE FROM parent WHERE id = 1");
        second.execute("COMMIT");
        assertThatThrownBy(() -> first.execute("COMMIT")).isInstanceOfSatisfying(StatementException.class,
                e -> assertThat(e.sqlState()).isEqualTo("40001"));
        assertThat(count("SELECT count(*) FROM parent")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM child")).isZero();
    }

    @Test
    void aChildInsertAfterTheParentDeleteCommittedSeesItGone() {
        second.execute("DELETE FROM parent WHERE id = 1");
        assertThatThrownBy(() -> first.execute("INSERT INTO child VALUES (10, 1)"))
                .isInstanceOfSatisfying(StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("23503"));
        first.execute("INSERT INTO child VALUES (11, 2)");
        assertThat(count("SELECT count(*) FROM child")).isEqualTo(1);
    }

    @Test
    void insertsOfChildrenInTwoTransactionsBothCommit() {
        first.execute("BEGIN");
        second.execute("BEGIN");
        first.execute("INSERT INTO child VALUES (10, 1)");
        second.execute("INSERT INTO child VALUES (11, 2)");
        first.execute("COMMIT");
        second.execute("COMMIT");
        assertThat(count("SELECT count(*) FROM child")).isEqualTo(2);
    }

    private long count(String query) {
        List<List<Object>> rows = ResultRows.values(first.execute(query));
        return ((Number) rows.get(0).get(0)).longValue();
    }
}
