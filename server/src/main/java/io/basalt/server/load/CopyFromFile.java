package io.basalt.server.load;

import io.basalt.parser.ast.CopyFromStatement;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.CsvTableLoader;

import java.nio.file.Path;

/**
 * {@code COPY t FROM 'file' (…)}: the bulk path. The file is parsed in parallel and written as segments in
 * one transaction; a bad row fails the statement with file, line and column, and nothing of the load is
 * committed. A relative path is resolved against the working directory of the process that runs the
 * database (the server, or the application for embedded use).
 */
public final class CopyFromFile {

    private CopyFromFile() {
    }

    public static StatementResult run(Transaction transaction, CopyFromStatement statement, String currentSchema, int threads) {
        String schema = statement.table().schema().orElse(currentSchema);
        TableEntry table = transaction.view().table(schema, statement.table().name()).orElseThrow(
                () -> new StatementException("42P01", "relation \"" + statement.table() + "\" does not exist"));
        if (!statement.columns().isEmpty()) {
            var all = table.definition().columns().stream().map(c -> c.name()).toList();
            if (!statement.columns().equals(all)) {
                throw StatementException.notSupported("COPY with a column list other than all columns in table order");
            }
        }
        long rows = CsvTableLoader.load(transaction, table.tableId(), Path.of(statement.file()),
                CopyOptions.toCsvOptions(statement.file(), statement.options()), threads);
        return new StatementResult.RowCount("COPY", rows);
    }
}
