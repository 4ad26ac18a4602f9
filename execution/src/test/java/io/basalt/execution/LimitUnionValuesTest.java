package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.LimitNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

class LimitUnionValuesTest {

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table numbers;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        numbers = database.create("numbers", 5_000,
                ColumnDefinition.notNull("n", LogicalType.BIGINT), ColumnDefinition.of("even", LogicalType.BOOLEAN),
                ColumnDefinition.of("label", LogicalType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (long n = 0; n < 50_000; n++) {
            rows.add(row(n, n % 2 == 0, n % 10 == 3 ? null : "n" + n));
        }
        numbers.append(rows);
        numbers.delete(row -> (Long) row.get(0) % 1000 == 1);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<List<Object>> run(PhysicalNode plan, int parallelism) {
        return Results.collect(QueryExecutor.execute(plan, database.context(parallelism)));
    }

    @Test
    void limitAtTheRootKeepsTableOrderUnderParallelism() {
        List<List<Object>> all = numbers.rows(0, 2);
        for (long[] window : new long[][] {{0, 10}, {7, 12_345}, {0, 0}, {49_000, 5_000}, {60_000, 10}, {3, -1}}) {
            LimitNode limit = new LimitNode(numbers.scan(0, 2), window[0], window[1], 10);
            int from = (int) Math.min(window[0], all.size());
            int to = window[1] < 0 ? all.size() : (int) Math.min(window[0] + window[1], all.size());
            for (int parallelism : new int[] {1, 4}) {
                assertThat(run(limit, parallelism)).as("offset %d limit %d", window[0], window[1]).isEqualTo(all.subList(from, to));
            }
        }
    }

    @Test
    void limitBelowOtherOperatorsIsMaterializedInOrder() {
        LimitNode limit = new LimitNode(numbers.scan(0, 1), 10, 20_000, 20_000);
        ProjectNode project = new ProjectNode(limit, List.of(new ColumnReference(0, LogicalType.BIGINT),
                new Literal("x", LogicalType.TEXT)), List.of(Plans.column("n", LogicalType.BIGINT), Plans.column("x", LogicalType.TEXT)), 1);
        AggregateNode count = new AggregateNode(limit, new int[0],
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "c"),
                        new AggregateCall(AggregateFunction.SUM, new int[] {0}, false, 1, LogicalType.BIGINT, "s")),
                List.of(Plans.column("c", LogicalType.BIGINT), Plans.column("s", LogicalType.BIGINT)), 1);

        List<List<Object>> expected = numbers.rows(0).subList(10, 20_010);
        List<List<Object>> projected = run(project, 4);
        assertThat(projected.stream().map(r -> r.get(0)).toList()).isEqualTo(expected.stream().map(r -> r.get(0)).toList());
        assertThat(projected).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("x"));
        long evenSum = expected.stream().mapToLong(r -> (Long) r.get(0)).filter(n -> n % 2 == 0).sum();
        assertThat(run(count, 4)).containsExactly(row(20_000L, evenSum));
    }

    @Test
    void limitOverSortIsTheTopOfTheOrder() {
        SortNode sort = new SortNode(numbers.scan(0, 2), List.of(new SortKey(1, true, true), new SortKey(0, false, false)), 0, -1, 1);
        LimitNode limit = new LimitNode(sort, 2, 30, 30);
        List<List<Object>> expected = new ArrayList<>(numbers.rows(0, 2));
        expected.sort((a, b) -> {
            int byLabel = Results.VALUE_ORDER.compare(a.get(1), b.get(1));
            return byLabel != 0 ? byLabel : Long.compare((Long) b.get(0), (Long) a.get(0));
        });

        assertThat(run(limit, 4)).isEqualTo(expected.subList(2, 32));
    }

    @Test
    void unionAllConcatenatesItsInputsInOrder() {
        List<Column> columns = numbers.output(0, 2);
        FilterNode evens = new FilterNode(numbers.scan(0, 1, 2), new ColumnReference(1, LogicalType.BOOLEAN), 1);
        ProjectNode evenColumns = new ProjectNode(evens, List.of(new ColumnReference(0, LogicalType.BIGINT),
                new ColumnReference(2, LogicalType.TEXT)), columns, 1);
        ValuesNode values = new ValuesNode(columns, List.of(row(-1L, "minus one"), row(-2L, null)));
        UnionNode union = new UnionNode(List.of(numbers.scan(0, 2), values, evenColumns, new ValuesNode(columns, List.of())),
                columns, 1);

        List<List<Object>> expected = new ArrayList<>(numbers.rows(0, 2));
        expected.addAll(List.of(row(-1L, "minus one"), row(-2L, null)));
        numbers.rows(0, 1, 2).stream().filter(r -> (Boolean) r.get(1)).forEach(r -> expected.add(row(r.get(0), r.get(2))));
        for (int parallelism : new int[] {1, 4}) {
            assertThat(run(union, parallelism)).isEqualTo(expected);
        }
    }

    @Test
    void valuesOfEveryType() {
        List<Column> columns = List.of(Plans.column("b", LogicalType.BOOLEAN), Plans.column("i", LogicalType.INTEGER),
                Plans.column("d", LogicalType.DOUBLE), Plans.column("w", LogicalType.decimal(25, 5)),
                Plans.column("s", LogicalType.varchar(10)), Plans.column("day", LogicalType.DATE));
        List<List<Object>> rows = List.of(
                row(true, 1L, 1.5, BigInteger.TEN.pow(22), "one", 19_000L),
                row(null, null, null, null, null, null),
                row(false, -7L, Double.NaN, BigInteger.valueOf(-3), "", 0L));

        assertThat(run(new ValuesNode(columns, rows), 2)).isEqualTo(rows);
        assertThat(run(new ValuesNode(columns, List.of()), 2)).isEmpty();
    }

    @Test
    void filterAndProjectOverColumnsAndLiterals() {
        FilterNode filter = new FilterNode(numbers.scan(0, 1, 2), new ColumnReference(1, LogicalType.BOOLEAN), 1);
        ProjectNode project = new ProjectNode(filter, List.of(new ColumnReference(2, LogicalType.TEXT),
                new Literal(42L, LogicalType.BIGINT), Literal.nullOf(LogicalType.DOUBLE), new ColumnReference(0, LogicalType.BIGINT)),
                List.of(Plans.column("label", LogicalType.TEXT), Plans.column("k", LogicalType.BIGINT),
                        Plans.column("nothing", LogicalType.DOUBLE), Plans.column("n", LogicalType.BIGINT)), 1);
        FilterNode none = new FilterNode(numbers.scan(0), Literal.nullOf(LogicalType.BOOLEAN), 1);

        List<List<Object>> expected = numbers.rows(0, 1, 2).stream().filter(r -> (Boolean) r.get(1))
                .map(r -> row(r.get(2), 42L, null, r.get(0))).toList();
        assertThat(run(project, 4)).isEqualTo(expected);
        assertThat(run(none, 4)).isEmpty();
    }
}
