package io.basalt.shell.completion;

import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.shell.catalog.SqlNames;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the tables a statement reads or writes: the names after FROM (and its commas), JOIN, INTO and
 * UPDATE, anywhere in the statement, subqueries included, and before or after the cursor (people often
 * write the SELECT list last). It reads tokens, not a parse tree, because the statement being typed is
 * rarely valid SQL yet.
 */
final class TableReferences {

    private TableReferences() {
    }

    /** The tables of {@code statement}, leaving out the token that starts at {@code wordStart} (the word typed). */
    static List<TableReference> in(List<Token> statement, int wordStart) {
        List<Token> tokens = new ArrayList<>();
        for (Token token : statement) {
            if (token.getStartIndex() != wordStart) {
                tokens.add(token);
            }
        }
        List<TableReference> tables = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == BasaltLexer.FROM || type == BasaltLexer.JOIN || type == BasaltLexer.INTO
                    || type == BasaltLexer.UPDATE) {
                readList(tokens, i + 1, type == BasaltLexer.FROM, tables);
            }
        }
        return tables;
    }

    /** Reads {@code name [AS] [alias]}, and more of them after commas when {@code commaList}. */
    private static void readList(List<Token> tokens, int start, boolean commaList, List<TableReference> tables) {
        int i = start;
        while (i < tokens.size() && StatementTokens.isName(tokens.get(i))) {
            Optional<String> schema = Optional.empty();
            String name = SqlNames.fromSql(tokens.get(i).getText());
            i++;
            if (i + 1 < tokens.size() && tokens.get(i).getType() == BasaltLexer.DOT && StatementTokens.isName(tokens.get(i + 1))) {
                schema = Optional.of(name);
                name = SqlNames.fromSql(tokens.get(i + 1).getText());
                i += 2;
            }
            Optional<String> alias = Optional.empty();
            if (i < tokens.size() && tokens.get(i).getType() == BasaltLexer.AS) {
                i++;
            }
            if (i < tokens.size() && StatementTokens.isName(tokens.get(i))) {
                alias = Optional.of(SqlNames.fromSql(tokens.get(i).getText()));
                i++;
            }
            tables.add(new TableReference(schema, name, alias));
            if (!commaList || i >= tokens.size() || tokens.get(i).getType() != BasaltLexer.COMMA) {
                return;
            }
            i++;
        }
    }
}
