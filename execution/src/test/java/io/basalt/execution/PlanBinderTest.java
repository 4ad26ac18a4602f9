package io.basalt.execution;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.expression.Parameter;
import io.basalt.execution.parameter.ParameterRows;
import io.basalt.execution.parameter.PlanBinder;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.LimitNode;
import io.basalt.execution.plan.NestedLoopJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.profile.QueryProfile;
import io.basalt.execution.scan.ScanCounters;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Parameter templates: every node kind's parameters are bound, bound plans give the results the same plan written
 * with literals gives, one template serves many executions, and an unbound plan never runs.
 */
class PlanBinderTest {

    private static final Parameter FIRST = new Parameter(0, LogicalType.BIGINT);
    private static final Parameter SECOND = new Parameter(1, LogicalType.BIGINT);

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table numbers;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        numbers = database.create("numbers", 50_000,
                ColumnDefinition.notNull("n", LogicalType.BIGINT), ColumnDefinition.of("grp", LogicalType.BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        for (long n = 0; n < 200_000; n++) {
            rows.add(row(n, n % 7));
        }
        numbers.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<List<Object>> run(PhysicalNode template, Long... values) {
        return Results.collect(QueryExecutor.execute(PlanBinder.bind(template, literals(values)), database.context(2)));
    }

    private static List<Literal> literals(Long... values) {
        return Arrays.stream(values).map(value -> new Literal(value, LogicalType.BIGINT)).toList();
    }

    private static Call call(Function function, LogicalType type, Expression... arguments) {
        return Call.of(function, type, arguments);
    }

    private static ColumnReference column(int index) {
        return new ColumnReference(index, LogicalType.BIGINT);
    }

    private List<List<Object>> expected(java.util.function.Predicate<List<Object>> condition) {
        return numbers.rows(0, 1).stream().filter(condition).toList();
    }

    @Test
    void pushedScanFiltersAreBoundAndSkipByZoneMaps() {
        TableScanNode template = numbers.scan(call(Function.LESS_THAN, LogicalType.BOOLEAN, column(0), FIRST), 0, 1);

        assertThat(run(template, 10L)).isEqualTo(expected(row -> (Long) row.get(0) < 10));
        assertThat(run(template, 60_000L)).isEqualTo(expected(row -> (Long) row.get(0) < 60_000));

        QueryProfile profile = QueryExecutor.profile(PlanBinder.bind(template, literals(10L)), database.context(2));
        ScanCounters counters = profile.statistics(profile.plan()).scan();
        assertThat(counters.segmentsSkipped()).isEqualTo(3);
    }

    @Test
    void callsOverBoundValuesAreFoldedIntoLiterals() {
        Expression shifted = call(Function.ADD, LogicalType.BIGINT, FIRST, new Literal(5L, LogicalType.BIGINT));
        TableScanNode template = numbers.scan(call(Function.LESS_THAN, LogicalType.BOOLEAN, column(0), shifted), 0);

        TableScanNode bound = (TableScanNode) PlanBinder.bind(template, literals(10L));

        assertThat(bound.filter()).contains(call(Function.LESS_THAN, LogicalType.BOOLEAN, column(0),
                new Literal(15L, LogicalType.BIGINT)));
        Expression failing = call(Function.DIVIDE, LogicalType.BIGINT, new Literal(1L, LogicalType.BIGINT), FIRST);
        assertThat(PlanBinder.bind(failing, literals(0L))).as("an error is left for a row to raise")
                .isEqualTo(call(Function.DIVIDE, LogicalType.BIGINT, new Literal(1L, LogicalType.BIGINT),
                        new Literal(0L, LogicalType.BIGINT)));
    }

    @Test
    void filtersProjectionsAndUnions() {
        TableScanNode scan = numbers.scan(0, 1);
        FilterNode filter = new FilterNode(scan, call(Function.EQUAL, LogicalType.BOOLEAN, column(1), FIRST), 100);
        ProjectNode project = new ProjectNode(filter, List.of(call(Function.MULTIPLY, LogicalType.BIGINT, column(0), SECOND)),
                List.of(Plans.column("scaled", LogicalType.BIGINT)), 100);
        UnionNode union = new UnionNode(List.of(project, project), project.output(), 200);

        List<List<Object>> once = expected(row -> (Long) row.get(1) == 3).stream()
                .map(row -> row((Long) row.get(0) * -2)).toList();
        List<List<Object>> twice = new ArrayList<>(once);
        twice.addAll(once);
        assertThat(run(union, 3L, -2L)).isEqualTo(twice);
    }

    @Test
    void joinConditionsAreBound() {
        ValuesNode small = new ValuesNode(List.of(Plans.column("k", LogicalType.BIGINT)), List.of(row(1L), row(2L)));
        TableScanNode scan = numbers.scan(call(Function.LESS_THAN, LogicalType.BOOLEAN, column(0), new Literal(100L,
                LogicalType.BIGINT)), 0, 1);
        List<Column> joined = Plans.concat(scan.output(), small.output());
        HashJoinNode hash = new HashJoinNode(JoinType.INNER, scan, small, new int[] {1}, new int[] {0},
                Optional.of(call(Function.GREATER_THAN, LogicalType.BOOLEAN, column(0), FIRST)), false, joined, 10);
        NestedLoopJoinNode loop = new NestedLoopJoinNode(JoinType.INNER, scan, small,
                Optional.of(call(Function.EQUAL, LogicalType.BOOLEAN, column(0),
                        call(Function.ADD, LogicalType.BIGINT, column(2), FIRST))), joined, 10);

        assertThat(Results.sorted(run(hash, 90L))).isEqualTo(Results.sorted(expected(row -> (Long) row.get(0) > 90
                && (Long) row.get(0) < 100 && ((Long) row.get(1) == 1 || (Long) row.get(1) == 2)).stream()
                .map(row -> row(row.get(0), row.get(1), row.get(1))).toList()));
        assertThat(Results.sorted(run(loop, 40L))).isEqualTo(List.of(row(41L, 6L, 1L), row(42L, 0L, 2L)));
    }

    @Test
    void aggregateFiltersComputedFromParametersAreBound() {
        TableScanNode scan = numbers.scan(0, 1);
        ProjectNode flagged = new ProjectNode(scan, List.of(column(1), column(0),
                call(Function.GREATER_THAN_OR_EQUAL, LogicalType.BOOLEAN, column(0), FIRST)),
                List.of(Plans.column("grp", LogicalType.BIGINT), Plans.column("n", LogicalType.BIGINT),
                        Plans.column("large", LogicalType.BOOLEAN)), 200_000);
        AggregateNode aggregate = new AggregateNode(flagged, new int[0],
                List.of(new AggregateCall(AggregateFunction.COUNT, new int[] {1}, false, 2, LogicalType.BIGINT, "c")),
                List.of(Plans.column("c", LogicalType.BIGINT)), 1);

        assertThat(run(aggregate, 150_000L)).containsExactly(row(50_000L));
        assertThat(run(aggregate, 0L)).containsExactly(row(200_000L));
    }

    @Test
    void limitsAndOffsetsOfTopNAndLimitAreBound() {
        SortNode topN = new SortNode(numbers.scan(0, 1), List.of(new SortKey(0, false, false)), 0, -1,
                Optional.of(SECOND), Optional.of(FIRST), 10);
        LimitNode limit = new LimitNode(numbers.scan(0), 0, -1, Optional.of(SECOND), Optional.of(FIRST), 10);

        assertThat(run(topN, 2L, 1L)).containsExactly(row(199_998L, 199_998L % 7), row(199_997L, 199_997L % 7));
        assertThat(run(limit, 3L, 10L)).containsExactly(row(10L), row(11L), row(12L));
        assertThat(Results.collect(QueryExecutor.execute(PlanBinder.bind(limit, Arrays.asList(
                Literal.nullOf(LogicalType.BIGINT), Literal.nullOf(LogicalType.BIGINT))), database.context(2))))
                .as("LIMIT NULL is no limit").hasSize(200_000);

        ExecutionException negative = catchThrowableOfType(ExecutionException.class, () -> run(limit, -1L, 0L));
        assertThat(negative.sqlState()).isEqualTo("2201W");
        assertThat(negative.getMessage()).isEqualTo("LIMIT must not be negative (parameter $1 is -1)");
        assertThat(catchThrowableOfType(ExecutionException.class, () -> run(topN, 1L, -5L)).sqlState()).isEqualTo("2201X");
    }

    @Test
    void theTemplateIsSharedWhereNothingIsBoundAndNeverChanged() {
        TableScanNode plain = numbers.scan(0, 1);
        FilterNode filter = new FilterNode(plain, call(Function.EQUAL, LogicalType.BOOLEAN, column(1), FIRST), 100);
        ValuesNode values = new ValuesNode(List.of(Plans.column("k", LogicalType.BIGINT)), List.of(row(1L)));
        UnionNode union = new UnionNode(List.of(new ProjectNode(filter, List.of(column(0)), List.of(Plans.column("n",
                LogicalType.BIGINT)), 1), values), values.output(), 2);

        UnionNode bound = (UnionNode) PlanBinder.bind(union, literals(4L));

        assertThat(bound.inputs().get(1)).isSameAs(values);
        assertThat(((FilterNode) bound.inputs().get(0).inputs().get(0)).input()).isSameAs(plain);
        assertThat(filter.condition()).isEqualTo(call(Function.EQUAL, LogicalType.BOOLEAN, column(1), FIRST));
        assertThat(PlanBinder.bind(plain, literals(4L))).isSameAs(plain);
    }

    @Test
    void anUnboundPlanFailsLoudly() {
        TableScanNode filtered = numbers.scan(call(Function.LESS_THAN, LogicalType.BOOLEAN, column(0), FIRST), 0);
        LimitNode limited = new LimitNode(numbers.scan(0), 0, -1, Optional.empty(), Optional.of(SECOND), 10);

        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(filtered, database.context(2))))
                .isInstanceOf(ExecutionException.class)
                .hasMessage("parameter $1 has no value: the plan must be bound (PlanBinder) before it runs")
                .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo("XX000"));
        assertThatThrownBy(() -> QueryExecutor.execute(limited, database.context(2)))
                .isInstanceOf(ExecutionException.class)
                .hasMessageStartingWith("parameter $2 has no value");
        assertThatThrownBy(() -> PlanBinder.bind(filtered, List.of(new Literal(1, LogicalType.INTEGER))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainShowsParametersByTheirNames() {
        TableScanNode filtered = numbers.scan(call(Function.LESS_THAN, LogicalType.BOOLEAN, column(0), FIRST), 0, 1);
        SortNode topN = new SortNode(filtered, List.of(new SortKey(0, true, false)), 0, -1, Optional.of(SECOND),
                Optional.of(FIRST), 10);

        assertThat(PlanPrinter.print(topN)).contains("TopN [n ASC NULLS LAST] limit $1 offset $2")
                .contains("filter: (n < $1)");
    }

    @Test
    void aBatchOfParameterSetsRunsAsOneProjectionOverRows() {
        ValuesNode oneRow = new ValuesNode(List.of(Plans.column("zero", LogicalType.INTEGER)), List.of(row(0L)));
        ProjectNode template = new ProjectNode(oneRow, List.of(FIRST, call(Function.ADD, LogicalType.BIGINT, SECOND,
                new Literal(1L, LogicalType.BIGINT))), List.of(Plans.column("a", LogicalType.BIGINT),
                Plans.column("b", LogicalType.BIGINT)), 1);
        List<List<Literal>> sets = List.of(literals(1L, 10L), literals(2L, 20L), Arrays.asList(
                Literal.nullOf(LogicalType.BIGINT), new Literal(30L, LogicalType.BIGINT)));

        PhysicalNode batch = ParameterRows.of(template, List.of(LogicalType.BIGINT, LogicalType.BIGINT), sets).orElseThrow();

        assertThat(Results.collect(QueryExecutor.execute(batch, database.context(2))))
                .containsExactly(row(1L, 11L), row(2L, 21L), Arrays.asList(null, 31L));
        ProjectNode readsTheRow = new ProjectNode(oneRow, List.of(new ColumnReference(0, LogicalType.INTEGER), FIRST),
                List.of(Plans.column("z", LogicalType.INTEGER), Plans.column("a", LogicalType.BIGINT)), 1);
        assertThat(ParameterRows.of(readsTheRow, List.of(LogicalType.BIGINT), List.of(literals(1L)))).isEmpty();
    }
}
