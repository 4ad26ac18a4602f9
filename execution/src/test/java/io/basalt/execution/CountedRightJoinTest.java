package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregation that counts a RIGHT join's rows per build-side group ({@link CountedRightJoin}, TPC-H Q13's shape)
 * gives the rows of joining and then counting: COUNT(*) and COUNT of probe columns, NULL keys on both sides, build
 * rows repeating a key and group keys repeating across build rows, unmatched build rows, in memory and spilled.
 */
class CountedRightJoinTest {

    private static final List<Column> PROBE = List.of(Plans.column("pk", LogicalType.BIGINT),
            Plans.column("ps", LogicalType.TEXT), Plans.column("pn", LogicalType.BIGINT));
    private static final List<Column> BUILD = List.of(Plans.column("bk", LogicalType.BIGINT),
            Plans.column("bg", LogicalType.TEXT));

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

    private static PhysicalNode input(List<Column> columns, List<List<Object>> rows) {
        return Plans.valuesInParts(columns, rows, 3);
    }

    private static HashJoinNode join(JoinType type, List<List<Object>> probe, List<List<Object>> build) {
        return new HashJoinNode(type, input(PROBE, probe), input(BUILD, build), new int[] {0}, new int[] {0},
                Optional.empty(), false, Plans.concat(PROBE, Plans.nullable(BUILD)), probe.size());
    }

    private static AggregateCall count(AggregateFunction function, String name, int... arguments) {
        return new AggregateCall(function, arguments, false, -1, LogicalType.BIGINT, name);
    }

    /** Group by the build columns {@code groupColumns} (join output indexes) with COUNT(*), COUNT(ps), COUNT(ps, pn). */
    private static AggregateNode counting(PhysicalNode join, int... groupColumns) {
        List<AggregateCall> calls = List.of(count(AggregateFunction.COUNT_STAR, "all"),
                count(AggregateFunction.COUNT, "strings", 1), count(AggregateFunction.COUNT, "both", 1, 2));
        List<Column> output = new ArrayList<>();
        int[] keys = new int[groupColumns.length];
        for (int k = 0; k < groupColumns.length; k++) {
            keys[k] = groupColumns[k];
            output.add(join.output().get(groupColumns[k]));
        }
        calls.forEach(call -> output.add(Plans.column(call.name(), LogicalType.BIGINT)));
        return new AggregateNode(join, keys, calls, output, 10);
    }

    /** The same aggregation over the joined rows, computed by the reference join and aggregation. */
    private static List<List<Object>> expected(AggregateNode aggregate, JoinType type, List<List<Object>> probe,
                                               List<List<Object>> build, int[] joinColumns) {
        List<List<Object>> joined = ReferenceJoin.join(type, probe, build, new int[] {0}, new int[] {0}, (l, r) -> true,
                false, PROBE.size(), BUILD.size());
        List<List<Object>> rows = joined;
        if (joinColumns != null) {
            rows = joined.stream().map(row -> {
                List<Object> projected = new ArrayList<>();
                for (int column : joinColumns) {
                    projected.add(row.get(column));
                }
                return (List<Object>) projected;
            }).toList();
        }
        List<LogicalType> types = aggregate.input().output().stream().map(Column::type).toList();
        return ReferenceAggregation.aggregate(rows, aggregate.groupKeys(), aggregate.aggregates(), types);
    }

    private List<List<Object>> run(PhysicalNode plan, int parallelism, long memory) {
        return Results.sorted(Results.collect(QueryExecutor.execute(plan, database.context(parallelism, memory))));
    }

    private static final List<List<Object>> PROBE_ROWS = List.of(
            row(1L, "a", 10L), row(2L, "b", null), row(2L, null, 3L), row(2L, "c", 4L), row(null, "n", 5L),
            row(5L, "e", 6L), row(7L, null, null), row(8L, "h", 7L), row(7L, "g", 8L));
    private static final List<List<Object>> BUILD_ROWS = List.of(
            row(2L, "x"), row(2L, "y"), row(3L, "x"), row(null, "x"), row(null, "w"), row(5L, "y"), row(7L, "z"),
            row(9L, null));

    @Test
    void countsPerBuildKeyEqualCountingTheJoinedRows() {
        HashJoinNode join = join(JoinType.RIGHT, PROBE_ROWS, BUILD_ROWS);
        AggregateNode aggregate = counting(join, PROBE.size());
        assertThat(CountedRightJoin.of(aggregate)).isPresent();
        List<List<Object>> expected = Results.sorted(expected(aggregate, JoinType.RIGHT, PROBE_ROWS, BUILD_ROWS, null));
        // Key 2: two build rows with three matches each; NULL: two unmatched build rows (COUNT(*) 1 each); 9: none.
        assertThat(expected).contains(row(2L, 6L, 4L, 2L), row(null, 2L, 0L, 0L), row(9L, 1L, 0L, 0L));
        for (int parallelism : new int[] {1, 3}) {
            assertThat(run(aggregate, parallelism, TestDatabase.DEFAULT_MEMORY)).as("parallelism %d", parallelism)
                    .isEqualTo(expected);
        }
    }

    @Test
    void groupKeysRepeatingAcrossBuildRowsAddTheirCounts() {
        HashJoinNode join = join(JoinType.RIGHT, PROBE_ROWS, BUILD_ROWS);
        // Through a projection of plain columns, as the planner leaves it: (bg, ps, pn) grouped by bg.
        List<Expression> columns = List.of(new ColumnReference(PROBE.size() + 1, LogicalType.TEXT),
                new ColumnReference(1, LogicalType.TEXT), new ColumnReference(2, LogicalType.BIGINT));
        List<Column> projected = List.of(join.output().get(PROBE.size() + 1), PROBE.get(1), PROBE.get(2));
        ProjectNode project = new ProjectNode(join, columns, projected, 10);
        List<AggregateCall> calls = List.of(count(AggregateFunction.COUNT_STAR, "all"),
                count(AggregateFunction.COUNT, "strings", 1), count(AggregateFunction.COUNT, "both", 1, 2));
        AggregateNode aggregate = new AggregateNode(project, new int[] {0}, calls, List.of(projected.get(0),
                Plans.column("all", LogicalType.BIGINT), Plans.column("strings", LogicalType.BIGINT),
                Plans.column("both", LogicalType.BIGINT)), 10);
        assertThat(CountedRightJoin.of(aggregate)).isPresent();
        List<List<Object>> expected = Results.sorted(expected(aggregate, JoinType.RIGHT, PROBE_ROWS, BUILD_ROWS,
                new int[] {PROBE.size() + 1, 1, 2}));
        // "x": build rows 2 (3 matches), 3 (none: 1 padded row) and NULL (1 padded row).
        assertThat(expected).contains(row("x", 5L, 2L, 1L));
        assertThat(run(aggregate, 2, TestDatabase.DEFAULT_MEMORY)).isEqualTo(expected);
    }

    @Test
    void anEmptyProbeSideLeavesEveryBuildRowUnmatched() {
        HashJoinNode join = join(JoinType.RIGHT, List.of(), BUILD_ROWS);
        AggregateNode aggregate = counting(join, PROBE.size());
        assertThat(run(aggregate, 2, TestDatabase.DEFAULT_MEMORY))
                .isEqualTo(Results.sorted(expected(aggregate, JoinType.RIGHT, List.of(), BUILD_ROWS, null)));
    }

    @Test
    void onlyCountsOfProbeColumnsGroupedByBuildColumnsOfARightJoinAreCountedInPlace() {
        HashJoinNode right = join(JoinType.RIGHT, PROBE_ROWS, BUILD_ROWS);
        assertThat(CountedRightJoin.of(counting(join(JoinType.INNER, PROBE_ROWS, BUILD_ROWS), PROBE.size()))).isEmpty();
        assertThat(CountedRightJoin.of(counting(join(JoinType.LEFT, PROBE_ROWS, BUILD_ROWS), PROBE.size()))).isEmpty();
        assertThat(CountedRightJoin.of(counting(right, 0))).as("grouped by a probe column").isEmpty();
        AggregateCall countOfBuildColumn = count(AggregateFunction.COUNT, "built", PROBE.size() + 1);
        assertThat(CountedRightJoin.of(new AggregateNode(right, new int[] {PROBE.size()}, List.of(countOfBuildColumn),
                List.of(right.output().get(PROBE.size()), Plans.column("built", LogicalType.BIGINT)), 10))).isEmpty();
        AggregateCall sum = new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, LogicalType.BIGINT, "s");
        assertThat(CountedRightJoin.of(new AggregateNode(right, new int[] {PROBE.size()}, List.of(sum),
                List.of(right.output().get(PROBE.size()), Plans.column("s", LogicalType.BIGINT)), 10))).isEmpty();
        AggregateCall distinct = new AggregateCall(AggregateFunction.COUNT, new int[] {1}, true, -1, LogicalType.BIGINT, "d");
        assertThat(CountedRightJoin.of(new AggregateNode(right, new int[] {PROBE.size()}, List.of(distinct),
                List.of(right.output().get(PROBE.size()), Plans.column("d", LogicalType.BIGINT)), 10))).isEmpty();
    }

    @Test
    void aBuildSideThatSpillsCountsTheJoinedRows() {
        Random random = new Random(8);
        List<List<Object>> probe = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long key = random.nextInt(30_000);
            probe.add(row(i % 97 == 0 ? null : key, i % 5 == 0 ? null : "s" + i, (long) i));
        }
        List<List<Object>> build = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            build.add(row(i % 101 == 0 ? null : (long) (i % 25_000), "group " + (i % 7) + " with some text to take memory"));
        }
        HashJoinNode join = join(JoinType.RIGHT, probe, build);
        AggregateNode aggregate = counting(join, PROBE.size() + 1);
        List<List<Object>> inMemory = run(aggregate, 2, TestDatabase.DEFAULT_MEMORY);
        assertThat(inMemory).isEqualTo(Results.sorted(expected(aggregate, JoinType.RIGHT, probe, build, null)));
        ExecutionContext spilling = database.context(2, 3L << 20);
        assertThat(Results.sorted(Results.collect(QueryExecutor.execute(aggregate, spilling)))).isEqualTo(inMemory);
        assertThat(spilling.spillSpace().rowsSpilled()).as("rows spilled").isGreaterThanOrEqualTo(build.size());
    }
}
