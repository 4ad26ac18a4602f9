package io.basalt.server.load;

import io.basalt.execution.expression.Literal;
import io.basalt.parser.ast.CopyFromStatement;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.query.ColumnDefaults;
import io.basalt.server.query.QueryRunner;
import io.basalt.server.result.StatementResult;
import io.basalt.server.write.TableWriter;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.csv.CsvColumn;
import io.basalt.storage.csv.CsvReader;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code COPY t [(columns)] FROM 'file' (…)}: the bulk path. The file is parsed in parallel and written as segments
 * in one transaction; a bad row fails the statement with file, line and column, and nothing of the load is
 * committed. Columns the list leaves out get their identity values or their DEFAULT (NULL when none), as in
 * PostgreSQL; keys are enforced as for INSERT. An identity column in the list takes the file's values, GENERATED
 * ALWAYS too (PostgreSQL's COPY does the same). A relative path is resolved against the working directory of the
 * process that runs the database (the server, or the application for embedded use).
 */
public final class CopyFromFile {

    private CopyFromFile() {
    }

    public static StatementResult run(Transaction transaction, QueryRunner runner, CopyFromStatement statement,
                                      SessionSettings settings, AtomicBoolean cancelled) {
        String schema = statement.table().schema().orElse(settings.schema());
        TableEntry table = transaction.view().table(schema, statement.table().name()).orElseThrow(
                () -> new StatementException("42P01", "relation \"" + statement.table() + "\" does not exist"));
        TableDefinition definition = table.definition();
        int[] fileColumnOf = fileColumns(definition, statement.columns());
        List<CsvColumn> columns = new ArrayList<>();
        boolean[] generated = new boolean[fileColumnOf.length];
        List<Integer> defaulted = new ArrayList<>();
        for (int i = 0; i < fileColumnOf.length; i++) {
            ColumnDefinition column = definition.columns().get(i);
            if (fileColumnOf[i] < 0) {
                if (column.identity().isPresent()) {
                    generated[i] = true;
                } else {
                    defaulted.add(i);
                }
            }
        }
        for (String name : statement.columns().isEmpty() ? definition.columns().stream().map(ColumnDefinition::name).toList()
                : statement.columns()) {
            columns.add(new CsvColumn(name, definition.columns().get(definition.columnIndex(name).getAsInt()).type()));
        }
        Map<Integer, Literal> defaults = ColumnDefaults.evaluate(runner, transaction.view(), settings, definition, defaulted,
                Instant.now(), cancelled);
        CsvReader reader = CsvReader.builder(Path.of(statement.file()), columns)
                .options(CopyOptions.toCsvOptions(statement.file(), statement.options())).parallelism(settings.threads()).build();
        try (TableWriter writer = TableWriter.open(transaction, table.tableId(), settings.threads(), generated)) {
            reader.read(batch -> writer.append(tableRows(batch, fileColumnOf, defaults, definition)));
            writer.finish();
            return new StatementResult.RowCount("COPY", writer.rowsAppended());
        }
    }

    /** For each table column, its position in the file's columns, or -1 when the list leaves it out. */
    private static int[] fileColumns(TableDefinition definition, List<String> named) {
        int[] fileColumnOf = new int[definition.columns().size()];
        if (named.isEmpty()) {
            Arrays.setAll(fileColumnOf, i -> i);
            return fileColumnOf;
        }
        Arrays.fill(fileColumnOf, -1);
        for (int i = 0; i < named.size(); i++) {
            String name = named.get(i);
            int index = definition.columnIndex(name).orElseThrow(() -> new StatementException("42703",
                    "column \"" + name + "\" of relation \"" + definition.name() + "\" does not exist"));
            if (fileColumnOf[index] >= 0) {
                throw new StatementException("42701", "column \"" + name + "\" specified more than once");
            }
            fileColumnOf[index] = i;
        }
        return fileColumnOf;
    }

    /** The file's columns placed in table order; left-out columns repeat their default (identity ones are filled later). */
    private static ColumnBatch tableRows(ColumnBatch file, int[] fileColumnOf, Map<Integer, Literal> defaults,
                                         TableDefinition definition) {
        List<ColumnVector> columns = new ArrayList<>(fileColumnOf.length);
        for (int i = 0; i < fileColumnOf.length; i++) {
            if (fileColumnOf[i] >= 0) {
                columns.add(file.column(fileColumnOf[i]));
            } else {
                Literal value = defaults.getOrDefault(i, Literal.nullOf(definition.columns().get(i).type()));
                columns.add(value.repeated(file.rowCount()));
            }
        }
        return new ColumnBatch(file.rowCount(), columns);
    }
}
