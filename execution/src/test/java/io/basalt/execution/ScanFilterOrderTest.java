package io.basalt.execution;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ValuesNode;
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
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan with a join filter and a filter on a dictionary-encoded text column that lets few of the block's entries
 * through (TPC-H Q19's {@code l_shipmode IN (…)} beside its Bloom join filter on {@code l_partkey}) tests the
 * dictionary codes first and the join filter only at the rows they kept; beside a bitmap join filter the join filter
 * runs first. The rows are those of the filters in any order.
 */
class ScanFilterOrderTest {

    private static final String[] MODES = {"AIR", "RAIL", "SHIP", "MAIL", "TRUCK", "FOB"};
    private static final List<Column> BUILD = List.of(Plans.column("key", LogicalType.BIGINT),
            Plans.column("name", LogicalType.TEXT));

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table facts;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        facts = database.create("facts", 50_000, ColumnDefinition.of("key", LogicalType.BIGINT),
                ColumnDefinition.of("mode", LogicalType.TEXT), ColumnDefinition.of("amount", LogicalType.BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 120_000; i++) {
            rows.add(row(i % 997 == 0 ? null : (i * 7) % 5_000, i % 11 == 0 ? null : MODES[(int) (i % MODES.length)], i));
        }
        facts.append(rows);
        facts.delete(row -> (Long) row.get(2) % 13 == 0);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /**
     * Keys 100, 103, … 397 and a NULL key; with a far key (no fact has it) they span a billion values, so the join
     * filter is a Bloom filter, else a bitmap.
     */
    private static List<List<Object>> buildRows(boolean farKey) {
        return Stream.concat(LongStream.iterate(100, key -> key < 400, key -> key + 3).mapToObj(key -> row(key, "k" + key)),
                farKey ? Stream.of(row(null, "null key"), row(1_000_000_000L, "far")) : Stream.of(row(null, "null key")))
                .toList();
    }

    private static Expression modeIs(String mode) {
        return Call.of(Function.EQUAL, LogicalType.BOOLEAN, new ColumnReference(1, LogicalType.TEXT),
                new Literal(mode, LogicalType.TEXT));
    }

    private HashJoinNode join(boolean farKey) {
        PhysicalNode scan = facts.scan(Call.of(Function.OR, LogicalType.BOOLEAN, modeIs("AIR"), modeIs("MAIL")), 0, 1, 2);
        return new HashJoinNode(JoinType.INNER, scan, new ValuesNode(BUILD, buildRows(farKey)), new int[] {0}, new int[] {0},
                Optional.empty(), false, Plans.concat(facts.output(0, 1, 2), BUILD), 100);
    }

    private List<List<Object>> expected() {
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : facts.rows()) {
            Long key = (Long) row.get(0);
            if (key != null && key >= 100 && key < 400 && (key - 100) % 3 == 0
                    && ("AIR".equals(row.get(1)) || "MAIL".equals(row.get(1)))) {
                expected.add(row(key, row.get(1), row.get(2), key, "k" + key));
            }
        }
        return Results.sorted(expected);
    }

    private String scanLine(boolean farKey) {
        String scanLine = QueryExecutor.executeAnalyzed(join(farKey), database.context(2)).lines()
                .filter(line -> line.contains("TableScan")).findFirst().orElseThrow();
        assertThat(scanLine).contains("rows removed by join filters=");
        return scanLine;
    }

    @Test
    void theDictionaryFilterRunsBeforeABloomJoinFilterAndTheRowsAreTheFiltersRows() {
        for (int parallelism : new int[] {1, 3}) {
            assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join(true), database.context(parallelism)))))
                    .as("parallelism %d", parallelism).isEqualTo(expected());
        }
        // every live row was tested on its code (the join filter had not dropped any yet)
        assertThat(scanLine(true)).contains("rows filtered on dictionary codes=" + facts.rows().size() + ",");
    }

    @Test
    void aBitmapJoinFilterStillRunsFirst() {
        assertThat(Results.sorted(Results.collect(QueryExecutor.execute(join(false), database.context(2)))))
                .isEqualTo(expected());
        long coded = Long.parseLong(scanLine(false).replaceAll(".*rows filtered on dictionary codes=(\\d+),.*", "$1"));
        assertThat(coded).isLessThan(facts.rows().size() / 10);
    }
}
