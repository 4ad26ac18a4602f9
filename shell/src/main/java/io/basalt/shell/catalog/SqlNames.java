package io.basalt.shell.catalog;

import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names as SQL text: when they need double quotes, and how names written in SQL read back. */
public final class SqlNames {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SqlNames() {
    }

    /** Always quoted: for SQL the shell writes itself, where exactness matters more than looks. */
    public static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Quoted only when needed (upper case, blanks, a keyword): for text inserted where the user types. */
    public static String asTyped(String name) {
        return needsQuotes(name) ? quoted(name) : name;
    }

    public static boolean needsQuotes(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            return true;
        }
        List<Token> tokens = ScriptTokenizer.tokenize(name);
        return tokens.size() == 1 && TokenCategory.of(tokens.get(0)) == TokenCategory.KEYWORD;
    }

    /** A name as written in SQL, resolved as the database does: unquoted folds to lower case. */
    public static String fromSql(String written) {
        if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
            return written.substring(1, written.length() - 1).replace("\"\"", "\"");
        }
        return written.toLowerCase(Locale.ROOT);
    }
}
