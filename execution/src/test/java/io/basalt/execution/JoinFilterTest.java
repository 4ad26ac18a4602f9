package io.basalt.execution;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hash joins hand the scan of their probe side a filter of their build keys: the scan drops rows that cannot
 * match (INNER, SEMI, RIGHT, RIGHT_SEMI and RIGHT_ANTI joins only), and every join still gives the rows a reference join gives.
 */
class JoinFilterTest {

    private static final List<Column> BUILD = List.of(Plans.column("key", LogicalType.BIGINT),
            Plans.column("name", LogicalType.TEXT));

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table facts;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        facts = database.create("facts", 50_000,
                ColumnDefinition.of("key", LogicalType.BIGINT), ColumnDefinition.of("amount", LogicalType.BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 120_000; i++) {
            rows.add(row(i % 997 == 0 ? null : i % 5_000, i));
        }
        facts.append(rows);
        facts.delete(row -> (Long) row.get(1) % 7 == 0);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static List<List<Object>> buildRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (long key = 100; key < 200; key += 3) {
            rows.add(row(key, "k" + key));
        }
        rows.add(row(null, "null key"));
        rows.add(row(1_000_000L, "no fact"));
        return rows;
    }

    /** Probe: the facts scan under a projection that swaps its columns (amount, key), keyed on key. */
    private HashJoinNode join(JoinType type, Optional<Expression> residual) {
        PhysicalNode scan = facts.scan(new Call(Function.GREATER_THAN_OR_EQUAL,
                List.of(new ColumnReference(1, LogicalType.BIGINT), new Literal(10L, LogicalType.BIGINT)), LogicalType.BOOLEAN),
                0, 1);
        List<Column> probeColumns = List.of(Plans.column("amount", LogicalType.BIGINT), Plans.column("key", LogicalType.BIGINT));
        PhysicalNode probe = new ProjectNode(scan, List.of(new ColumnReference(1, LogicalType.BIGINT),
                new ColumnReference(0, LogicalType.BIGINT)), probeColumns, 100);
        List<Column> output = type == JoinType.SEMI || type == JoinType.ANTI ? probeColumns
                : type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI ? BUILD : Plans.concat(probeColumns, BUILD);
        return new HashJoinNode(type, probe, new ValuesNode(BUILD, buildRows()), new int[] {1}, new int[] {0}, residual,
                false, output, 100);
    }

    private List<List<Object>> expected(JoinType type, boolean residual) {
        List<List<Object>> probe = new ArrayList<>();
        for (List<Object> row : facts.rows()) {
            if ((Long) row.get(1) >= 10) {
                probe.add(row(row.get(1), row.get(0)));
            }
        }
        return ReferenceJoin.join(type, probe, buildRows(), new int[] {1}, new int[] {0},
                residual ? (l, r) -> (Long) l.get(0) % 2 == 0 : (l, r) -> true, false, 2, 2);
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void everyJoinTypeGivesTheReferenceRows(JoinType type) {
        Expression evenAmount = new Call(Function.EQUAL, List.of(new Call(Function.MODULO,
                List.of(new ColumnReference(0, LogicalType.BIGINT), new Literal(2L, LogicalType.BIGINT)), LogicalType.BIGINT),
                new Literal(0L, LogicalType.BIGINT)), LogicalType.BOOLEAN);
        for (int parallelism : new int[] {1, 3}) {
            assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join(type, Optional.empty()),
                    database.context(parallelism))))).as("%s join, parallelism %d", type, parallelism)
                    .isEqualTo(Results.sorted(expected(type, false)));
            assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join(type, Optional.of(evenAmount)),
                    database.context(parallelism))))).as("%s join with a residual, parallelism %d", type, parallelism)
                    .isEqualTo(Results.sorted(expected(type, true)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = JoinType.class, names = {"INNER", "SEMI", "RIGHT", "RIGHT_SEMI", "RIGHT_ANTI"})
    void theProbeScanDropsRowsWithoutAMatchingKey(JoinType type) {
        String text = QueryExecutor.executeAnalyzed(join(type, Optional.empty()), database.context(2));

        String scanLine = text.lines().filter(line -> line.contains("TableScan")).findFirst().orElseThrow();
        // 34 build keys of 5,000 key values: the scan passes on the rows of those keys (and a few false positives)
        assertThat(scanLine).contains("rows removed by join filters=");
        long scanRows = Long.parseLong(scanLine.replaceAll(".*actual rows=(\\d+),.*", "$1"));
        assertThat(scanRows).isLessThan(facts.rows().size() / 50);
    }

    @Test
    void leftAndAntiJoinsKeepTheirProbeRows() {
        for (JoinType type : new JoinType[] {JoinType.LEFT, JoinType.ANTI, JoinType.FULL}) {
            String text = QueryExecutor.executeAnalyzed(join(type, Optional.empty()), database.context(2));
            assertThat(text).as("%s join", type).doesNotContain("join filters");
        }
    }

    @Test
    void aBuildSideWithAboutAsManyKeysAsTheProbeScanHasRowsGetsNoFilter() {
        List<List<Object>> manyKeys = new ArrayList<>();
        for (long key = 0; key < 60_000; key++) {
            manyKeys.add(row(key, "k"));
        }
        HashJoinNode join = join(JoinType.INNER, Optional.empty());
        HashJoinNode wide = new HashJoinNode(JoinType.INNER, join.left(), new ValuesNode(BUILD, manyKeys), join.leftKeys(),
                join.rightKeys(), Optional.empty(), false, join.output(), 1);

        String text = QueryExecutor.executeAnalyzed(wide, database.context(2));

        // 60,000 distinct keys against a scan estimated at about 100,000 rows: more than half, so no filter
        assertThat(text).doesNotContain("join filters");
    }

    @Test
    void anEmptyBuildSideLetsNoProbeRowThrough() {
        HashJoinNode join = join(JoinType.INNER, Optional.empty());
        HashJoinNode empty = new HashJoinNode(JoinType.INNER, join.left(), new ValuesNode(BUILD, List.of()), join.leftKeys(),
                join.rightKeys(), Optional.empty(), false, join.output(), 1);

        String text = QueryExecutor.executeAnalyzed(empty, database.context(2));

        assertThat(text.lines().filter(line -> line.contains("TableScan")).findFirst().orElseThrow())
                .contains("actual rows=0,");
    }
    @Test
    void aFilterOnAGroupKeyReachesTheScanBelowTheAggregation() {
        PhysicalNode scan = facts.scan(0, 1);
        List<Column> groups = List.of(Plans.column("key", LogicalType.BIGINT), Plans.column("total", LogicalType.BIGINT));
        AggregateNode perKey = new AggregateNode(scan, new int[] {0},
                List.of(new AggregateCall(AggregateFunction.SUM, new int[] {1}, false, -1, LogicalType.BIGINT, "total")),
                groups, 5_000);
        for (JoinType type : new JoinType[] {JoinType.INNER, JoinType.LEFT}) {
            HashJoinNode join = new HashJoinNode(type, perKey, new ValuesNode(BUILD, buildRows()), new int[] {0}, new int[] {0},
                    Optional.empty(), false, Plans.concat(groups, BUILD), 100);
            Map<Long, Long> totals = new TreeMap<>();
            List<List<Object>> groupRows = new ArrayList<>();
            for (List<Object> row : facts.rows()) {
                if (row.get(0) != null) {
                    totals.merge((Long) row.get(0), (Long) row.get(1), Long::sum);
                } else {
                    totals.merge(Long.MIN_VALUE, (Long) row.get(1), Long::sum);
                }
            }
            totals.forEach((key, total) -> groupRows.add(row(key == Long.MIN_VALUE ? null : key, total)));
            List<List<Object>> expected = ReferenceJoin.join(type, groupRows, buildRows(), new int[] {0}, new int[] {0},
                    (l, r) -> true, false, 2, 2);

            assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join, database.context(2)))))
                    .as("%s join", type).isEqualTo(Results.sorted(expected));
            String scanLine = QueryExecutor.executeAnalyzed(join, database.context(2)).lines()
                    .filter(line -> line.contains("TableScan")).findFirst().orElseThrow();
            if (type == JoinType.INNER) {
                assertThat(scanLine).contains("rows removed by join filters=");
            } else {
                assertThat(scanLine).doesNotContain("join filters");
            }
        }
    }

    /**
     * The join above probes with the facts key coming out of a join below, from either of its inputs: its filter
     * reaches the facts scan through the join below (in the build pipeline of that join when facts is its build
     * side), whatever the join below's type, and the rows stay the reference rows.
     */
    @ParameterizedTest
    @EnumSource(JoinType.class)
    void aFilterReachesTheScanThroughAJoinBelow(JoinType belowType) {
        List<List<Object>> dimensionRows = new ArrayList<>();
        for (long key = 0; key < 5_000; key += 2) {
            dimensionRows.add(row(key, "d" + key));
        }
        dimensionRows.add(row(null, "null dimension"));
        for (boolean factsOnTheLeft : new boolean[] {true, false}) {
            PhysicalNode left = factsOnTheLeft ? facts.scan(0, 1) : new ValuesNode(BUILD, dimensionRows);
            PhysicalNode right = factsOnTheLeft ? new ValuesNode(BUILD, dimensionRows) : facts.scan(0, 1);
            List<List<Object>> leftRows = factsOnTheLeft ? facts.rows() : dimensionRows;
            List<List<Object>> rightRows = factsOnTheLeft ? dimensionRows : facts.rows();
            List<Column> belowOutput = belowType == JoinType.SEMI || belowType == JoinType.ANTI ? left.output()
                    : belowType == JoinType.RIGHT_SEMI || belowType == JoinType.RIGHT_ANTI ? right.output()
                    : Plans.concat(left.output(), right.output());
            // Where the facts key is in the join below's output: the left's first column, or the right's.
            boolean factsKeyOut = factsOnTheLeft ? !belowType.name().startsWith("RIGHT_")
                    : belowType != JoinType.SEMI && belowType != JoinType.ANTI;
            int key = !factsOnTheLeft && belowOutput.size() == 4 ? 2 : 0;
            HashJoinNode below = new HashJoinNode(belowType, left, right, new int[] {0}, new int[] {0}, Optional.empty(), false,
                    belowOutput, 1_000);
            HashJoinNode join = new HashJoinNode(JoinType.INNER, below, new ValuesNode(BUILD, buildRows()), new int[] {key},
                    new int[] {0}, Optional.empty(), false, Plans.concat(belowOutput, BUILD), 100);
            List<List<Object>> belowRows = ReferenceJoin.join(belowType, leftRows, rightRows, new int[] {0}, new int[] {0},
                    (l, r) -> true, false, 2, 2);
            List<List<Object>> expected = ReferenceJoin.join(JoinType.INNER, belowRows, buildRows(), new int[] {key},
                    new int[] {0}, (l, r) -> true, false, belowOutput.size(), 2);

            assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join, database.context(2)))))
                    .as("%s join below, facts on the left %s", belowType, factsOnTheLeft).isEqualTo(Results.sorted(expected));
            if (factsKeyOut) {
                String scanLine = QueryExecutor.executeAnalyzed(join, database.context(2)).lines()
                        .filter(line -> line.contains("TableScan")).findFirst().orElseThrow();
                long scanRows = Long.parseLong(scanLine.replaceAll(".*actual rows=(\\d+),.*", "$1"));
                assertThat(scanRows).as("%s join below, facts on the left %s", belowType, factsOnTheLeft)
                        .isLessThan(facts.rows().size() / 50);
            }
        }
    }

    @Test
    void aJoinOnTwoKeysFiltersTheScanOnOneOfThem() {
        List<Column> pairs = List.of(Plans.column("key", LogicalType.BIGINT), Plans.column("amount", LogicalType.BIGINT));
        List<List<Object>> pairRows = new ArrayList<>();
        for (long key = 100; key < 130; key++) {
            pairRows.add(row(key, key + 5_000)); // facts hold (key, amount) with amount % 5,000 == key
            pairRows.add(row(key, -1L));
        }
        pairRows.add(row(null, 7L));
        HashJoinNode join = new HashJoinNode(JoinType.INNER, facts.scan(0, 1), new ValuesNode(pairs, pairRows), new int[] {0, 1},
                new int[] {0, 1}, Optional.empty(), false, Plans.concat(facts.output(0, 1), pairs), 100);
        List<List<Object>> expected = ReferenceJoin.join(JoinType.INNER, facts.rows(), pairRows, new int[] {0, 1},
                new int[] {0, 1}, (l, r) -> true, false, 2, 2);

        assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join, database.context(2)))))
                .isEqualTo(Results.sorted(expected));
        String scanLine = QueryExecutor.executeAnalyzed(join, database.context(2)).lines()
                .filter(line -> line.contains("TableScan")).findFirst().orElseThrow();
        // 30 of 5,000 values of the first key: the scan passes on the rows of those keys only
        long scanRows = Long.parseLong(scanLine.replaceAll(".*actual rows=(\\d+),.*", "$1"));
        assertThat(scanRows).isLessThan(facts.rows().size() / 50);
    }

    /**
     * TPC-H Q2's shape: facts joined with a per-key aggregation of a second facts scan, and the join above compares
     * both key columns with the same build column. The filter reaches both scans, the aggregation's through its
     * group key in the build pipeline of the join below, and the rows stay the reference rows.
     */
    @Test
    void keysComparedWithOneBuildColumnFilterEveryScanTheyReach() {
        List<Column> groups = List.of(Plans.column("key", LogicalType.BIGINT), Plans.column("total", LogicalType.BIGINT));
        AggregateNode perKey = new AggregateNode(facts.scan(0, 1), new int[] {0},
                List.of(new AggregateCall(AggregateFunction.SUM, new int[] {1}, false, -1, LogicalType.BIGINT, "total")),
                groups, 5_000);
        List<Column> belowOutput = Plans.concat(facts.output(0, 1), groups);
        HashJoinNode below = new HashJoinNode(JoinType.INNER, facts.scan(0, 1), perKey, new int[] {0}, new int[] {0},
                Optional.empty(), false, belowOutput, 100_000);
        HashJoinNode join = new HashJoinNode(JoinType.INNER, below, new ValuesNode(BUILD, buildRows()), new int[] {0, 2},
                new int[] {0, 0}, Optional.empty(), false, Plans.concat(belowOutput, BUILD), 100);
        Map<Long, Long> totals = new TreeMap<>();
        for (List<Object> row : facts.rows()) {
            if (row.get(0) != null) {
                totals.merge((Long) row.get(0), (Long) row.get(1), Long::sum);
            }
        }
        List<List<Object>> groupRows = new ArrayList<>();
        totals.forEach((key, total) -> groupRows.add(row(key, total)));
        List<List<Object>> belowRows = ReferenceJoin.join(JoinType.INNER, facts.rows(), groupRows, new int[] {0},
                new int[] {0}, (l, r) -> true, false, 2, 2);
        List<List<Object>> expected = ReferenceJoin.join(JoinType.INNER, belowRows, buildRows(), new int[] {0, 2},
                new int[] {0, 0}, (l, r) -> true, false, 4, 2);

        assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join, database.context(2)))))
                .isEqualTo(Results.sorted(expected));
        List<String> scanLines = QueryExecutor.executeAnalyzed(join, database.context(2)).lines()
                .filter(line -> line.contains("TableScan")).toList();
        assertThat(scanLines).hasSize(2).allSatisfy(scanLine -> {
            assertThat(scanLine).contains("rows removed by join filters=");
            long scanRows = Long.parseLong(scanLine.replaceAll(".*actual rows=(\\d+),.*", "$1"));
            assertThat(scanRows).isLessThan(facts.rows().size() / 50);
        });
    }
}
