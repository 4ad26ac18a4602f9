package io.basalt.execution;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.LimitNode;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.plan.WindowFrame;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.execution.plan.WindowFunctionKind;
import io.basalt.execution.plan.WindowNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;
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

class ExplainTest {

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table orders;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        orders = database.create("orders", 4_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT), ColumnDefinition.of("customer", LogicalType.BIGINT),
                ColumnDefinition.of("open", LogicalType.BOOLEAN));
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < 10_000; id++) {
            rows.add(row(id, id % 3, id % 4 == 0));
        }
        orders.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private LimitNode plan() {
        TableScanNode scan = orders.scan(new ColumnReference(2, LogicalType.BOOLEAN), 0, 1, 2);
        ValuesNode customers = new ValuesNode(List.of(Plans.column("cid", LogicalType.BIGINT), Plans.column("cname", LogicalType.TEXT)),
                List.of(row(0L, "zero"), row(1L, "one")));
        HashJoinNode join = new HashJoinNode(JoinType.INNER, scan, customers, new int[] {1}, new int[] {0}, Optional.empty(), false,
                Plans.concat(scan.output(), customers.output()), 1666);
        AggregateNode aggregate = new AggregateNode(join, new int[] {4},
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "orders"),
                        new AggregateCall(AggregateFunction.SUM, new int[] {0}, true, 2, LogicalType.BIGINT, "ids")),
                List.of(Plans.column("cname", LogicalType.TEXT), Plans.column("orders", LogicalType.BIGINT),
                        Plans.column("ids", LogicalType.BIGINT)), 2);
        SortNode sort = new SortNode(aggregate, List.of(new SortKey(1, false, true)), 0, -1, 2);
        return new LimitNode(sort, 0, 1, 1);
    }

    @Test
    void printsTheTreeWithEstimatesAndDetails() {
        String expected = """
                Limit 1 (estimated rows=1)
                  Sort [orders DESC NULLS FIRST] (estimated rows=2)
                    Aggregate group by [cname] aggregates [orders := COUNT(*), ids := SUM(DISTINCT id) FILTER (WHERE open)] (estimated rows=2)
                      HashJoin INNER [customer = cid] (estimated rows=1666)
                        TableScan main.orders [id, customer, open] filter: open (estimated rows=10000)
                        Values 2 rows (estimated rows=2)
                """;

        assertThat(PlanPrinter.print(plan())).isEqualTo(expected);
    }

    @Test
    void printsExpressionsAsSql() {
        Call condition = Call.of(Function.AND, LogicalType.BOOLEAN,
                Call.of(Function.LESS_THAN, LogicalType.BOOLEAN, new ColumnReference(0, LogicalType.BIGINT), new Literal(5L, LogicalType.BIGINT)),
                Call.of(Function.IS_NULL, LogicalType.BOOLEAN, new ColumnReference(1, LogicalType.BIGINT)),
                Call.of(Function.EQUAL, LogicalType.BOOLEAN, new ColumnReference(3, LogicalType.DATE), new Literal(19_000L, LogicalType.DATE)),
                Call.of(Function.UPPER, LogicalType.TEXT, new Literal("it's", LogicalType.TEXT)));
        TableScanNode scan = new TableScanNode(Manifest.DEFAULT_SCHEMA, "t", 1, new int[] {0, 1}, List.of(
                Plans.column("a", LogicalType.BIGINT), Plans.column("b", LogicalType.BIGINT)), Optional.of(condition), 3);

        assertThat(PlanPrinter.print(scan)).isEqualTo(
                "TableScan main.t [a, b] filter: ((a < 5) AND (b IS NULL) AND (#3 = DATE '2022-01-08') AND UPPER('it''s'))"
                        + " (estimated rows=3)\n");
    }

    @Test
    void analyzeAddsActualRowsTimeAndMemory() {
        String text = QueryExecutor.executeAnalyzed(plan(), database.context(2));

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("Limit 1 (estimated rows=1; actual rows=1, time=");
        assertThat(lines.get(1)).contains("actual rows=2,").contains("peak memory=");
        assertThat(lines.get(2)).contains("actual rows=2,").contains("peak memory=");
        // open is TRUE for every fourth order; customers 0 and 1 of 0..2 join
        assertThat(lines.get(3)).contains("actual rows=1667,").contains("peak memory=");
        // the join's key filter drops the orders of customer 2 (3,333 of 10,000) before the scan's filter on open
        assertThat(lines.get(4)).contains("actual rows=1667,").contains("segments read=3 of 3").contains("blocks read=")
                .contains("rows removed by join filters=3333");
        assertThat(lines.get(5)).contains("actual rows=2,");
        assertThat(lines.get(6)).startsWith("Execution time: ");
    }

    @Test
    void printsWindowSpecificationsAndFunctionsAndAnalyzesThem() {
        TableScanNode scan = new TableScanNode(Manifest.DEFAULT_SCHEMA, "t", 1, new int[] {0, 1}, List.of(
                Plans.column("a", LogicalType.BIGINT), Plans.column("b", LogicalType.BIGINT)), Optional.empty(), 3);
        WindowFrame moving = new WindowFrame(true, WindowFrame.FrameBound.preceding(2), WindowFrame.FrameBound.CURRENT_ROW);
        WindowNode window = new WindowNode(scan, new int[] {0}, List.of(new SortKey(1, false, true)), List.of(
                new WindowFunction(WindowFunctionKind.RANK, null, new int[0], 0, WindowFrame.RUNNING, LogicalType.BIGINT, "r"),
                new WindowFunction(WindowFunctionKind.LAG, null, new int[] {1}, 1, WindowFrame.RUNNING, LogicalType.BIGINT, "l"),
                new WindowFunction(WindowFunctionKind.AGGREGATE, AggregateFunction.SUM, new int[] {1}, 0, moving,
                        LogicalType.BIGINT, "s")), 3);

        assertThat(PlanPrinter.print(window)).isEqualTo("""
                Window partition by [a] order by [b DESC NULLS FIRST] functions [r := RANK(), l := LAG(b, offset 1), \
                s := SUM(b) ROWS BETWEEN 2 PRECEDING AND CURRENT ROW] (estimated rows=3)
                  TableScan main.t [a, b] (estimated rows=3)
                """);
    }
}
