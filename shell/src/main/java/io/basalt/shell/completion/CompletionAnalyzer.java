package io.basalt.shell.completion;

import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.shell.catalog.SqlNames;
import org.antlr.v4.runtime.Token;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what fits at the cursor from the tokens before it: a statement's first word, a table after FROM
 * or JOIN, a schema after {@code SHOW TABLES FROM}, a column of the statement's tables in an expression,
 * the columns of {@code o} after {@code o.}. Inside a string or a comment nothing is offered.
 */
final class CompletionAnalyzer {

    /** Keywords that open a clause; the nearest one before the cursor says what kind of text is being typed. */
    private static final Set<Integer> CLAUSES = Set.of(BasaltLexer.SELECT, BasaltLexer.FROM, BasaltLexer.JOIN,
            BasaltLexer.WHERE, BasaltLexer.ON, BasaltLexer.USING, BasaltLexer.BY, BasaltLexer.HAVING, BasaltLexer.LIMIT,
            BasaltLexer.OFFSET, BasaltLexer.SET, BasaltLexer.VALUES, BasaltLexer.RETURNING, BasaltLexer.INTO,
            BasaltLexer.WINDOW);

    /** Keywords after which a table name comes. */
    private static final Set<Integer> BEFORE_TABLE = Set.of(BasaltLexer.FROM, BasaltLexer.JOIN, BasaltLexer.INTO,
            BasaltLexer.UPDATE, BasaltLexer.TABLE);

    private CompletionAnalyzer() {
    }

    static CompletionScope analyse(String buffer, int wordStart) {
        StatementTokens tokens = StatementTokens.around(buffer, wordStart);
        if (tokens.insideStringOrComment()) {
            return CompletionScope.NOTHING;
        }
        List<TableReference> tables = TableReferences.in(tokens.all(), wordStart);
        int last = tokens.typeBeforeAt(0);
        int previous = tokens.typeBeforeAt(1);
        if (tokens.before().isEmpty()) {
            return scope(tables, CompletionKind.STATEMENT_KEYWORD);
        }
        if (last == BasaltLexer.DOT) {
            Token qualifier = tokens.beforeAt(1);
            if (!StatementTokens.isName(qualifier)) {
                return CompletionScope.NOTHING;
            }
            return new CompletionScope(EnumSet.of(CompletionKind.COLUMN, CompletionKind.TABLE),
                    Optional.of(SqlNames.fromSql(qualifier.getText())), tables);
        }
        boolean firstWord = tokens.before().size() == 1;
        if (firstWord && (last == BasaltLexer.DESCRIBE || last == BasaltLexer.DESC || last == BasaltLexer.COPY)) {
            return scope(tables, CompletionKind.TABLE, CompletionKind.SCHEMA);
        }
        if (previous == BasaltLexer.TABLES && (last == BasaltLexer.FROM || last == BasaltLexer.IN)
                || last == BasaltLexer.SCHEMA && previous != BasaltLexer.CREATE) {
            return scope(tables, CompletionKind.SCHEMA);
        }
        if (BEFORE_TABLE.contains(last)) {
            // CREATE TABLE names a table that does not exist yet.
            return previous == BasaltLexer.CREATE ? CompletionScope.NOTHING
                    : scope(tables, CompletionKind.TABLE, CompletionKind.SCHEMA);
        }
        int clause = clauseBefore(tokens.before());
        if (clause == BasaltLexer.FROM) {
            // After a comma another table; after a table name, what may follow it (WHERE, JOIN, AS …).
            return last == BasaltLexer.COMMA ? scope(tables, CompletionKind.TABLE, CompletionKind.SCHEMA)
                    : scope(tables, CompletionKind.KEYWORD);
        }
        if (clause == BasaltLexer.JOIN) {
            return scope(tables, CompletionKind.KEYWORD);
        }
        if (clause == BasaltLexer.INTO) {
            // INSERT INTO t (a, b …: the target's columns.
            return last == BasaltLexer.LEFT_PAREN || last == BasaltLexer.COMMA ? scope(tables, CompletionKind.COLUMN)
                    : scope(tables, CompletionKind.KEYWORD);
        }
        return scope(tables, CompletionKind.COLUMN, CompletionKind.FUNCTION, CompletionKind.KEYWORD);
    }

    /**
     * The nearest clause keyword before the cursor at the cursor's own parenthesis depth. Parentheses closed
     * before the cursor hide what they hold; an open one does not, so {@code count(} is still in SELECT.
     */
    private static int clauseBefore(List<Token> before) {
        int depth = 0;
        for (int i = before.size() - 1; i >= 0; i--) {
            int type = before.get(i).getType();
            if (type == BasaltLexer.RIGHT_PAREN) {
                depth++;
            } else if (type == BasaltLexer.LEFT_PAREN) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && CLAUSES.contains(type)) {
                return type;
            }
        }
        return Token.INVALID_TYPE;
    }

    private static CompletionScope scope(List<TableReference> tables, CompletionKind first, CompletionKind... rest) {
        return new CompletionScope(EnumSet.of(first, rest), Optional.empty(), tables);
    }
}
