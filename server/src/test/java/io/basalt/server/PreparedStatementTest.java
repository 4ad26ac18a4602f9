package io.basalt.server;

import io.basalt.server.result.StatementResult;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Prepared statements of a session: planned once, bound per execution, re-planned only when the catalog they were
 * planned against changed; parameters refused where statements cannot take them.
 */
class PreparedStatementTest {

    @TempDir
    Path directory;

    private Database database;
    private Session session;

    @BeforeEach
    void open() {
        database = Database.open(directory);
        session = database.newSession();
        session.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(10), price DECIMAL(15,2))");
        session.execute("INSERT INTO items VALUES (1, 'apple', 0.50), (2, 'pear', 0.75), (3, 'plum', 1.25)");
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }


    private static StatementException failure(Runnable statement) {
        StatementException error = catchThrowableOfType(StatementException.class, statement::run);
        assertThat(error).as("the statement should fail").isNotNull();
        return error;
    }

    @Test
    void aQueryIsPlannedOnceAndBoundPerExecution() {
        PreparedStatement query = session.prepare("SELECT id, name FROM items WHERE price < ? ORDER BY id LIMIT ?");

        assertThat(query.parameterTypes()).containsExactly(LogicalType.decimal(15, 2), LogicalType.INTEGER);
        assertThat(query.resultColumns()).hasValueSatisfying(columns ->
                assertThat(columns).extracting(column -> column.name()).containsExactly("id", "name"));
        assertThat(ResultRows.values(query.execute(List.of(new BigDecimal("1.00"), 5)))).containsExactly(
                List.of(1L, "apple"), List.of(2L, "pear"));
        assertThat(ResultRows.values(query.execute(List.of("0.6", 5L)))).containsExactly(List.of(1L, "apple"));
        assertThat(ResultRows.values(query.execute(Arrays.asList(2, null)))).hasSize(3);
        session.execute("INSERT INTO items VALUES (4, 'fig', 0.10)");
        assertThat(ResultRows.values(query.execute(List.of(0.2, 1)))).containsExactly(List.of(4L, "fig"));
        assertThat(query.plannings()).as("appending rows keeps the plan").isEqualTo(1);
    }

    @Test
    void aJoinWithASubqueryAndAnAggregateIsPlannedOnceForEveryExecution() {
        // The TPC-H shape (join, IN subquery, grouping, parameters): re-executing it must not plan it again.
        session.execute("CREATE TABLE sales (item_id BIGINT, quantity INTEGER)");
        session.execute("INSERT INTO sales VALUES (1, 3), (1, 4), (2, 5), (3, 1), (3, 2)");
        PreparedStatement query = session.prepare("SELECT i.name, sum(s.quantity) AS total FROM items i JOIN sales s "
                + "ON s.item_id = i.id WHERE i.price < ? AND s.item_id IN (SELECT item_id FROM sales WHERE quantity >= ?) "
                + "GROUP BY i.name ORDER BY i.name");

        assertThat(ResultRows.values(query.execute(List.of(1, 4)))).containsExactly(List.of("apple", 7L),
                List.of("pear", 5L));
        assertThat(ResultRows.values(query.execute(List.of(2, 2)))).containsExactly(List.of("apple", 7L),
                List.of("pear", 5L), List.of("plum", 3L));
        assertThat(ResultRows.values(query.execute(List.of(0.6, 9)))).isEmpty();
        assertThat(query.plannings()).isEqualTo(1);
    }

    @Test
    void aStatementReadingTheClockIsPlannedForEveryExecution() {
        // current_timestamp and now() are constants of planning time: a cached plan would repeat an old time.
        PreparedStatement query = session.prepare("SELECT id, now() >= current_date FROM items WHERE id = ?");
        assertThat(ResultRows.values(query.execute(List.of(1)))).containsExactly(List.of(1L, true));
        assertThat(ResultRows.values(query.execute(List.of(2)))).containsExactly(List.of(2L, true));
        assertThat(query.plannings()).isEqualTo(3);
        PreparedStatement plain = session.prepare("SELECT id FROM items WHERE id = ?");
        plain.execute(List.of(1));
        plain.execute(List.of(2));
        assertThat(plain.plannings()).isEqualTo(1);
    }

    @Test
    void aChangedTableDefinitionIsPlannedAgain() {
        PreparedStatement query = session.prepare("SELECT * FROM items WHERE id = ?");
        PreparedStatement insert = session.prepare("INSERT INTO items VALUES (?, ?, ?)");
        assertThat(insert.parameterTypes()).containsExactly(LogicalType.BIGINT, LogicalType.varchar(10),
                LogicalType.decimal(15, 2));

        session.execute("DROP TABLE items");
        session.execute("CREATE TABLE items (id VARCHAR(5), amount INTEGER, note TEXT)");
        assertThat(insert.execute(List.of("k1", 7, "new"))).isEqualTo(new StatementResult.RowCount("INSERT", 1));
        assertThat(insert.parameterTypes()).containsExactly(LogicalType.varchar(5), LogicalType.INTEGER, LogicalType.TEXT);

        assertThat(ResultRows.values(query.execute(List.of("k1")))).containsExactly(List.of("k1", 7L, "new"));
        assertThat(query.plannings()).isEqualTo(2);
        assertThat(insert.plannings()).isEqualTo(2);
        assertThat(failure(() -> query.execute(List.of("toolong"))).sqlState()).isEqualTo("22001");

        session.execute("DROP TABLE items");
        session.execute("CREATE TABLE items (id VARCHAR(5), amount INTEGER)");
        StatementException tooMany = failure(() -> insert.execute(List.of("k2", 8, "x")));
        assertThat(tooMany.sqlState()).isEqualTo("42601");
        assertThat(tooMany.getMessage()).isEqualTo("INSERT has more expressions than target columns");
        assertThat(tooMany.column()).hasValue(33);
    }

    @Test
    void aDroppedTableFailsTheNextExecution() {
        PreparedStatement query = session.prepare("SELECT name FROM items WHERE id = ?");
        session.execute("DROP TABLE items");

        StatementException error = failure(() -> query.execute(List.of(1)));

        assertThat(error.sqlState()).isEqualTo("42P01");
    }

    @Test
    void aTableThatGrewManyTimesOverIsPlannedAgain() {
        PreparedStatement query = session.prepare("SELECT count(*) FROM items WHERE price > ?");
        session.execute("INSERT INTO items SELECT id + 10, name, price FROM items");
        assertThat(ResultRows.values(query.execute(List.of(0)))).containsExactly(List.of(6L));
        assertThat(query.plannings()).as("a small change").isEqualTo(1);

        StringBuilder values = new StringBuilder("INSERT INTO items VALUES ");
        for (int i = 0; i < 3_000; i++) {
            values.append(i == 0 ? "" : ", ").append('(').append(100 + i).append(", 'x', 1)");
        }
        session.execute(values.toString());

        assertThat(ResultRows.values(query.execute(List.of(0)))).containsExactly(List.of(3_006L));
        assertThat(query.plannings()).isEqualTo(2);
    }

    @Test
    void adHocExecutionTakesParametersToo() {
        assertThat(ResultRows.values(session.execute("SELECT name FROM items WHERE name LIKE ? AND id <> ?", List.of("p%", 3))))
                .containsExactly(List.of("pear"));
        assertThat(session.execute("INSERT INTO items (id, name) VALUES (?, ?)", List.of(9, "kiwi")))
                .isEqualTo(new StatementResult.RowCount("INSERT", 1));
        assertThat(ResultRows.values(session.execute("SELECT price FROM items WHERE id = 9"))).containsExactly(Arrays.asList((Object) null));
    }

    @Test
    void explainShowsThePlanBoundToTheValues() {
        List<List<Object>> plan = ResultRows.values(session.execute("EXPLAIN SELECT name FROM items WHERE id = ?", List.of(2)));

        assertThat(plan.toString()).contains("filter: (id = 2)");
    }

    @Test
    void aWrongNumberOfValuesIs07001() {
        StatementException missing = failure(() -> session.execute("SELECT name FROM items WHERE id = ?"));
        assertThat(missing.sqlState()).isEqualTo("07001");
        assertThat(missing.getMessage()).isEqualTo("the statement has 1 parameter, but 0 values were given");
        assertThat(failure(() -> session.execute("SELECT 1", List.of(1))).getMessage())
                .isEqualTo("the statement has no parameters, but 1 value was given");
        assertThat(failure(() -> session.execute("SHOW TABLES", List.of(1))).sqlState()).isEqualTo("07001");
    }

    @Test
    void valuesThatDoNotFitNameTheirParameter() {
        PreparedStatement insert = session.prepare("INSERT INTO items VALUES (?, ?, ?)");

        StatementException notANumber = failure(() -> insert.execute(List.of("abc", "x", 1)));
        assertThat(notANumber.sqlState()).isEqualTo("22P02");
        assertThat(notANumber.getMessage()).isEqualTo("parameter $1: invalid input syntax for type BIGINT: \"abc\"");
        assertThat(failure(() -> insert.execute(List.of(5, "x", 1e30))).sqlState()).isEqualTo("22003");
        assertThat(failure(() -> insert.execute(List.of(5, "much too long", 1))).sqlState()).isEqualTo("22001");
        assertThat(ResultRows.values(session.execute("SELECT count(*) FROM items"))).containsExactly(List.of(3L));
    }

    @Test
    void statementsThatTakeNoParametersRefuseThem() {
        assertThat(failure(() -> session.prepare("CREATE TABLE t (a INT DEFAULT ?)")).getMessage())
                .isEqualTo("not supported yet: parameters in CREATE TABLE statements");
        StatementException copy = failure(() -> session.prepare("COPY items FROM ?"));
        assertThat(copy.sqlState()).isEqualTo("0A000");
        assertThat(copy.getMessage()).isEqualTo("not supported yet: parameters in COPY statements");
        assertThat(failure(() -> session.prepare("SET threads = ?")).getMessage())
                .isEqualTo("not supported yet: parameters in SET statements");
        assertThat(failure(() -> session.prepare("CREATE TABLE t AS SELECT * FROM items WHERE id = ?")).getMessage())
                .isEqualTo("not supported yet: parameters in CREATE TABLE statements");
        assertThat(session.prepare("CREATE TABLE t (a VARCHAR(3) DEFAULT '?')").parameterTypes()).isEmpty();
    }

    @Test
    void aBatchOfInsertsIsOneTransaction() {
        PreparedStatement insert = session.prepare("INSERT INTO items VALUES (?, ?, ?)");
        assertThat(insert.runsBatches()).isTrue();

        assertThat(insert.executeBatch(List.of(List.of(10, "a", 1), Arrays.asList(11, null, null), List.of(12L, "c", "3.5"))))
                .containsExactly(1, 1, 1);
        StatementException failed = failure(() -> insert.executeBatch(List.of(List.of(20, "a", 1), List.of(21, "b", "x"))));
        assertThat(failed.sqlState()).isEqualTo("22P02");
        assertThat(failed.getMessage()).isEqualTo(
                "batch entry 2: parameter $3: invalid input syntax for type DECIMAL(15,2): \"x\"");

        assertThat(ResultRows.values(session.execute("SELECT id, name, price FROM items WHERE id >= 10 ORDER BY id"))).containsExactly(
                List.of(10L, "a", 100L), Arrays.asList(11L, null, null), List.of(12L, "c", 350L));
    }

    @Test
    void aBatchOfInsertsFromAQueryRunsEachSet() {
        PreparedStatement copy = session.prepare("INSERT INTO items SELECT id + ?, name, price FROM items WHERE id = ?");

        assertThat(copy.executeBatch(List.of(List.of(100, 1), List.of(200, 2), List.of(300, 99)))).containsExactly(1, 1, 0);
        assertThat(ResultRows.values(session.execute("SELECT id FROM items WHERE id > 100 ORDER BY id")))
                .containsExactly(List.of(101L), List.of(202L));
    }
}
