package io.basalt.execution;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.execution.plan.SharedResultNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A subplan used in several places ({@link SharedResultNode}): computed once, read by each use, same rows. */
class SharedResultTest {

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table sales;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        // Several segments, so that the aggregation's input comes in many morsels on several workers.
        sales = database.create("sales", 5_000,
                ColumnDefinition.of("store", LogicalType.BIGINT),
                ColumnDefinition.of("qty", LogicalType.BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 40_000; i++) {
            rows.add(row(i % 700 == 0 ? null : i % 1_000, i % 17));
        }
        sales.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** {@code SELECT store, sum(qty) FROM sales GROUP BY store}: what the uses share. */
    private AggregateNode totals() {
        PhysicalNode scan = sales.scan(0, 1);
        List<Column> output = List.of(scan.output().get(0), Plans.column("total", LogicalType.BIGINT));
        return new AggregateNode(scan, new int[] {0},
                List.of(new AggregateCall(AggregateFunction.SUM, new int[] {1}, false, -1, LogicalType.BIGINT, "total")),
                output, 1_000);
    }

    /** The totals joined with themselves on the store: each use a node of {@code use}. */
    private static PhysicalNode selfJoin(Supplier<PhysicalNode> use) {
        PhysicalNode left = use.get();
        PhysicalNode right = use.get();
        return new HashJoinNode(JoinType.INNER, left, right, new int[] {0}, new int[] {0}, Optional.empty(), false,
                Plans.concat(left.output(), right.output()), 1_000);
    }

    private List<List<Object>> run(PhysicalNode plan, int parallelism) {
        return Results.sorted(Results.collect(QueryExecutor.execute(plan, database.context(parallelism))));
    }

    @Test
    void aJoinOfASharedResultWithItselfGivesTheRowsOfTheUnsharedPlan() {
        SharedResultNode shared = new SharedResultNode(0, totals(), 2, 1_000);
        for (int parallelism : new int[] {1, 4}) {
            List<List<Object>> unshared = run(selfJoin(this::totals), parallelism);
            assertThat(unshared).hasSize(1_000);
            assertThat(run(selfJoin(() -> shared), parallelism)).isEqualTo(unshared);
        }
    }

    @Test
    void everyUseReadsEveryRowInTheSameOrder() {
        SharedResultNode shared = new SharedResultNode(0, totals(), 3, 1_000);
        PhysicalNode union = new UnionNode(List.of(shared, shared, shared), shared.output(), 3_000);
        List<List<Object>> rows = Results.collect(QueryExecutor.execute(union, database.context(4)));
        assertThat(rows).hasSize(3 * 1_001);
        assertThat(rows.subList(1_001, 2_002)).isEqualTo(rows.subList(0, 1_001));
        assertThat(rows.subList(2_002, 3_003)).isEqualTo(rows.subList(0, 1_001));
        assertThat(Results.sorted(rows.subList(0, 1_001))).isEqualTo(run(totals(), 1));
    }

    @Test
    void explainShowsTheSharedSubplanOnceAndAnalyzeCountsItsRowsOnce() {
        SharedResultNode shared = new SharedResultNode(0, totals(), 2, 1_000);
        PhysicalNode plan = selfJoin(() -> shared);

        String explained = PlanPrinter.print(plan);
        assertThat(explained).contains("SharedResult #0 (2 uses) (estimated rows=1000)")
                .contains("SharedResult #0 (2 uses), computed above (estimated rows=1000)");
        assertThat(explained.split("Aggregate group by", -1)).hasSize(2);

        String analyzed = QueryExecutor.executeAnalyzed(plan, database.context(2));
        assertThat(analyzed).contains("SharedResult #0 (2 uses) (estimated rows=1000; actual rows=1001,");
        assertThat(analyzed.split("TableScan", -1)).hasSize(2);
    }

    @Test
    void aSharedResultLargerThanTheMemoryLimitFailsWith53200AndFreesEverything() {
        SharedResultNode shared = new SharedResultNode(0, sales.scan(0, 1), 2, 40_000);
        PhysicalNode plan = new UnionNode(List.of(shared, shared), shared.output(), 80_000);
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(plan, database.context(2, 64 << 10));
        assertThatThrownBy(() -> Results.collect(stream))
                .isInstanceOf(ExecutionException.class)
                .hasMessageStartingWith("query exceeded its memory limit")
                .hasMessageContaining("keeping a result used in several places")
                .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo(ExecutionException.OUT_OF_MEMORY));
        assertThat(stream.memoryInUse()).isZero();
    }
}
