package io.basalt.execution.bench;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.TableScanNode;
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
import io.basalt.storage.vector.LongVector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Times the executor's hot paths on generated lineitem/orders-like tables: a scan, a low-cardinality
 * aggregation (TPC-H Q1's shape), a high-cardinality one, a hash join and a top-N, at parallelism 1 and
 * at all cores. Not a test: run it by hand ({@code execution/README.md} says how) and read the numbers.
 */
public final class ExecutorBenchmark {

    private static final LogicalType MONEY = LogicalType.decimal(12, 2);

    private ExecutorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        String only = args.length > 1 ? args[1] : "";
        Path directory = Files.createTempDirectory("basalt-executor-bench");
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long start = System.nanoTime();
            long lineitem = createLineitem(engine, rows);
            long orders = createOrders(engine, rows / 4);
            System.out.printf(Locale.ROOT, "loaded %,d lineitems and %,d orders in %.1f s%n", rows, rows / 4,
                    (System.nanoTime() - start) / 1e9);
            Map<String, PhysicalNode> queries = queries(lineitem, orders, rows);
            int cores = Runtime.getRuntime().availableProcessors();
            for (Map.Entry<String, PhysicalNode> query : queries.entrySet()) {
                if (!query.getKey().contains(only)) {
                    continue;
                }
                for (int parallelism : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    ExecutionContext context = new ExecutionContext(engine.layout(), engine.current(), parallelism, 4L << 30,
                            new AtomicBoolean());
                    double best = Double.MAX_VALUE;
                    long resultRows = 0;
                    for (int run = 0; run < runs(); run++) {
                        long begin = System.nanoTime();
                        resultRows = drain(QueryExecutor.execute(query.getValue(), context));
                        best = Math.min(best, (System.nanoTime() - begin) / 1e6);
                    }
                    System.out.printf(Locale.ROOT, "%-28s parallelism %2d: %8.1f ms (%,d rows out)%n", query.getKey(), parallelism,
                            best, resultRows);
                }
            }
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int runs() {
        return Integer.getInteger("runs", 4);
    }

    private static long drain(ResultStream stream) {
        long rows = 0;
        try (stream) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                rows += batch.rowCount();
            }
        }
        return rows;
    }

    private static Map<String, PhysicalNode> queries(long lineitem, long orders, int rows) {
        List<Column> lineColumns = List.of(new Column("orderkey", LogicalType.BIGINT, false),
                new Column("partkey", LogicalType.BIGINT, false), new Column("quantity", MONEY, false),
                new Column("price", MONEY, false), new Column("flag", LogicalType.varchar(1), false),
                new Column("status", LogicalType.varchar(1), false));
        TableScanNode line = new TableScanNode(Manifest.DEFAULT_SCHEMA, "lineitem", lineitem, new int[] {0, 1, 2, 3, 4, 5},
                lineColumns, Optional.empty(), rows);
        TableScanNode order = new TableScanNode(Manifest.DEFAULT_SCHEMA, "orders", orders, new int[] {0, 1},
                List.of(new Column("o_orderkey", LogicalType.BIGINT, false), new Column("custkey", LogicalType.BIGINT, false)),
                Optional.empty(), rows / 4.0);
        LogicalType sum = LogicalType.decimal(38, 2);
        Map<String, PhysicalNode> queries = new LinkedHashMap<>();
        queries.put("count(*)", new AggregateNode(line, new int[0], List.of(count()), List.of(column("c", LogicalType.BIGINT)), 1));
        queries.put("Q1 shape (4 groups)", new AggregateNode(line, new int[] {4, 5}, List.of(
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, sum, "sum_qty"),
                new AggregateCall(AggregateFunction.SUM, new int[] {3}, false, -1, sum, "sum_price"),
                new AggregateCall(AggregateFunction.AVG, new int[] {2}, false, -1, LogicalType.DOUBLE, "avg_qty"),
                count()), List.of(lineColumns.get(4), lineColumns.get(5), column("sum_qty", sum), column("sum_price", sum),
                column("avg_qty", LogicalType.DOUBLE), column("c", LogicalType.BIGINT)), 4));
        queries.put("group by orderkey", new AggregateNode(line, new int[] {0}, List.of(
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, sum, "sum_qty")),
                List.of(lineColumns.get(0), column("sum_qty", sum)), rows / 4.0));
        queries.put("group by flag, partkey", new AggregateNode(line, new int[] {4, 1}, List.of(count()),
                List.of(lineColumns.get(4), lineColumns.get(1), column("c", LogicalType.BIGINT)), 400_000));
        List<Column> joined = new ArrayList<>(lineColumns);
        joined.addAll(order.output());
        HashJoinNode join = new HashJoinNode(JoinType.INNER, line, order, new int[] {0}, new int[] {0}, Optional.empty(), false,
                joined, rows);
        queries.put("join lineitem-orders", new AggregateNode(join, new int[0], List.of(count()),
                List.of(column("c", LogicalType.BIGINT)), 1));
        queries.put("top 10 by price", new SortNode(line, List.of(new SortKey(3, false, false)), 0, 10, 10));
        return queries;
    }

    private static AggregateCall count() {
        return new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "c");
    }

    private static Column column(String name, LogicalType type) {
        return new Column(name, type, true);
    }

    private static long createLineitem(StorageEngine engine, int rows) {
        long id = create(engine, "lineitem", List.of(ColumnDefinition.notNull("orderkey", LogicalType.BIGINT),
                ColumnDefinition.notNull("partkey", LogicalType.BIGINT), ColumnDefinition.notNull("quantity", MONEY),
                ColumnDefinition.notNull("price", MONEY), ColumnDefinition.notNull("flag", LogicalType.varchar(1)),
                ColumnDefinition.notNull("status", LogicalType.varchar(1))));
        Random random = new Random(1);
        String[] flags = {"A", "N", "R"};
        String[] statuses = {"F", "O"};
        try (Transaction transaction = engine.begin(); TableAppender appender = new TableAppender(transaction, id)) {
            int batch = 65_536;
            for (int from = 0; from < rows; from += batch) {
                int count = Math.min(batch, rows - from);
                LongVector orderkeys = new LongVector(count);
                LongVector partkeys = new LongVector(count);
                LongVector quantities = new LongVector(count);
                LongVector prices = new LongVector(count);
                BytesVector flagValues = new BytesVector(count, count);
                BytesVector statusValues = new BytesVector(count, count);
                for (int i = 0; i < count; i++) {
                    orderkeys.append((from + i) / 4);
                    partkeys.append(random.nextInt(200_000));
                    quantities.append((1 + random.nextInt(50)) * 100L);
                    prices.append(90_000 + random.nextInt(10_000_000));
                    flagValues.append(flags[random.nextInt(3)]);
                    statusValues.append(statuses[random.nextInt(2)]);
                }
                appender.append(new ColumnBatch(count, List.of(orderkeys, partkeys, quantities, prices, flagValues, statusValues)));
            }
            appender.finish();
            transaction.commit();
        }
        return id;
    }

    private static long createOrders(StorageEngine engine, int rows) {
        long id = create(engine, "orders", List.of(ColumnDefinition.notNull("orderkey", LogicalType.BIGINT),
                ColumnDefinition.notNull("custkey", LogicalType.BIGINT)));
        Random random = new Random(2);
        try (Transaction transaction = engine.begin(); TableAppender appender = new TableAppender(transaction, id)) {
            LongVector keys = new LongVector(rows);
            LongVector customers = new LongVector(rows);
            for (int i = 0; i < rows; i++) {
                keys.append(i);
                customers.append(random.nextInt(150_000));
            }
            appender.append(new ColumnBatch(rows, List.of(keys, customers)));
            appender.finish();
            transaction.commit();
        }
        return id;
    }

    private static long create(StorageEngine engine, String name, List<ColumnDefinition> columns) {
        try (Transaction transaction = engine.begin()) {
            long id = transaction.createTable(new TableDefinition(Manifest.DEFAULT_SCHEMA, name, columns, List.of(),
                    TableOptions.DEFAULT));
            transaction.commit();
            return id;
        }
    }
}
