package io.basalt.server;

import io.basalt.optimizer.statistics.ColumnStatistics;
import io.basalt.optimizer.statistics.TableColumnStatistics;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Column statistics from segment footers, ANALYZE, and EXPLAIN's segment counts, through a session. */
class SessionStatisticsTest {

    @TempDir
    Path directory;

    private Database database;
    private Session session;

    @BeforeEach
    void open() {
        database = Database.open(directory);
        session = database.newSession();
        session.execute("CREATE TABLE events (id INT NOT NULL, day DATE, kind VARCHAR(10))");
        // Three inserts, three segments: ids 1-100, 101-200, 201-300; every tenth kind is NULL.
        for (int segment = 0; segment < 3; segment++) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = 1; i <= 100; i++) {
                int id = segment * 100 + i;
                String kind = id % 10 == 0 ? "NULL" : "'" + "abc".charAt(id % 3) + "'";
                values.add("(" + id + ", date '" + LocalDate.parse("2024-01-01").plusDays(id % 50) + "', " + kind + ")");
            }
            session.execute("INSERT INTO events VALUES " + values);
        }
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void statisticsComeFromTheSegmentFooters() {
        TableEntry table = database.storage().current().table("main", "events").orElseThrow();
        assertThat(table.allSegments()).hasSize(3);

        TableColumnStatistics statistics = database.statistics().statistics(table).orElseThrow();

        ColumnStatistics id = statistics.column(0);
        assertThat(id.rows()).isEqualTo(300.0);
        assertThat(id.low()).isEqualTo(1.0);
        assertThat(id.high()).isEqualTo(300.0);
        assertThat(id.distinct()).isCloseTo(300.0, within(15.0));
        assertThat(id.nullFraction()).isZero();
        ColumnStatistics day = statistics.column(1);
        assertThat(day.low()).isEqualTo(LocalDate.parse("2024-01-01").toEpochDay());
        assertThat(day.high()).isEqualTo(LocalDate.parse("2024-02-19").toEpochDay());
        assertThat(day.distinct()).isCloseTo(50.0, within(2.0));
        ColumnStatistics kind = statistics.column(2);
        assertThat(kind.distinct()).isEqualTo(3.0);
        assertThat(kind.nullFraction()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void estimatesUseTheStatistics() {
        assertThat(estimatedRows("EXPLAIN SELECT id FROM events WHERE kind = 'a'")).isCloseTo(90.0, within(1.0));
        assertThat(estimatedRows("EXPLAIN SELECT id FROM events WHERE id > 270")).isCloseTo(30.0, within(1.0));
        assertThat(estimatedRows("EXPLAIN SELECT id FROM events WHERE kind IS NULL")).isCloseTo(30.0, within(1.0));
    }

    @Test
    void explainCountsTheSegmentsTheFilterKeeps() {
        List<String> plan = text(session.execute("EXPLAIN SELECT id, kind FROM events WHERE id > 250"));

        assertThat(plan).anySatisfy(line -> assertThat(line).contains("TableScan main.events")
                .contains("filter: (id > 250)").contains("segments: 1 of 3"));
        assertThat(text(session.execute("EXPLAIN SELECT id FROM events WHERE id BETWEEN 150 AND 250")))
                .anySatisfy(line -> assertThat(line).contains("segments: 2 of 3"));
        assertThat(text(session.execute("EXPLAIN SELECT id FROM events")))
                .anySatisfy(line -> assertThat(line).contains("segments: 3 of 3"));
    }

    @Test
    void analyzeRefreshesOneTableOrAll() {
        StatementResult one = session.execute("ANALYZE events");
        assertThat(one).isEqualTo(new StatementResult.RowCount("ANALYZE", 0));
        assertThat(session.execute("ANALYZE")).isEqualTo(new StatementResult.RowCount("ANALYZE", 0));
        TableEntry table = database.storage().current().table("main", "events").orElseThrow();
        assertThat(database.statistics().statistics(table).orElseThrow().column(0).high()).isEqualTo(300.0);

        session.execute("INSERT INTO events VALUES (1000, NULL, 'z')");
        session.execute("ANALYZE main.events");
        TableEntry grown = database.storage().current().table("main", "events").orElseThrow();
        assertThat(database.statistics().statistics(grown).orElseThrow().column(0).high()).isEqualTo(1000.0);

        assertThatThrownBy(() -> session.execute("ANALYZE missing"))
                .isInstanceOfSatisfying(StatementException.class, e -> assertThat(e.sqlState()).isEqualTo("42P01"));
    }

    private double estimatedRows(String explain) {
        for (String line : text(session.execute(explain))) {
            if (line.contains("TableScan")) {
                String estimate = line.substring(line.indexOf("estimated rows=") + "estimated rows=".length());
                return Double.parseDouble(estimate.replaceAll("[^0-9.].*", ""));
            }
        }
        throw new AssertionError("no scan in the plan");
    }

    private static List<String> text(StatementResult result) {
        List<String> lines = new ArrayList<>();
        try (var stream = ((StatementResult.Rows) result).rows()) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    lines.add(((BytesVector) batch.column(0)).getString(r));
                }
            }
        }
        return lines;
    }
}
