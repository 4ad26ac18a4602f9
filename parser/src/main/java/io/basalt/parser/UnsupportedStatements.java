package io.basalt.parser;

import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Locale;

/**
 * Statements of other databases that Basalt recognises but cannot run yet: they fail with 0A000 "not supported yet",
 * naming the feature, rather than with a syntax error that suggests the user misspelled something. The grammar does
 * not know them, so they are told apart by their leading words before the grammar sees the statement.
 */
final class UnsupportedStatements {

    private static final String FEATURE_NOT_SUPPORTED = "0A000";

    /** Leading words (lower case) and what the message calls the feature. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix(List.of("reindex"), "REINDEX"),
            new Prefix(List.of("create", "materialized", "view"), "CREATE MATERIALIZED VIEW"),
            new Prefix(List.of("create", "trigger"), "CREATE TRIGGER"),
            new Prefix(List.of("create", "sequence"), "CREATE SEQUENCE (use SERIAL or GENERATED … AS IDENTITY columns)"));

    private record Prefix(List<String> words, String feature) {
    }

    private UnsupportedStatements() {
    }

    /** Throws 0A000 at the statement's first token when {@code tokens} begin one of the statements above. */
    static void check(SourceText source, List<Token> tokens) {
        for (Prefix prefix : PREFIXES) {
            if (startsWith(tokens, prefix.words())) {
                throw source.error(tokens.get(0), FEATURE_NOT_SUPPORTED, "not supported yet: " + prefix.feature());
            }
        }
    }

    private static boolean startsWith(List<Token> tokens, List<String> words) {
        if (tokens.size() < words.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!tokens.get(i).getText().toLowerCase(Locale.ROOT).equals(words.get(i))) {
                return false;
            }
        }
        return true;
    }
}
