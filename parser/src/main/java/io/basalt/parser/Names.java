package io.basalt.parser;

import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.parser.grammar.BasaltParser.AnyWordContext;
import io.basalt.parser.grammar.BasaltParser.ColumnListContext;
import io.basalt.parser.grammar.BasaltParser.IdentifierContext;
import io.basalt.parser.grammar.BasaltParser.QualifiedNameContext;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/**
 * Identifiers as PostgreSQL and DuckDB treat them: unquoted ones (keywords used as names included) fold
 * to lower case, quoted ones keep their case with {@code ""} standing for one {@code "}.
 */
final class Names {

    private final SourceText source;

    Names(SourceText source) {
        this.source = source;
    }

    String identifier(IdentifierContext context) {
        return word(context.getStart());
    }

    String anyWord(AnyWordContext context) {
        return word(context.getStart());
    }

    QualifiedName qualifiedName(QualifiedNameContext context) {
        return new QualifiedName(context.identifier().stream().map(this::identifier).toList());
    }

    List<String> columnList(ColumnListContext context) {
        return context == null ? List.of() : context.identifier().stream().map(this::identifier).toList();
    }

    private String word(Token token) {
        String text = token.getText();
        if (token.getType() != BasaltLexer.QUOTED_IDENTIFIER) {
            return text.toLowerCase(Locale.ROOT);
        }
        String name = text.substring(1, text.length() - 1).replace("\"\"", "\"");
        if (name.isEmpty()) {
            throw source.error(token, ParseException.SYNTAX_ERROR, "zero-length delimited identifier at or near " + source.quoted(token));
        }
        return name;
    }
}
