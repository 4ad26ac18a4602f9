package io.basalt.parser;

import io.basalt.parser.ast.SqlFragment;
import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INSERT's {@code VALUES (…), (…)} source into its items when one of them is the keyword {@code DEFAULT},
 * which Calcite cannot plan: the server replaces those items (by the column's default, or drops the column). A
 * source that is not a plain VALUES list of parenthesised rows is left alone (and a DEFAULT in it fails in Calcite).
 */
final class ValuesItems {

    private final SourceText source;

    ValuesItems(SourceText source) {
        this.source = source;
    }

    /**
     * The rows item by item, or an empty list when no item is DEFAULT or the source is not a plain VALUES list.
     *
     * @param tokens the source's tokens (without a RETURNING list)
     */
    List<List<SqlFragment>> rowsWithDefaults(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.get(0).getType() != BasaltLexer.VALUES) {
            return List.of();
        }
        List<List<SqlFragment>> rows = new ArrayList<>();
        boolean anyDefault = false;
        int position = 1;
        while (true) {
            if (position >= tokens.size() || tokens.get(position).getType() != BasaltLexer.LEFT_PAREN) {
                return List.of();
            }
            List<SqlFragment> items = new ArrayList<>();
            int depth = 1;
            int itemStart = position + 1;
            int index = position + 1;
            for (; index < tokens.size() && depth > 0; index++) {
                int type = tokens.get(index).getType();
                if (type == BasaltLexer.LEFT_PAREN) {
                    depth++;
                } else if (type == BasaltLexer.RIGHT_PAREN) {
                    depth--;
                }
                if ((depth == 1 && type == BasaltLexer.COMMA) || depth == 0) {
                    if (index == itemStart) {
                        return List.of();
                    }
                    anyDefault |= index - itemStart == 1 && tokens.get(itemStart).getType() == BasaltLexer.DEFAULT;
                    items.add(source.fragment(tokens.get(itemStart), tokens.get(index - 1)));
                    itemStart = index + 1;
                }
            }
            if (depth > 0) {
                return List.of();
            }
            rows.add(items);
            if (index == tokens.size()) {
                return anyDefault ? rows : List.of();
            }
            if (tokens.get(index).getType() != BasaltLexer.COMMA) {
                return List.of();
            }
            position = index + 1;
        }
    }
}
