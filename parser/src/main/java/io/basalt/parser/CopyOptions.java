package io.basalt.parser;

import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.parser.grammar.BasaltParser.CopyOptionContext;
import io.basalt.parser.grammar.BasaltParser.CopyOptionsContext;
import io.basalt.parser.grammar.BasaltParser.LegacyBinaryContext;
import io.basalt.parser.grammar.BasaltParser.LegacyCopyOptionContext;
import io.basalt.parser.grammar.BasaltParser.LegacyCopyOptionsContext;
import io.basalt.parser.grammar.BasaltParser.LegacyCsvContext;
import io.basalt.parser.grammar.BasaltParser.LegacyHeaderContext;
import io.basalt.parser.grammar.BasaltParser.LegacyStringOptionContext;
import io.basalt.parser.grammar.BasaltParser.ParenthesizedCopyOptionsContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Reads COPY's options from either syntax into one ordered map with upper-case names, so that consumers
 * see {@code WITH DELIMITER '|' CSV HEADER} exactly as {@code (DELIMITER '|', FORMAT csv, HEADER true)}.
 * Which options exist and what values they take is for the COPY implementation to check.
 */
final class CopyOptions {

    private final SourceText source;
    private final Names names;
    private final Literals literals;

    CopyOptions(SourceText source, Names names, Literals literals) {
        this.source = source;
        this.names = names;
        this.literals = literals;
    }

    Map<String, OptionValue> options(CopyOptionsContext context) {
        Map<String, OptionValue> options = new LinkedHashMap<>();
        if (context instanceof ParenthesizedCopyOptionsContext parenthesized) {
            for (CopyOptionContext option : parenthesized.copyOption()) {
                String name = names.anyWord(option.anyWord()).toUpperCase(Locale.ROOT);
                // A bare option name means true, as in PostgreSQL and DuckDB: (HEADER) is (HEADER true).
                OptionValue value = option.ASTERISK() != null ? OptionValue.identifier("*")
                        : option.optionValue() == null ? OptionValue.bool(true) : literals.optionValue(option.optionValue());
                put(options, name, value, option.getStart());
            }
        } else if (context instanceof LegacyCopyOptionsContext legacy) {
            for (LegacyCopyOptionContext option : legacy.legacyCopyOption()) {
                putLegacy(options, option);
            }
        }
        return options;
    }

    private void putLegacy(Map<String, OptionValue> options, LegacyCopyOptionContext option) {
        Token start = option.getStart();
        if (option instanceof LegacyBinaryContext) {
            put(options, "FORMAT", OptionValue.identifier("binary"), start);
        } else if (option instanceof LegacyCsvContext) {
            put(options, "FORMAT", OptionValue.identifier("csv"), start);
        } else if (option instanceof LegacyHeaderContext) {
            put(options, "HEADER", OptionValue.bool(true), start);
        } else if (option instanceof LegacyStringOptionContext stringOption) {
            String name = BasaltLexer.VOCABULARY.getSymbolicName(start.getType());
            put(options, name, OptionValue.string(literals.string(stringOption.string())), start);
        } else {
            throw new IllegalStateException("unknown COPY option " + option.getText());
        }
    }

    private void put(Map<String, OptionValue> options, String name, OptionValue value, Token at) {
        if (options.put(name, value) != null) {
            throw source.error(at, ParseException.SYNTAX_ERROR, "conflicting or redundant options");
        }
    }
}
