package io.basalt.storage.table;

import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.csv.CsvColumn;
import io.basalt.storage.csv.CsvOptions;
import io.basalt.storage.csv.CsvReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a CSV file into a table inside a transaction: the parallel CSV reader parses, the table appender
 * encodes and writes segments on its own workers. If any row is bad the reader throws, the appender stops,
 * and the caller's transaction rolls back, so nothing of the load is committed.
 */
public final class CsvTableLoader {

    private CsvTableLoader() {
    }

    /** Appends every row of {@code file} to {@code tableId}'s default partition; returns the row count. */
    public static long load(Transaction transaction, long tableId, Path file, CsvOptions options, int parallelism) {
        TableDefinition table = transaction.requireTable(tableId).definition();
        List<CsvColumn> columns = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            columns.add(new CsvColumn(column.name(), column.type()));
        }
        CsvReader reader = CsvReader.builder(file, columns).options(options).parallelism(parallelism).build();
        try (TableAppender appender = new TableAppender(transaction, tableId,
                transaction.requireTable(tableId).defaultPartition().partitionId(), parallelism)) {
            reader.read(appender::append);
            appender.finish();
            return appender.rowsAppended();
        }
    }
}
