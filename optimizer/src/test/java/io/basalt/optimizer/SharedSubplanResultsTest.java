package io.basalt.optimizer;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same rows with and without shared subplans (PlannerOptions.shareSubplans), on data in storage: each query
 * shares something (checked, so the comparison compares two different plans), in the shapes of TPC-H Q15 and Q11.
 */
class SharedSubplanResultsTest {

    @TempDir
    static Path directory;

    private static StorageEngine engine;

    @BeforeAll
    static void load() {
        engine = StorageEngine.open(directory);
        Random random = new Random(11);
        List<List<Object>> sales = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            sales.add(List.of(random.nextInt(25) == 0 ? "" : "item-" + random.nextInt(40),
                    (long) random.nextInt(300), (long) random.nextInt(1_000) - 100));
        }
        List<List<Object>> stores = new ArrayList<>();
        for (long store = 0; store < 300; store++) {
            stores.add(List.of(store, "store-" + store, "region-" + store % 7));
        }
        // store NOT NULL: the Q17 shape below then reads the same sales rows in its subquery as outside it.
        create("sales", List.of(ColumnDefinition.of("item", LogicalType.TEXT), ColumnDefinition.notNull("store", LogicalType.BIGINT),
                ColumnDefinition.of("amount", LogicalType.BIGINT)), sales);
        create("stores", List.of(ColumnDefinition.of("store", LogicalType.BIGINT), ColumnDefinition.of("name", LogicalType.TEXT),
                ColumnDefinition.of("region", LogicalType.TEXT)), stores);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static void create(String name, List<ColumnDefinition> columns, List<List<Object>> rows) {
        try (Transaction transaction = engine.begin()) {
            long id = transaction.createTable(new TableDefinition(Manifest.DEFAULT_SCHEMA, name, columns, List.of(),
                    TableOptions.DEFAULT.withTargetSegmentRows(4_000)));
            TableAppender appender = new TableAppender(transaction, id,
                    transaction.requireTable(id).defaultPartition().partitionId(), 2);
            List<ColumnVector> vectors = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                ColumnVector vector = ColumnVector.create(columns.get(c).type().physicalKind(), rows.size());
                for (List<Object> row : rows) {
                    if (vector instanceof LongVector longs) {
                        longs.append((Long) row.get(c));
                    } else {
                        ((BytesVector) vector).append((String) row.get(c));
                    }
                }
                vectors.add(vector);
            }
            appender.append(new ColumnBatch(rows.size(), vectors));
            appender.finish();
            transaction.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Q15: the stores with the largest total, the totals used twice
            "WITH totals AS (SELECT store, sum(amount) AS total FROM sales WHERE item <> '' GROUP BY store) "
                    + "SELECT s.store, s.name, t.total FROM stores s, totals t "
                    + "WHERE s.store = t.store AND t.total = (SELECT max(total) FROM totals)",
            // Q11: the join repeated in the HAVING subquery, which reads a column fewer
            "SELECT item, sum(amount) AS v FROM sales, stores WHERE sales.store = stores.store AND region = 'region-3' "
                    + "GROUP BY item HAVING sum(amount) > (SELECT sum(amount) * 0.02 FROM sales, stores "
                    + "WHERE sales.store = stores.store AND region = 'region-3')",
            // Q17: rows below a fraction of their store's average, for the stores of one region (SemiJoinsForSharing)
            "SELECT sum(amount), count(*) FROM sales, stores WHERE sales.store = stores.store AND region = 'region-3' "
                    + "AND amount < (SELECT 0.5 * avg(amount) FROM sales s WHERE s.store = stores.store)",
            // a self join of an aggregate, three uses, an outer join
            "WITH c AS (SELECT store, count(*) AS n, min(item) AS first FROM sales GROUP BY store) "
                    + "SELECT * FROM c a JOIN c b ON a.n = b.n AND a.store < b.store LEFT JOIN c d ON d.store = b.store + 1",
            // under a union, each use filtered (on the aggregate's result: a filter on the region would go below it)
            "WITH r AS (SELECT region, sum(amount) AS total FROM sales JOIN stores USING (store) GROUP BY region) "
                    + "SELECT * FROM r WHERE total > 0 UNION ALL SELECT * FROM r WHERE total < 1000000"})
    void givesTheRowsOfThePlanWithoutSharing(String query) {
        PlannedQuery shared = plan(query, true);
        PlannedQuery unshared = plan(query, false);
        assertThat(PlanPrinter.print(shared.plan())).contains("SharedResult");
        assertThat(PlanPrinter.print(unshared.plan())).doesNotContain("SharedResult");
        for (int parallelism : new int[] {1, 3}) {
            List<List<Object>> expected = run(unshared.plan(), parallelism);
            assertThat(expected).isNotEmpty();
            assertThat(run(shared.plan(), parallelism)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static PlannedQuery plan(String query, boolean share) {
        return new QueryPlanner().plan(query, engine.current(), PlannerOptions.DEFAULTS.withSharedSubplans(share));
    }

    private static List<List<Object>> run(PhysicalNode plan, int parallelism) {
        ExecutionContext context = new ExecutionContext(engine.layout(), engine.current(), parallelism, 1L << 30,
                new AtomicBoolean());
        List<List<Object>> rows = new ArrayList<>();
        try (ResultStream stream = QueryExecutor.execute(plan, context)) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> values = new ArrayList<>();
                    for (int column = 0; column < batch.columnCount(); column++) {
                        values.add(Literal.at(batch.column(column), row, stream.columns().get(column).type()).value());
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }
}
