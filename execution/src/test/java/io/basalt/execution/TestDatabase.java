package io.basalt.execution;

import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.operator.ValuesSource;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A real data directory for executor tests: tables created, filled and partly deleted through storage's
 * own API, and the rows each table should hold, kept independently in plain Java lists.
 */
final class TestDatabase implements AutoCloseable {

    static final long DEFAULT_MEMORY = 256L << 20;

    private final StorageEngine engine;

    TestDatabase(Path directory) {
        this.engine = StorageEngine.open(directory);
    }

    StorageEngine engine() {
        return engine;
    }

    Table create(String name, int targetSegmentRows, ColumnDefinition... columns) {
        try (Transaction transaction = engine.begin()) {
            long id = transaction.createTable(new TableDefinition(Manifest.DEFAULT_SCHEMA, name, List.of(columns), List.of(),
                    TableOptions.DEFAULT.withTargetSegmentRows(targetSegmentRows)));
            transaction.commit();
            return new Table(id, name, List.of(columns));
        }
    }

    ExecutionContext context(int parallelism) {
        return context(parallelism, DEFAULT_MEMORY);
    }

    ExecutionContext context(int parallelism, long memoryLimit) {
        return new ExecutionContext(engine.layout(), engine.current(), parallelism, memoryLimit, new AtomicBoolean());
    }

    @Override
    public void close() {
        engine.close();
    }

    /** A table and the rows it holds, in table order. */
    final class Table {

        final long id;
        final String name;
        final List<ColumnDefinition> columns;
        private final List<List<Object>> appended = new ArrayList<>();
        private final List<Boolean> deleted = new ArrayList<>();

        Table(long id, String name, List<ColumnDefinition> columns) {
            this.id = id;
            this.name = name;
            this.columns = columns;
        }

        /** Appends rows in one transaction (values in {@code Literal}'s representation). */
        Table append(List<List<Object>> rows) {
            try (Transaction transaction = engine.begin()) {
                TableAppender appender = new TableAppender(transaction, id, transaction.requireTable(id).defaultPartition().partitionId(), 2);
                int batchRows = 10_000;
                for (int from = 0; from < rows.size(); from += batchRows) {
                    appender.append(batch(rows.subList(from, Math.min(rows.size(), from + batchRows))));
                }
                appender.finish();
                transaction.commit();
            }
            for (List<Object> row : rows) {
                appended.add(row);
                deleted.add(false);
            }
            return this;
        }

        /** Deletes the rows matching {@code condition} through deletion vectors. */
        Table delete(Predicate<List<Object>> condition) {
            try (Transaction transaction = engine.begin()) {
                int offset = 0;
                for (PartitionEntry partition : transaction.requireTable(id).partitions()) {
                    for (SegmentEntry segment : partition.segments()) {
                        List<Long> positions = new ArrayList<>();
                        for (int i = 0; i < segment.rowCount(); i++) {
                            if (!deleted.get(offset + i) && condition.test(appended.get(offset + i))) {
                                positions.add((long) i);
                                deleted.set(offset + i, true);
                            }
                        }
                        if (!positions.isEmpty()) {
                            transaction.deleteRows(id, segment.segmentId(), DeletionVector.of(segment.rowCount(),
                                    positions.stream().mapToLong(Long::longValue).toArray()));
                        }
                        offset += (int) segment.rowCount();
                    }
                }
                transaction.commit();
            }
            return this;
        }

        /** The live rows in table order. */
        List<List<Object>> rows() {
            List<List<Object>> live = new ArrayList<>();
            for (int i = 0; i < appended.size(); i++) {
                if (!deleted.get(i)) {
                    live.add(appended.get(i));
                }
            }
            return live;
        }

        /** The live rows projected to {@code columnIndexes}. */
        List<List<Object>> rows(int... columnIndexes) {
            List<List<Object>> projected = new ArrayList<>();
            for (List<Object> row : rows()) {
                List<Object> values = new ArrayList<>();
                for (int column : columnIndexes) {
                    values.add(row.get(column));
                }
                projected.add(values);
            }
            return projected;
        }

        List<Column> output(int... columnIndexes) {
            List<Column> output = new ArrayList<>();
            for (int column : columnIndexes) {
                ColumnDefinition definition = columns.get(column);
                output.add(new Column(definition.name(), definition.type(), definition.nullable()));
            }
            return output;
        }

        TableScanNode scan(int... columnIndexes) {
            return new TableScanNode(Manifest.DEFAULT_SCHEMA, name, id, columnIndexes, output(columnIndexes), Optional.empty(),
                    rows().size());
        }

        TableScanNode scan(Expression filter, int... columnIndexes) {
            return new TableScanNode(Manifest.DEFAULT_SCHEMA, name, id, columnIndexes, output(columnIndexes), Optional.of(filter),
                    rows().size());
        }

        private ColumnBatch batch(List<List<Object>> rows) {
            List<ColumnVector> vectors = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                vectors.add(vector(columns.get(c).type(), rows, c));
            }
            return new ColumnBatch(rows.size(), vectors);
        }
    }

    /** A vector of column {@code column} of {@code rows}. */
    static ColumnVector vector(LogicalType type, List<List<Object>> rows, int column) {
        ColumnVector vector = ColumnVector.create(type.physicalKind(), rows.size());
        for (List<Object> row : rows) {
            ValuesSource.appendBoxed(vector, row.get(column));
        }
        return vector;
    }
}
