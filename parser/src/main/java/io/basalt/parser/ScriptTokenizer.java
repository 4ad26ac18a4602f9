package io.basalt.parser;

import io.basalt.parser.grammar.BasaltLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Runs Basalt's lexer over a script. This is the entry point for the shell's highlighting and completion:
 * it returns every token, comments and whitespace included (on the hidden channel), and never fails;
 * {@link TokenCategory} tells what each token is. Offsets are UTF-16 offsets into the script.
 */
public final class ScriptTokenizer {

    private ScriptTokenizer() {
    }

    /** All tokens of the script in order, without the final EOF token. */
    public static List<Token> tokenize(String script) {
        BasaltLexer lexer = new BasaltLexer(new ScriptCharStream(script));
        // The lexer has a catch-all rule and cannot fail; this only keeps ANTLR from printing anything.
        lexer.removeErrorListeners();
        return List.copyOf(lexer.getAllTokens());
    }
}
