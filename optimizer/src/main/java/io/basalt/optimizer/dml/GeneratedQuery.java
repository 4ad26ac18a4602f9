package io.basalt.optimizer.dml;

import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.dml.DmlTokens.Span;
import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of the query a DML statement is planned as, built from pieces of the statement (conditions, values,
 * sources: copied as written) and words of its own. It remembers where each piece came from, so that an error
 * Calcite reports in the query points at the statement the user wrote, and the order of the statement's {@code ?}
 * parameters, which the query may list in another order (MERGE's ON condition comes last in the query).
 */
final class GeneratedQuery {

    /** A piece of the query: its offset there, its length, and where it came from in the statement. */
    private record Piece(int start, int length, int originalStart, boolean copied) {
    }

    private final DmlTokens statement;
    private final StringBuilder text = new StringBuilder();
    private final List<Piece> pieces = new ArrayList<>();
    /** For each {@code ?} of the query, in query order: its offset in the statement. */
    private final List<Integer> parameterOffsets = new ArrayList<>();

    GeneratedQuery(DmlTokens statement) {
        this.statement = statement;
    }

    /** Appends words of our own; an error in them points at {@code anchor} in the statement. */
    GeneratedQuery add(String words, int anchor) {
        pieces.add(new Piece(text.length(), words.length(), anchor, false));
        text.append(words);
        return this;
    }

    /** Appends a piece of the statement, in parentheses when it is an expression (so operators bind as written). */
    GeneratedQuery copy(Span span) {
        String piece = statement.text().substring(span.start(), span.end());
        pieces.add(new Piece(text.length(), piece.length(), span.start(), true));
        text.append(piece);
        for (Token token : ScriptTokenizer.tokenize(piece)) {
            if (TokenCategory.of(token) == TokenCategory.PARAMETER && token.getText().equals("?")) {
                parameterOffsets.add(span.start() + token.getStartIndex());
            }
        }
        return this;
    }

    GeneratedQuery copyExpression(Span span) {
        add("(", span.start());
        copy(span);
        return add(")", span.start());
    }

    String text() {
        return text.toString();
    }

    /**
     * For each parameter of the query, in query order, its index among the statement's parameters (text order): the
     * j-th parameter Calcite numbers is the statement's {@code order[j]}-th.
     */
    int[] parameterOrder() {
        List<Integer> sorted = new ArrayList<>(parameterOffsets);
        sorted.sort(null);
        int[] order = new int[parameterOffsets.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = sorted.indexOf(parameterOffsets.get(j));
        }
        return order;
    }

    /** {@code error}, raised for the query, with its position moved to the statement. */
    PlanningException relocate(PlanningException error) {
        if (error.line().isEmpty()) {
            return error;
        }
        int offset = offsetOf(error.line().getAsInt(), error.column().orElse(1));
        int original = 0;
        for (Piece piece : pieces) {
            if (offset >= piece.start() && offset < piece.start() + Math.max(piece.length(), 1)) {
                original = piece.copied() ? piece.originalStart() + offset - piece.start() : piece.originalStart();
                break;
            }
            if (offset >= piece.start() + piece.length()) {
                original = piece.originalStart() + (piece.copied() ? piece.length() : 0);
            }
        }
        int[] position = statement.position(original);
        return new PlanningException(error.sqlState(), error.getMessage(), position[0], position[1], error);
    }

    private int offsetOf(int line, int column) {
        int lineStart = 0;
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf("\n", lineStart);
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return lineStart + column - 1;
    }
}
