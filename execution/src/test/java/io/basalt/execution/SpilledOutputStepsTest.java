package io.basalt.execution;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output of an aggregation and of a sort that spilled under a tiny memory limit, on several workers, while the
 * result buffer holds a window of morsels ahead of its reader: the operators emit it in bounded steps and the buffer
 * keeps its share of the budget, so the query neither fails with 53200 "buffering query results" nor stalls, and it
 * gives what the same query gives in memory. Repeated, since which worker runs which step varies from run to run.
 */
class SpilledOutputStepsTest {

    private static final long TINY_LIMIT = 256 * 1024;
    private static final int ROWS = 150_000;
    private static final int WORKERS = 4;

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table events;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        events = database.create("events", 10_000, ColumnDefinition.notNull("id", LogicalType.BIGINT),
                ColumnDefinition.of("name", LogicalType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < ROWS; id++) {
            // Two rows per name (so the groups aggregate something), every tenth name NULL-free and longer.
            long name = id / 2;
            rows.add(row(id, name % 10 == 0 ? "a longer name for event " + name : "event " + name));
        }
        events.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** SELECT name, count(*), sum(id) FROM events GROUP BY name: ROWS / 2 groups. */
    private AggregateNode groupByName() {
        return new AggregateNode(events.scan(0, 1), new int[] {1},
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "c"),
                        new AggregateCall(AggregateFunction.SUM, new int[] {0}, false, -1, LogicalType.BIGINT, "s")),
                List.of(Plans.column("name", LogicalType.TEXT), Plans.column("c", LogicalType.BIGINT),
                        Plans.column("s", LogicalType.BIGINT)), ROWS / 2);
    }

    /** SELECT id, name FROM events ORDER BY name DESC, id. */
    private SortNode orderByName() {
        return new SortNode(events.scan(0, 1), List.of(new SortKey(1, false, false), new SortKey(0, true, false)), 0, -1, ROWS);
    }

    @RepeatedTest(5)
    void aSpilledGroupByOnFourWorkersGivesEveryGroupUnderATinyLimit() {
        List<List<Object>> spilled = Results.collectWithinLimit(groupByName(), database.context(WORKERS, TINY_LIMIT));
        List<List<Object>> inMemory = Results.collectWithinLimit(groupByName(), database.context(WORKERS));
        assertThat(spilled).hasSize(ROWS / 2);
        assertThat(Results.sorted(spilled)).isEqualTo(Results.sorted(inMemory));
    }

    @RepeatedTest(5)
    void aSpilledOrderByOnFourWorkersGivesEveryRowInOrderUnderATinyLimit() {
        List<List<Object>> spilled = Results.collectWithinLimit(orderByName(), database.context(WORKERS, TINY_LIMIT));
        List<List<Object>> inMemory = Results.collectWithinLimit(orderByName(), database.context(WORKERS));
        assertThat(spilled).hasSize(ROWS);
        assertThat(spilled).isEqualTo(inMemory);
    }
}
