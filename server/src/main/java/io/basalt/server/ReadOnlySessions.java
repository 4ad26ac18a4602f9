package io.basalt.server;

import io.basalt.parser.ast.CopyToStatement;
import io.basalt.parser.ast.DescribeStatement;
import io.basalt.parser.ast.DmlStatement;
import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.parser.ast.ResetStatement;
import io.basalt.parser.ast.SetStatement;
import io.basalt.parser.ast.ShowSchemasStatement;
import io.basalt.parser.ast.ShowTablesStatement;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.ast.TransactionStatement;

import java.util.Locale;
import java.util.Optional;

/**
 * What a read-only session ({@code SET default_transaction_read_only = on}, JDBC's {@code setReadOnly(true)})
 * refuses: every statement that changes data, the catalog or statistics, with SQLSTATE 25006 as PostgreSQL does.
 * Statements are allowed by name rather than refused by name, so a statement kind added later is refused until
 * someone decides it only reads.
 */
final class ReadOnlySessions {

    private ReadOnlySessions() {
    }

    /** The command {@code statement} writes with, as the error names it; empty when it only reads. */
    static Optional<String> writingCommand(Statement statement) {
        if (statement instanceof QueryStatement || statement instanceof ShowTablesStatement
                || statement instanceof ShowSchemasStatement || statement instanceof DescribeStatement
                || statement instanceof SetStatement || statement instanceof ResetStatement
                || statement instanceof TransactionStatement
                || statement instanceof CopyToStatement) {
            return Optional.empty();
        }
        if (statement instanceof ExplainStatement explain) {
            // EXPLAIN only plans; EXPLAIN ANALYZE runs the statement
            return explain.analyze() ? writingCommand(explain.statement()) : Optional.empty();
        }
        if (statement instanceof DmlStatement dml) {
            return Optional.of(dml.kind().name());
        }
        return Optional.of(commandName(statement));
    }

    /** {@code CreateTableAsStatement} → {@code CREATE TABLE AS}. */
    private static String commandName(Statement statement) {
        String simpleName = statement.getClass().getSimpleName().replace("Statement", "");
        return simpleName.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    static StatementException refused(String command) {
        return new StatementException("25006", "cannot execute " + command + " in a read-only transaction");
    }
}
