package io.basalt.server;

import io.basalt.execution.plan.Column;
import io.basalt.parser.ast.DescribeStatement;
import io.basalt.parser.ast.ShowSchemasStatement;
import io.basalt.parser.ast.ShowTablesStatement;
import io.basalt.parser.ast.Statement;
import io.basalt.server.query.Prepared;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.type.LogicalType;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A prepared statement that is not planned ahead (DDL, COPY, SET, SHOW, DESCRIBE, transaction control, CREATE TABLE
 * AS): it takes no parameters, and each execution runs its syntax tree, parsed once, against the catalog of that
 * moment.
 */
final class UnplannedStatement implements Prepared {

    private final Session session;
    private final Statement statement;
    private final boolean endsTransaction;

    UnplannedStatement(Session session, Statement statement, boolean endsTransaction) {
        this.session = session;
        this.statement = statement;
        this.endsTransaction = endsTransaction;
    }

    @Override
    public boolean endsTransaction() {
        return endsTransaction;
    }

    @Override
    public List<LogicalType> parameterTypes() {
        return List.of();
    }

    /** SHOW and DESCRIBE return rows, known when they run; the others return none. */
    @Override
    public Optional<List<Column>> resultColumns() {
        boolean rows = statement instanceof ShowTablesStatement || statement instanceof ShowSchemasStatement
                || statement instanceof DescribeStatement;
        return rows ? Optional.empty() : Optional.of(List.of());
    }

    @Override
    public StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled) {
        return session.run(statement, cancelled);
    }
}
