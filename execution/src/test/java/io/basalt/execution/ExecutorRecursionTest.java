package io.basalt.execution;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Function;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.RecursiveUnionNode;
import io.basalt.execution.plan.RepeatRowsNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.plan.WorkingTableNode;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recursive unions (WITH RECURSIVE) and the row repetition of INTERSECT ALL / EXCEPT ALL, on plans built by hand. */
class ExecutorRecursionTest {

    private static final List<Column> NUMBER = List.of(Plans.column("n", LogicalType.BIGINT));

    @TempDir
    Path directory;

    private TestDatabase database;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<List<Object>> run(PhysicalNode plan, int parallelism) {
        return Results.collect(QueryExecutor.execute(plan, database.context(parallelism)));
    }

    /** {@code seed UNION [ALL] SELECT step(n) FROM t WHERE n < bound}. */
    private static RecursiveUnionNode counting(List<List<Object>> seed, Function step, long by, long bound, boolean all,
                                               int limit) {
        WorkingTableNode working = new WorkingTableNode("t", NUMBER, 1);
        ColumnReference n = new ColumnReference(0, LogicalType.BIGINT);
        FilterNode below = new FilterNode(working, Call.of(Function.LESS_THAN, LogicalType.BOOLEAN, n,
                Plans.literal(bound, LogicalType.BIGINT)), 1);
        ProjectNode next = new ProjectNode(below, List.of(Call.of(step, LogicalType.BIGINT, n,
                Plans.literal(by, LogicalType.BIGINT))), NUMBER, 1);
        return new RecursiveUnionNode(new ValuesNode(NUMBER, seed), next, all, "t", limit, NUMBER, 10);
    }

    @Test
    void unionAllRunsTheIterativePartUntilItAddsNoRow() {
        List<List<Object>> expected = new ArrayList<>();
        for (long n = 1; n <= 100; n++) {
            expected.add(row(n));
        }
        for (int parallelism : new int[] {1, 4}) {
            assertThat(run(counting(List.of(row(1L)), Function.ADD, 1, 100, true, 1000), parallelism)).isEqualTo(expected);
        }
    }

    @Test
    void unionDropsRowsAlreadyProducedSoACycleEnds() {
        // n -> (n + 3) mod 7 from 0 and a duplicate seed row: every residue once, then nothing new.
        WorkingTableNode working = new WorkingTableNode("t", NUMBER, 1);
        ColumnReference n = new ColumnReference(0, LogicalType.BIGINT);
        ProjectNode next = new ProjectNode(working, List.of(Call.of(Function.MODULO, LogicalType.BIGINT,
                Call.of(Function.ADD, LogicalType.BIGINT, n, Plans.literal(3L, LogicalType.BIGINT)),
                Plans.literal(7L, LogicalType.BIGINT))), NUMBER, 1);
        List<List<Object>> seed = new ArrayList<>(List.of(row(0L), row(0L)));
        seed.add(row((Object) null));
        RecursiveUnionNode cycle = new RecursiveUnionNode(new ValuesNode(NUMBER, seed), next, false, "t", 1000, NUMBER, 10);
        assertThat(run(cycle, 2)).containsExactly(row(0L), row((Object) null), row(3L), row(6L), row(2L), row(5L),
                row(1L), row(4L));
    }

    @Test
    void tooManyIterationsFailWith54001() {
        assertThatThrownBy(() -> run(counting(List.of(row(1L)), Function.ADD, 1, Long.MAX_VALUE, true, 50), 2))
                .isInstanceOfSatisfying(ExecutionException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("54001");
                    assertThat(e.getMessage()).isEqualTo("recursive query \"t\" did not end after 50 iterations");
                });
    }

    @Test
    void rowsKeptCountAgainstTheMemoryBudget() {
        // Each run reads the working table twice, so the rows double: a budget of 1 MiB ends it within ~20 runs.
        WorkingTableNode working = new WorkingTableNode("t", NUMBER, 1);
        UnionNode twice = new UnionNode(List.of(working, working), NUMBER, 2);
        RecursiveUnionNode growing = new RecursiveUnionNode(new ValuesNode(NUMBER, List.of(row(1L))), twice, true, "t",
                1_000_000, NUMBER, 10);
        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(growing, database.context(2, 1 << 20))))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("53200"));
    }

    @Test
    void anEmptySeedRunsNothing() {
        assertThat(run(counting(List.of(), Function.ADD, 1, 10, true, 1), 1)).isEmpty();
    }

    @Test
    void explainShowsBothParts() {
        assertThat(PlanPrinter.print(counting(List.of(row(1L)), Function.ADD, 1, 3, false, 5))).contains(
                "RecursiveUnion t", "Values 1 row", "WorkingTable t");
    }

    @Test
    void repeatRowsEmitsEachRowByItsCountAndDropsTheCount() {
        List<Column> columns = List.of(Plans.column("s", LogicalType.TEXT), Plans.column("copies", LogicalType.BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("a", 2L));
        rows.add(row("b", 0L));
        rows.add(row(null, 3L));
        rows.add(row("c", null));
        rows.add(row("d", -1L));
        rows.add(row("e", 70_000L));
        RepeatRowsNode repeat = new RepeatRowsNode(new ValuesNode(columns, rows), 1,
                List.of(Plans.column("s", LogicalType.TEXT)), 70_005);
        List<List<Object>> result = run(repeat, 2);
        assertThat(result).hasSize(2 + 3 + 70_000);
        assertThat(result.subList(0, 6)).containsExactly(row("a"), row("a"), row((Object) null), row((Object) null),
                row((Object) null), row("e"));
        assertThat(result.subList(5, result.size())).allMatch(r -> r.equals(row("e")));
    }
}
