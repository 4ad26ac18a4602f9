package io.basalt.server;

import io.basalt.execution.progress.ProgressSnapshot;
import io.basalt.execution.progress.ProgressTracker;
import io.basalt.parser.ParseException;
import io.basalt.parser.StatementParser;
import io.basalt.parser.ast.AlterRoleStatement;
import io.basalt.parser.ast.AlterTableStatement;
import io.basalt.parser.ast.AnalyzeStatement;
import io.basalt.parser.ast.CopyFromStatement;
import io.basalt.parser.ast.CopyToStatement;
import io.basalt.parser.ast.CreateRoleStatement;
import io.basalt.parser.ast.CreateSchemaStatement;
import io.basalt.parser.ast.CreateTableAsStatement;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.CreateViewStatement;
import io.basalt.parser.ast.CreateIndexStatement;
import io.basalt.parser.ast.DropIndexStatement;
import io.basalt.parser.ast.DescribeStatement;
import io.basalt.parser.ast.DmlStatement;
import io.basalt.parser.ast.DropRoleStatement;
import io.basalt.parser.ast.DropSchemaStatement;
import io.basalt.parser.ast.DropTableStatement;
import io.basalt.parser.ast.DropViewStatement;
import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.ast.PrivilegeStatement;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.parser.ast.ResetStatement;
import io.basalt.parser.ast.RoleMembershipStatement;
import io.basalt.parser.ast.SetStatement;
import io.basalt.parser.ast.ShowSchemasStatement;
import io.basalt.parser.ast.ShowSettingStatement;
import io.basalt.parser.ast.ShowTablesStatement;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.ast.TransactionAction;
import io.basalt.parser.ast.TransactionStatement;
import io.basalt.parser.ast.TruncateStatement;
import io.basalt.server.ddl.AlterTableStatements;
import io.basalt.server.system.QueryLog;
import io.basalt.server.system.SystemTables;
import io.basalt.server.ddl.SchemaStatements;
import io.basalt.server.ddl.TruncateStatements;
import io.basalt.server.ddl.ViewStatements;
import io.basalt.server.ddl.IndexStatements;
import io.basalt.server.load.CopyFromFile;
import io.basalt.server.load.CopyToFile;
import io.basalt.server.query.AnalyzeStatements;
import io.basalt.server.query.GeneratedSql;
import io.basalt.server.query.InsertStatements;
import io.basalt.server.query.Prepared;
import io.basalt.server.query.PreparedDml;
import io.basalt.server.query.PreparedExplain;
import io.basalt.server.query.PreparedInsert;
import io.basalt.server.query.PreparedQuery;
import io.basalt.server.query.QueryRunner;
import io.basalt.server.result.StatementResult;
import io.basalt.server.security.Authorization;
import io.basalt.server.security.PrivilegeStatements;
import io.basalt.server.security.RoleStatements;
import io.basalt.server.security.StatementPrivileges;
import io.basalt.server.transaction.ReadView;
import io.basalt.server.transaction.TransactionScope;
import io.basalt.storage.commit.Manifest;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's conversation with a {@link Database}: the single place a statement runs, for the shell,
 * embedded JDBC and (later) the network server alike. Every statement commits on its own (auto-commit) unless a
 * transaction is open ({@code BEGIN}, or auto-commit off): see {@link TransactionScope}. Closing the session rolls an
 * open transaction back. Not thread-safe: a session runs one statement at a time.
 *
 * <p>Every statement is prepared and then run: queries, INSERTs and EXPLAINs are planned when prepared (their
 * {@code ?} parameters typed from context) and bound to the values at each execution ({@link PreparedStatement});
 * {@link #execute(String, List)} is a prepared statement used once.
 */
public final class Session implements AutoCloseable {

    private final Database database;
    private final long id;
    private final SessionSettings settings;
    private final TransactionScope transactions;
    private final Authorization authorization;
    private final QueryRunner queries;
    private final StatementPrivileges privileges;
    private volatile AtomicBoolean cancelled = new AtomicBoolean();
    private volatile ProgressTracker progress = new ProgressTracker();

    Session(Database database, long id, SessionSettings settings, Authorization authorization) {
        this.database = database;
        this.id = id;
        this.settings = settings;
        this.transactions = new TransactionScope(database.storage());
        this.authorization = authorization;
        this.queries = database.queries().authorizedBy(authorization);
        this.privileges = new StatementPrivileges(authorization);
        settings.useSystemTables(SystemTables.of(settings, database.queryLog(), database.storage().layout(),
                database.storage().blockCache()));
    }

    /** The user the session runs as (the superuser {@code admin} for embedded sessions). */
    public String user() {
        return authorization.user();
    }

    /** Records a statement of this session in the database's query log; the caller ends the entry. */
    QueryLog.Entry logStatement(String sql) {
        return database.queryLog().start(id, Optional.of(authorization.user()), sql);
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
        // Logged from before planning: a query of basalt_queries then sees itself running, and parse errors count.
        QueryLog.Entry logged = logStatement(sql);
        PreparedStatement statement;
        try {
            statement = prepare(sql);
        } catch (RuntimeException e) {
            logged.failed(e);
            transactions.statementFailed();
            throw e;
        }
        return statement.execute(parameters, logged);
    }

    /** Whether a transaction is open (BEGIN, or a statement run with auto-commit off). */
    public boolean inTransaction() {
        return transactions.inTransaction();
    }

    /**
     * Auto-commit (the default) commits every statement on its own; off, the first statement opens a transaction
     * that lasts until {@link #commit()} or {@link #rollback()} (JDBC's model). Switching it on commits.
     */
    public void setAutoCommit(boolean autoCommit) {
        StatementFailures.translated(() -> {
            transactions.setAutoCommit(autoCommit);
            return null;
        });
    }

    /** Commits the open transaction, as {@code COMMIT} does (40001 on a conflict; the transaction is then gone). */
    public void commit() {
        StatementFailures.translated(transactions::commit);
    }

    /** Rolls the open transaction back, as {@code ROLLBACK} does. */
    public void rollback() {
        transactions.rollback();
    }

    /**
     * Parses a statement and, for a query, INSERT or EXPLAIN, plans it against the current catalog, so that errors
     * in the text, the parameters' types and the result's columns are known before it runs. A {@code ?} in any
     * other statement is refused (0A000).
     */
    public PreparedStatement prepare(String sql) {
        Statement statement = parse(sql);
        transactions.beforeStatement(endsTransaction(statement));
        Prepared prepared = StatementFailures.translated(() -> analysed(sql, statement));
        return new PreparedStatement(this, sql, prepared, ReadOnlySessions.writingCommand(statement));
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

    /** COMMIT and ROLLBACK end a transaction, and are the only statements an aborted transaction accepts. */
    static boolean endsTransaction(Statement statement) {
        return statement instanceof TransactionStatement transaction && transaction.action() != TransactionAction.BEGIN;
    }

    private Prepared analysed(String sql, Statement statement) {
        Manifest catalog = transactions.catalog();
        if (statement instanceof QueryStatement query) {
            return new PreparedQuery(queries, transactions, query.query(), catalog, settings);
        }
        if (statement instanceof InsertStatement insert) {
            return new PreparedInsert(queries, transactions, insert, catalog, settings);
        }
        if (statement instanceof DmlStatement dml) {
            return new PreparedDml(queries, transactions, dml, catalog, settings);
        }
        if (statement instanceof ExplainStatement explain) {
            return new PreparedExplain(queries, transactions, explain, catalog, settings);
        }
        if (ParameterMarkers.any(sql)) {
            throw ParameterMarkers.notSupported(sql);
        }
        return new UnplannedStatement(this, statement, endsTransaction(statement));
    }

    /** A query the server writes itself (SHOW …), planned and run as the user's queries are. */
    private StatementResult systemQuery(String sql, AtomicBoolean cancelled) {
        return new PreparedQuery(database.queries(), transactions, GeneratedSql.fragment(sql), transactions.catalog(), settings)
                .execute(List.of(), settings, cancelled);
    }

    /**
     * Runs a statement that is not planned ahead: its privileges are checked first (what its queries read as they are
     * planned), and the owner of what it creates is recorded after.
     */
    StatementResult run(Statement statement, AtomicBoolean cancelled) {
        if (isRoleOrPrivilegeStatement(statement)) {
            return runSecurityStatement(statement);
        }
        String schema = settings.schema();
        Manifest before = transactions.catalog();
        privileges.check(statement, before, schema);
        StatementResult result = dispatch(statement, cancelled);
        privileges.recordCreated(statement, before, transactions.catalog(), schema);
        return result;
    }

    private static boolean isRoleOrPrivilegeStatement(Statement statement) {
        return statement instanceof CreateRoleStatement || statement instanceof AlterRoleStatement
                || statement instanceof DropRoleStatement || statement instanceof RoleMembershipStatement
                || statement instanceof PrivilegeStatement;
    }

    /**
     * User, role and privilege statements change {@code DIR/security/} at once, outside the storage's transactions, so
     * they are refused inside a transaction block (as PostgreSQL refuses CREATE DATABASE) rather than seem to roll back.
     */
    private StatementResult runSecurityStatement(Statement statement) {
        if (transactions.inTransaction()) {
            throw new StatementException("25001", "user, role and privilege statements cannot run inside a transaction "
                    + "block (they take effect at once); run them with auto-commit on");
        }
        RoleStatements roles = new RoleStatements(authorization);
        if (statement instanceof CreateRoleStatement create) {
            return roles.create(create);
        }
        if (statement instanceof AlterRoleStatement alter) {
            return roles.alter(alter);
        }
        if (statement instanceof DropRoleStatement drop) {
            return roles.drop(drop, transactions.catalog());
        }
        if (statement instanceof RoleMembershipStatement membership) {
            return roles.membership(membership);
        }
        return new PrivilegeStatements(authorization).run((PrivilegeStatement) statement, transactions.catalog(),
                settings.schema());
    }

    private StatementResult dispatch(Statement statement, AtomicBoolean cancelled) {
        String schema = settings.schema();
        if (statement instanceof CreateTableStatement create) {
            return transactions.write(transaction -> SchemaStatements.createTable(transaction, database.queries(), create, settings));
        }
        if (statement instanceof DropTableStatement drop) {
            return transactions.write(transaction -> SchemaStatements.dropTables(transaction, drop, schema));
        }
        if (statement instanceof CreateViewStatement create) {
            return transactions.write(transaction -> ViewStatements.createView(transaction, queries, create,
                    settings));
        }
        if (statement instanceof DropViewStatement drop) {
            return transactions.write(transaction -> ViewStatements.dropViews(transaction, drop, schema));
        }
        if (statement instanceof CreateIndexStatement create) {
            return transactions.write(transaction -> IndexStatements.createIndex(transaction, create, schema));
        }
        if (statement instanceof DropIndexStatement drop) {
            return transactions.write(transaction -> IndexStatements.dropIndexes(transaction, drop, schema));
        }
        if (statement instanceof AlterTableStatement alter) {
            return transactions.write(transaction -> AlterTableStatements.alter(transaction, queries, alter,
                    settings, cancelled));
        }
        if (statement instanceof TruncateStatement truncate) {
            return transactions.write(transaction -> TruncateStatements.truncate(transaction, truncate, schema));
        }
        if (statement instanceof CreateSchemaStatement create) {
            return transactions.write(transaction -> SchemaStatements.createSchema(transaction, create));
        }
        if (statement instanceof DropSchemaStatement drop) {
            return transactions.write(transaction -> SchemaStatements.dropSchema(transaction, drop));
        }
        if (statement instanceof ShowTablesStatement show) {
            return CatalogListings.showTables(transactions.catalog(), show.schema().orElse(schema),
                    sql -> systemQuery(sql, cancelled));
        }
        if (statement instanceof ShowSchemasStatement) {
            return CatalogListings.showSchemas(sql -> systemQuery(sql, cancelled));
        }
        if (statement instanceof ShowSettingStatement show) {
            return CatalogListings.showSettings(settings, show.name(), sql -> systemQuery(sql, cancelled));
        }
        if (statement instanceof DescribeStatement describe) {
            return CatalogListings.describe(transactions.catalog(), describe.table().schema(), describe.table().name(),
                    schema, sql -> systemQuery(sql, cancelled));
        }
        if (statement instanceof CreateTableAsStatement createAs) {
            return transactions.write(transaction -> InsertStatements.createTableAs(transaction, queries,
                    createAs, settings, cancelled));
        }
        if (statement instanceof AnalyzeStatement analyze) {
            return AnalyzeStatements.analyze(database.storage(), database.statistics(), analyze, schema);
        }
        if (statement instanceof CopyFromStatement copy) {
            return transactions.write(transaction -> CopyFromFile.run(transaction, database.queries(), copy, settings, cancelled));
        }
        if (statement instanceof CopyToStatement copy) {
            try (ReadView snapshot = transactions.read()) {
                return CopyToFile.run(snapshot, queries, copy, settings, cancelled);
            }
        }
        if (statement instanceof SetStatement set) {
            settings.set(set.name(), set.value(), transactions.catalog());
            return new StatementResult.RowCount("SET", 0);
        }
        if (statement instanceof ResetStatement reset) {
            if (reset.name().isPresent()) {
                settings.set(reset.name().get(), OptionValue.toDefault(), transactions.catalog());
            } else {
                settings.resetAll(transactions.catalog());
            }
            return new StatementResult.RowCount("RESET", 0);
        }
        if (statement instanceof TransactionStatement transaction) {
            if (transaction.action() == TransactionAction.BEGIN) {
                transactions.begin();
                return new StatementResult.RowCount("BEGIN", 0);
            }
            if (transaction.action() == TransactionAction.COMMIT) {
                // Outside a transaction COMMIT and ROLLBACK do nothing, as in PostgreSQL.
                return new StatementResult.RowCount(transactions.commit(), 0);
            }
            transactions.rollback();
            return new StatementResult.RowCount("ROLLBACK", 0);
        }
        throw StatementException.notSupported(statement.getClass().getSimpleName().replace("Statement", "")
                + " statements");
    }

    /** A fresh cancellation flag for the statement about to run; {@link #cancel()} sets the current one. */
    AtomicBoolean startStatement() {
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        progress = new ProgressTracker();
        return flag;
    }

    /** Where the statement started last reports its progress. */
    ProgressTracker progressTracker() {
        return progress;
    }

    /**
     * How far the session's latest statement has got, from any thread: while it runs, and its final counts once
     * it ended, until the next statement starts.
     */
    public ProgressSnapshot progress() {
        return progress.snapshot();
    }

    /** Cancels the running statement, from any thread; it fails with SQLSTATE 57014. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Called before a prepared statement runs: 25P02 in an aborted transaction (see {@link TransactionScope}), 25006
     * for a statement that writes ({@code writingCommand} present) in a read-only session.
     */
    void beforeStatement(boolean endsTransaction, Optional<String> writingCommand) {
        transactions.beforeStatement(endsTransaction);
        if (settings.readOnly() && writingCommand.isPresent()) {
            throw ReadOnlySessions.refused(writingCommand.get());
        }
    }

    /** Called when a statement failed: an open transaction is aborted until COMMIT or ROLLBACK. */
    void statementFailed() {
        transactions.statementFailed();
    }

    /** Rolls back an open transaction: what a session did not commit never lands. */
    @Override
    public void close() {
        transactions.rollback();
    }
}
