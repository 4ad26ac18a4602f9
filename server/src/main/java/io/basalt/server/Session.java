package io.basalt.server;

import io.basalt.parser.ParseException;
import io.basalt.parser.StatementParser;
import io.basalt.parser.ast.AnalyzeStatement;
import io.basalt.parser.ast.CopyFromStatement;
import io.basalt.parser.ast.CopyToStatement;
import io.basalt.parser.ast.CreateSchemaStatement;
import io.basalt.parser.ast.CreateTableAsStatement;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.DescribeStatement;
import io.basalt.parser.ast.DropSchemaStatement;
import io.basalt.parser.ast.DropTableStatement;
import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.parser.ast.SetStatement;
import io.basalt.parser.ast.ShowSchemasStatement;
import io.basalt.parser.ast.ShowTablesStatement;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.ast.TransactionAction;
import io.basalt.parser.ast.TransactionStatement;
import io.basalt.server.ddl.SchemaStatements;
import io.basalt.server.load.CopyFromFile;
import io.basalt.server.load.CopyToFile;
import io.basalt.server.query.AnalyzeStatements;
import io.basalt.server.query.InsertStatements;
import io.basalt.server.query.Prepared;
import io.basalt.server.query.PreparedExplain;
import io.basalt.server.query.PreparedInsert;
import io.basalt.server.query.PreparedQuery;
import io.basalt.server.result.StatementResult;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's conversation with a {@link Database}: the single place a statement runs, for the shell,
 * embedded JDBC and (later) the network server alike. Every statement commits on its own (auto-commit).
 * Not thread-safe: a session runs one statement at a time.
 *
 * <p>Every statement is prepared and then run: queries, INSERTs and EXPLAINs are planned when prepared (their
 * {@code ?} parameters typed from context) and bound to the values at each execution ({@link PreparedStatement});
 * {@link #execute(String, List)} is a prepared statement used once.
 */
public final class Session implements AutoCloseable {

    private final Database database;
    private final SessionSettings settings;
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    Session(Database database, SessionSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Parses and runs one statement. Errors of every layer arrive as {@link StatementException}. */
    public StatementResult execute(String sql) {
        return execute(sql, List.of());
    }

    /** Parses and runs one statement with a value for each of its {@code ?} parameters (see {@link PreparedStatement}). */
    public StatementResult execute(String sql, List<?> parameters) {
        return prepare(sql).execute(parameters);
    }

    /**
     * Parses a statement and, for a query, INSERT or EXPLAIN, plans it against the current catalog, so that errors
     * in the text, the parameters' types and the result's columns are known before it runs. A {@code ?} in any
     * other statement is refused (0A000).
     */
    public PreparedStatement prepare(String sql) {
        Statement statement = parse(sql);
        Prepared prepared = StatementFailures.translated(() -> analysed(sql, statement));
        return new PreparedStatement(this, sql, prepared);
    }

    private static Statement parse(String sql) {
        try {
            return StatementParser.parse(sql);
        } catch (ParseException e) {
            if (ParameterMarkers.isAt(sql, e)) {
                throw ParameterMarkers.notSupported(sql);
            }
            throw new StatementException(e.sqlState(), e.getMessage(), e.line(), e.column(), e);
        }
    }

    private Prepared analysed(String sql, Statement statement) {
        var storage = database.storage();
        if (statement instanceof QueryStatement query) {
            return new PreparedQuery(database.queries(), query.query(), storage.current(), settings);
        }
        if (statement instanceof InsertStatement insert) {
            return new PreparedInsert(database.queries(), insert, storage.current(), settings);
        }
        if (statement instanceof ExplainStatement explain) {
            return new PreparedExplain(database.queries(), explain, storage.current(), settings);
        }
        if (ParameterMarkers.any(sql)) {
            throw ParameterMarkers.notSupported(sql);
        }
        return new UnplannedStatement(this, statement);
    }

    /** Runs a statement that is not planned ahead. */
    StatementResult run(Statement statement, AtomicBoolean cancelled) {
        var storage = database.storage();
        if (statement instanceof CreateTableStatement create) {
            return SchemaStatements.createTable(storage, create, settings.schema());
        }
        if (statement instanceof DropTableStatement drop) {
            return SchemaStatements.dropTables(storage, drop, settings.schema());
        }
        if (statement instanceof CreateSchemaStatement create) {
            return SchemaStatements.createSchema(storage, create);
        }
        if (statement instanceof DropSchemaStatement drop) {
            return SchemaStatements.dropSchema(storage, drop);
        }
        if (statement instanceof ShowTablesStatement show) {
            return CatalogListings.showTables(storage.current(), show.schema().orElse(settings.schema()));
        }
        if (statement instanceof ShowSchemasStatement) {
            return CatalogListings.showSchemas(storage.current());
        }
        if (statement instanceof DescribeStatement describe) {
            return CatalogListings.describe(storage.current(), describe.table().schema(), describe.table().name(),
                    settings.schema());
        }
        if (statement instanceof CreateTableAsStatement createAs) {
            return InsertStatements.createTableAs(storage, database.queries(), createAs, settings, cancelled);
        }
        if (statement instanceof AnalyzeStatement analyze) {
            return AnalyzeStatements.analyze(storage, database.statistics(), analyze, settings.schema());
        }
        if (statement instanceof CopyFromStatement copy) {
            return CopyFromFile.run(storage, copy, settings.schema(), settings.threads());
        }
        if (statement instanceof CopyToStatement copy) {
            return CopyToFile.run(storage, database.queries(), copy, settings, cancelled);
        }
        if (statement instanceof SetStatement set) {
            settings.set(set.name(), set.value(), storage.current());
            return new StatementResult.RowCount("SET", 0);
        }
        if (statement instanceof TransactionStatement transaction) {
            if (transaction.action() == TransactionAction.BEGIN) {
                throw StatementException.notSupported("explicit transactions (BEGIN); every statement commits on its own");
            }
            // COMMIT or ROLLBACK outside a transaction: nothing to do, as in PostgreSQL.
            return new StatementResult.RowCount(transaction.action().name(), 0);
        }
        throw StatementException.notSupported(statement.getClass().getSimpleName().replace("Statement", "")
                + " statements");
    }

    /** A fresh cancellation flag for the statement about to run; {@link #cancel()} sets the current one. */
    AtomicBoolean startStatement() {
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        return flag;
    }

    /** Cancels the running statement, from any thread; it fails with SQLSTATE 57014. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void close() {
        // Nothing is held between statements yet (prepared statements keep only plans); transactions will be,
        // once BEGIN is supported.
    }
}
