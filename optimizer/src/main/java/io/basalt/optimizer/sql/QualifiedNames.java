package io.basalt.optimizer.sql;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.Optional;

/** The dotted names of a parsed query, for errors that name only a part of one. */
final class QualifiedNames {

    private QualifiedNames() {
    }

    /**
     * The whole name ({@code nosuchschema.orders}) of the qualified identifier at a position (as Calcite reports
     * it, in the parsed text) whose first part is {@code first}; empty if there is none.
     */
    static Optional<String> startingWith(SqlNode query, String first, int line, int column) {
        String[] found = new String[1];
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier identifier) {
                if (identifier.names.size() > 1 && identifier.names.get(0).equals(first)
                        && identifier.getParserPosition().getLineNum() == line
                        && identifier.getParserPosition().getColumnNum() == column) {
                    found[0] = String.join(".", identifier.names);
                }
                return null;
            }
        });
        return Optional.ofNullable(found[0]);
    }
}
