package io.basalt.server.load;

import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.CopyToStatement;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.query.GeneratedSql;
import io.basalt.server.query.QueryRunner;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.server.transaction.ReadView;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code COPY t [(columns)] TO 'file' (…)} and {@code COPY (query) TO 'file' (…)}: runs the query on one
 * snapshot and writes its rows as CSV. Values are written as {@code CAST(value AS TEXT)} spells them, so what
 * {@code COPY … TO} writes, {@code COPY … FROM} reads back. The rows go to a temporary file beside the target
 * that replaces it only when every row is written: a failed or cancelled COPY leaves an existing file as it was.
 * A relative path is resolved against the working directory of the process that runs the database.
 */
public final class CopyToFile {

    private CopyToFile() {
    }

    /** Writes the rows of {@code snapshot} (the caller closes it). */
    public static StatementResult run(ReadView snapshot, QueryRunner queries, CopyToStatement statement,
                                      SessionSettings settings, AtomicBoolean cancelled) {
        CsvWriteOptions options = CsvWriteOptions.parse(statement.file(), statement.options());
        Path target = Path.of(statement.file()).toAbsolutePath();
        SqlFragment query = statement.query().orElseGet(() -> tableQuery(snapshot, statement, settings.schema()));
        PlannedQuery planned = queries.plan(query, snapshot.manifest(), settings);
        PhysicalNode plan = asText(planned.plan());
        try (ResultStream rows = QueryExecutor.execute(plan, queries.context(snapshot.manifest(), settings, cancelled))) {
            return new StatementResult.RowCount("COPY", write(rows, planned, target, options));
        }
    }

    /** {@code SELECT "a", "b" FROM "schema"."table"} for the table form, after checking the names. */
    private static SqlFragment tableQuery(ReadView snapshot, CopyToStatement statement, String currentSchema) {
        var name = statement.table().orElseThrow();
        String schema = name.schema().orElse(currentSchema);
        TableEntry table = snapshot.manifest().table(schema, name.name()).orElseThrow(
                () -> new StatementException(StorageErrors.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist"));
        List<String> all = table.definition().columns().stream().map(ColumnDefinition::name).toList();
        for (String column : statement.columns()) {
            if (!all.contains(column)) {
                throw new StatementException("42703", "column \"" + column + "\" of relation \"" + name.name()
                        + "\" does not exist");
            }
        }
        List<String> columns = statement.columns().isEmpty() ? all : statement.columns();
        String text = "SELECT " + columns.stream().map(GeneratedSql::quoted).collect(Collectors.joining(", "))
                + " FROM " + GeneratedSql.quoted(schema, name.name());
        return GeneratedSql.fragment(text);
    }

    /** The plan with every column that is not already text cast to TEXT by the executor's CAST kernels. */
    private static PhysicalNode asText(PhysicalNode plan) {
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>();
        List<Column> columns = plan.output();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Expression reference = new ColumnReference(c, column.type());
            boolean text = column.type().physicalKind() == PhysicalKind.BYTES;
            expressions.add(text ? reference : Call.of(Function.CAST, LogicalType.TEXT, reference));
            output.add(new Column(column.name(), text ? column.type() : LogicalType.TEXT, column.nullable()));
        }
        return new ProjectNode(plan, expressions, output, plan.estimatedRows());
    }

    private static long write(ResultStream rows, PlannedQuery planned, Path target, CsvWriteOptions options) {
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new StatementException(StorageErrors.UNDEFINED_FILE,
                    "could not open file \"" + target + "\" for writing: no such directory");
        }
        Path temporary = directory.resolve("." + target.getFileName() + ".copy-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId() + ".tmp");
        long count = 0;
        try {
            try (CsvFileWriter writer = new CsvFileWriter(Files.newOutputStream(temporary), options)) {
                if (options.header()) {
                    writer.writeHeader(planned.columns().stream().map(column -> column.name()).toList());
                }
                for (ColumnBatch batch = rows.next(); batch != null; batch = rows.next()) {
                    writer.writeRows(batch);
                    count += batch.rowCount();
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } catch (NoSuchFileException e) {
            throw new StatementException(StorageErrors.UNDEFINED_FILE, "could not open file \"" + target
                    + "\" for writing: " + e.getMessage());
        } catch (IOException e) {
            throw new StatementException(StorageErrors.IO_ERROR, "could not write file \"" + target + "\": " + e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The temporary file is only left behind if the disk itself fails; the target is untouched.
            }
        }
    }
}
