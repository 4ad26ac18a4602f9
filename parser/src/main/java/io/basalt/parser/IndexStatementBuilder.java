package io.basalt.parser;

import io.basalt.parser.ast.CreateIndexStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.DropIndexStatement;
import io.basalt.parser.ast.IndexColumn;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.grammar.BasaltParser.CreateIndexContext;
import io.basalt.parser.grammar.BasaltParser.DropIndexContext;
import io.basalt.parser.grammar.BasaltParser.IndexKeyContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds CREATE INDEX and DROP INDEX from their parse trees. */
final class IndexStatementBuilder {

    /** PostgreSQL's access method; Basalt's covering indexes are sorted copies, which is what a B-tree offers. */
    private static final String BTREE = "btree";

    private final SourceText source;
    private final Names names;

    IndexStatementBuilder(SourceText source, Names names) {
        this.source = source;
        this.names = names;
    }

    Statement createIndex(CreateIndexContext context) {
        if (context.USING() != null) {
            String method = names.identifier(context.identifier(context.identifier().size() - 1));
            if (!method.toLowerCase(Locale.ROOT).equals(BTREE)) {
                throw source.error(context.USING().getSymbol(), "0A000",
                        "not supported yet: index access method \"" + method + "\" (only btree)");
            }
        }
        boolean named = context.identifier().size() > (context.USING() != null ? 1 : 0);
        Optional<String> name = named ? Optional.of(names.identifier(context.identifier(0))) : Optional.empty();
        List<IndexColumn> keys = context.indexKey().stream().map(this::key).toList();
        return new CreateIndexStatement(name, context.UNIQUE() != null, context.ifNotExists() != null,
                names.qualifiedName(context.qualifiedName()), keys, names.columnList(context.columnList()),
                source.span(context));
    }

    Statement dropIndex(DropIndexContext context, DropBehavior behavior) {
        return new DropIndexStatement(context.qualifiedName().stream().map(names::qualifiedName).toList(),
                context.ifExists() != null, behavior, source.span(context));
    }

    private IndexColumn key(IndexKeyContext context) {
        return new IndexColumn(names.identifier(context.identifier()), context.DESC() != null);
    }
}
