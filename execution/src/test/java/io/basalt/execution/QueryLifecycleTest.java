package io.basalt.execution;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryLifecycleTest {

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table events;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        events = database.create("events", 10_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT), ColumnDefinition.of("name", LogicalType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < 200_000; id++) {
            rows.add(row(id, "event number " + id));
        }
        events.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AggregateNode groupByName() {
        return new AggregateNode(events.scan(0, 1), new int[] {1},
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "c")),
                List.of(Plans.column("name", LogicalType.TEXT), Plans.column("c", LogicalType.BIGINT)), 200_000);
    }

    private static String sqlState(Throwable e) {
        return ((ExecutionException) e).sqlState();
    }

    @Test
    void aQueryCancelledBeforeItStartsFails() {
        ExecutionContext context = database.context(4);
        context.cancelled().set(true);

        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(groupByName(), context)))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo(ExecutionException.QUERY_CANCELED));
    }

    @Test
    void aQueryCancelledWhileRunningFailsAndFreesItsMemory() {
        ExecutionContext context = database.context(4);
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(new SortNode(events.scan(0, 1),
                List.of(new SortKey(0, false, false)), 0, -1, 1), context);

        assertThat(stream.next()).isNotNull();
        context.cancelled().set(true);

        assertThatThrownBy(stream::next)
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo(ExecutionException.QUERY_CANCELED));
        assertThat(stream.memoryInUse()).isZero();
        assertThat(stream.next()).isNull();
    }

    @Test
    void exceedingTheMemoryBudgetFailsTheQueryAndTheNextQueryRuns() {
        long limit = 256 * 1024;
        // Aggregation, sort and hash join spill when they outgrow the budget; what still fails is a join whose rows
        // share one key and do not fit: both sides keyed on the constant 1.
        HashJoinNode join = new HashJoinNode(JoinType.INNER, keyedOnOne(), keyedOnOne(), new int[] {0}, new int[] {0},
                Optional.empty(), false, Plans.concat(keyedOnOne().output(), keyedOnOne().output()), 1);
        List<PhysicalNode> plans = List.of(join);
        List<String> activities = List.of("joining");

        for (int i = 0; i < plans.size(); i++) {
            QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(plans.get(i), database.context(4, limit));
            assertThatThrownBy(() -> Results.collect(stream))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageStartingWith("query exceeded its memory limit")
                    .hasMessageContaining("while " + activities.get(i))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo(ExecutionException.OUT_OF_MEMORY));
            assertThat(stream.memoryInUse()).isZero();
        }
        assertThat(Results.collect(QueryExecutor.execute(groupByName(), database.context(4)))).hasSize(200_000);
    }

    /** The events' names, each with the key 1. */
    private ProjectNode keyedOnOne() {
        return new ProjectNode(events.scan(0, 1), List.of(Plans.literal(1L, LogicalType.BIGINT), Plans.column(events.scan(0, 1), 1)),
                List.of(Plans.column("one", LogicalType.BIGINT), events.output(0, 1).get(1)), 200_000);
    }

    @Test
    void aSortOverTheMemoryBudgetSpillsAndHoldsNothingAfterwards() {
        SortNode sort = new SortNode(events.scan(0, 1), List.of(new SortKey(1, true, true)), 0, -1, 1);
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(sort, database.context(4, 256 * 1024));
        assertThat(Results.collect(stream)).hasSameSizeAs(Results.collect(QueryExecutor.execute(sort, database.context(4))));
        assertThat(stream.memoryInUse()).isZero();
    }

    @Test
    void anAggregationOverTheBudgetSpillsAndGivesEveryGroup() {
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(groupByName(), database.context(4, 256 * 1024));
        List<List<Object>> spilled = Results.collect(stream);
        assertThat(stream.memoryInUse()).isZero();
        List<List<Object>> inMemory = Results.collect(QueryExecutor.execute(groupByName(), database.context(4)));
        assertThat(spilled).hasSize(200_000);
        assertThat(Results.sorted(spilled)).isEqualTo(Results.sorted(inMemory));
    }

    @Test
    void closingEarlyStopsTheWorkersAndFreesEverything() {
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(events.scan(0, 1), database.context(4));

        ColumnBatch first = stream.next();
        stream.close();

        assertThat(first.rowCount()).isPositive();
        assertThat(stream.memoryInUse()).isZero();
        assertThat(stream.next()).isNull();
        stream.close();
    }

    @Test
    void aDrainedQueryHoldsNoMemory() {
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(groupByName(), database.context(3));
        int rows = 0;
        ColumnBatch batch;
        while ((batch = stream.next()) != null) {
            rows += batch.rowCount();
        }

        assertThat(rows).isEqualTo(200_000);
        assertThat(stream.memoryInUse()).isZero();
        assertThat(stream.budget().peakBytes()).isPositive();
        assertThat(stream.next()).isNull();
    }

    @Test
    void resultColumnsAreThePlansOutput() {
        AggregateNode plan = groupByName();
        try (ResultStream stream = QueryExecutor.execute(plan, database.context(1))) {
            assertThat(stream.columns()).isEqualTo(plan.output());
        }
    }
}
