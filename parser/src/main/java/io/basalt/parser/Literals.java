package io.basalt.parser;

import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.parser.grammar.BasaltParser.BooleanValueContext;
import io.basalt.parser.grammar.BasaltParser.NumberValueContext;
import io.basalt.parser.grammar.BasaltParser.OptionValueContext;
import io.basalt.parser.grammar.BasaltParser.StringContext;
import io.basalt.parser.grammar.BasaltParser.StringValueContext;
import io.basalt.parser.grammar.BasaltParser.WordValueContext;
import org.antlr.v4.runtime.Token;

/** String literals in their three quotings, and option values. */
final class Literals {

    /** invalid_escape_sequence */
    private static final String INVALID_ESCAPE_SEQUENCE = "22025";

    private final SourceText source;
    private final Names names;

    Literals(SourceText source, Names names) {
        this.source = source;
        this.names = names;
    }

    /** The value of {@code 'text'}, {@code E'text'} or {@code $tag$text$tag$}. */
    String string(StringContext context) {
        Token token = context.getStart();
        String text = token.getText();
        switch (token.getType()) {
            case BasaltLexer.STRING_LITERAL -> {
                return text.substring(1, text.length() - 1).replace("''", "'");
            }
            case BasaltLexer.ESCAPE_STRING_LITERAL -> {
                try {
                    return EscapeStrings.decode(text.substring(2, text.length() - 1));
                } catch (IllegalArgumentException malformed) {
                    throw source.error(token, INVALID_ESCAPE_SEQUENCE, malformed.getMessage());
                }
            }
            case BasaltLexer.DOLLAR_STRING -> {
                int tagLength = text.indexOf('$', 1) + 1;
                return text.substring(tagLength, text.length() - tagLength);
            }
            default -> throw new IllegalStateException("not a string token: " + text);
        }
    }

    OptionValue optionValue(OptionValueContext context) {
        if (context instanceof StringValueContext string) {
            return OptionValue.string(string(string.string()));
        }
        if (context instanceof NumberValueContext number) {
            return OptionValue.number(number.getText()); // the tokens without the space a sign may have
        }
        if (context instanceof BooleanValueContext bool) {
            return OptionValue.bool(bool.FALSE() == null); // TRUE or ON
        }
        if (context instanceof WordValueContext word) {
            return OptionValue.identifier(names.identifier(word.identifier()));
        }
        throw new IllegalStateException("unknown option value " + context.getText());
    }
}
