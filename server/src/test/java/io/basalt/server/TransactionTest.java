package io.basalt.server;

import io.basalt.server.result.StatementResult;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions between sessions: snapshot isolation, write-write conflicts, rollback on close, durability. */
class TransactionTest {

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
        first.execute("CREATE TABLE counters (name VARCHAR(10) NOT NULL, hits BIGINT)");
        first.execute("INSERT INTO counters VALUES ('home', 1), ('about', 1)");
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        database.close();
    }

    @Test
    void concurrentUpdatesOfOneTableFailTheLaterCommitterAndLoseNoUpdate() {
        first.execute("BEGIN");
        second.execute("BEGIN");
        assertThat(count(first.execute("UPDATE counters SET hits = hits + 1 WHERE name = 'home'"))).isEqualTo(1);
        assertThat(count(second.execute("UPDATE counters SET hits = hits + 10 WHERE name = 'home'"))).isEqualTo(1);
        assertThat(tag(first.execute("COMMIT"))).isEqualTo("COMMIT");
        assertThatThrownBy(() -> second.execute("COMMIT"))
                .isInstanceOfSatisfying(StatementException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("40001");
                    assertThat(e.getMessage()).contains("counters").contains("concurrent transaction");
                });
        assertThat(second.inTransaction()).as("the loser's transaction is over").isFalse();
        assertThat(longs(second, "SELECT hits FROM counters WHERE name = 'home'")).containsExactly(2L);
        // the loser retries on a fresh snapshot
        second.execute("UPDATE counters SET hits = hits + 10 WHERE name = 'home'");
        assertThat(longs(first, "SELECT hits FROM counters WHERE name = 'home'")).containsExactly(12L);
    }

    @Test
    void anAutoCommitDeleteRacingATransactionsUpdateFailsTheTransaction() {
        first.execute("BEGIN");
        first.execute("UPDATE counters SET hits = 5");
        second.execute("DELETE FROM counters WHERE name = 'about'");
        assertThatThrownBy(() -> first.execute("COMMIT")).hasFieldOrPropertyWithValue("sqlState", "40001");
        assertThat(longs(first, "SELECT hits FROM counters")).containsExactly(1L);
    }

    @Test
    void appendsFromTwoTransactionsBothLand() {
        first.execute("BEGIN");
        second.execute("BEGIN");
        first.execute("INSERT INTO counters VALUES ('a', 1)");
        second.execute("INSERT INTO counters VALUES ('b', 1)");
        first.execute("COMMIT");
        second.execute("COMMIT");
        assertThat(longs(first, "SELECT count(*) FROM counters")).containsExactly(4L);
    }

    @Test
    void aTransactionReadsItsSnapshotAndItsOwnWritesOnly() {
        first.execute("BEGIN");
        first.execute("UPDATE counters SET hits = 100 WHERE name = 'home'");
        second.execute("INSERT INTO counters VALUES ('late', 7)");
        assertThat(longs(first, "SELECT hits FROM counters ORDER BY hits")).containsExactly(1L, 100L);
        assertThat(longs(second, "SELECT hits FROM counters ORDER BY hits")).as("uncommitted changes are invisible")
                .containsExactly(1L, 1L, 7L);
        first.execute("COMMIT");
        assertThat(longs(second, "SELECT hits FROM counters ORDER BY hits")).containsExactly(1L, 7L, 100L);
    }

    @Test
    void closingASessionRollsBack() {
        Session third = database.newSession();
        third.execute("BEGIN");
        third.execute("DELETE FROM counters");
        third.close();
        assertThat(longs(first, "SELECT count(*) FROM counters")).containsExactly(2L);
    }

    @Test
    void autoCommitOffOpensATransactionPerUnitOfWork() {
        first.setAutoCommit(false);
        first.execute("DELETE FROM counters WHERE name = 'home'");
        assertThat(first.inTransaction()).isTrue();
        assertThat(longs(second, "SELECT count(*) FROM counters")).containsExactly(2L);
        first.commit();
        assertThat(longs(second, "SELECT count(*) FROM counters")).containsExactly(1L);
        first.execute("DELETE FROM counters");
        first.rollback();
        assertThat(longs(second, "SELECT count(*) FROM counters")).containsExactly(1L);
        first.setAutoCommit(true);
        assertThat(first.inTransaction()).isFalse();
    }

    @Test
    void commitOfAnAbortedTransactionRollsBack() {
        first.execute("BEGIN");
        first.execute("DELETE FROM counters");
        assertThatThrownBy(() -> first.execute("SELECT nosuch FROM counters")).hasFieldOrPropertyWithValue("sqlState", "42703");
        assertThatThrownBy(() -> first.execute("SELECT 1")).hasFieldOrPropertyWithValue("sqlState", "25P02");
        assertThat(tag(first.execute("COMMIT"))).isEqualTo("ROLLBACK");
        assertThat(longs(first, "SELECT count(*) FROM counters")).containsExactly(2L);
    }

    @Test
    void committedChangesSurviveAReopenAndUncommittedOnesVanish() {
        first.execute("UPDATE counters SET hits = 42 WHERE name = 'home'");
        first.execute("DELETE FROM counters WHERE name = 'about'");
        first.execute("MERGE INTO counters c USING (VALUES ('new', 3)) AS s (name, hits) ON c.name = s.name "
                + "WHEN NOT MATCHED THEN INSERT VALUES (s.name, s.hits)");
        second.execute("BEGIN");
        second.execute("UPDATE counters SET hits = 0");
        second.execute("INSERT INTO counters VALUES ('lost', 9)");
        // As a crash would: the database goes away with the transaction still open.
        database.close();
        database = Database.open(directory);
        first = database.newSession();
        second = database.newSession();
        assertThat(longs(first, "SELECT hits FROM counters ORDER BY hits")).containsExactly(3L, 42L);
    }

    @Test
    void parametersInDmlKeepTheStatementsOrder() {
        PreparedStatement update = first.prepare("UPDATE counters SET hits = ? WHERE name = ?");
        assertThat(update.parameterTypes()).extracting(Object::toString).containsExactly("BIGINT", "VARCHAR(10)");
        assertThat(count(update.execute(List.of(5, "home")))).isEqualTo(1);
        assertThat(count(update.execute(List.of(6, "about")))).isEqualTo(1);
        // The MERGE query lists the ON condition after the clauses; values still go by the statement's order.
        PreparedStatement merge = first.prepare("MERGE INTO counters c USING (SELECT CAST(? AS VARCHAR(10)) AS name) s "
                + "ON c.name = s.name AND c.hits > ? WHEN MATCHED THEN UPDATE SET hits = c.hits + ? "
                + "WHEN NOT MATCHED THEN INSERT VALUES (s.name, ?)");
        assertThat(merge.parameterTypes()).extracting(Object::toString)
                .containsExactly("VARCHAR(10)", "BIGINT", "BIGINT", "BIGINT");
        merge.execute(List.of("home", 0, 100, -1));
        merge.execute(List.of("fresh", 0, 100, 9));
        assertThat(longs(first, "SELECT hits FROM counters ORDER BY hits")).containsExactly(6L, 9L, 105L);
        assertThat(merge.plannings()).isEqualTo(1);
        PreparedStatement delete = first.prepare("DELETE FROM counters WHERE hits < ?");
        assertThat(count(delete.execute(List.of(10)))).isEqualTo(2);
        assertThat(longs(first, "SELECT count(*) FROM counters")).containsExactly(1L);
    }

    @Test
    void aPreparedDeleteIsPlannedAgainWhenItsTableIsRecreated() {
        PreparedStatement delete = first.prepare("DELETE FROM counters WHERE name = 'home'");
        first.execute("DROP TABLE counters");
        first.execute("CREATE TABLE counters (id INT, name VARCHAR(10))");
        first.execute("INSERT INTO counters VALUES (1, 'home'), (2, 'away')");
        assertThat(count(delete.execute(List.of()))).isEqualTo(1);
        assertThat(delete.plannings()).isEqualTo(2);
    }

    @Test
    void dmlErrorsPointIntoTheStatement() {
        assertThatThrownBy(() -> first.execute("UPDATE counters\nSET hits = hits + nosuch"))
                .isInstanceOfSatisfying(StatementException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42703");
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.column()).hasValue(19);
                });
        assertThatThrownBy(() -> first.execute("DELETE FROM counters WHERE name = 'a' RETURNING *"))
                .hasFieldOrPropertyWithValue("sqlState", "0A000");
    }

    private static long count(StatementResult result) {
        return ((StatementResult.RowCount) result).count();
    }

    private static String tag(StatementResult result) {
        return ((StatementResult.RowCount) result).commandTag();
    }

    private static List<Long> longs(Session session, String query) {
        List<Long> values = new ArrayList<>();
        try (var stream = ((StatementResult.Rows) session.execute(query)).rows()) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    values.add(((LongVector) batch.column(0)).get(r));
                }
            }
        }
        return values;
    }
}
