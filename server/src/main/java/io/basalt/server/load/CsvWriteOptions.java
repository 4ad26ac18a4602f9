package io.basalt.server.load;

import io.basalt.parser.ast.OptionValue;
import io.basalt.server.StatementException;

import java.util.Locale;
import java.util.Map;

/**
 * How {@code COPY … TO} writes CSV, from the same option names {@code COPY … FROM} reads (PostgreSQL's and
 * DuckDB's spellings): {@code FORMAT csv}, {@code DELIMITER}, {@code QUOTE}, {@code ESCAPE}, {@code HEADER},
 * {@code NULL}, {@code FORCE_QUOTE *}. Defaults are PostgreSQL's CSV defaults: comma, double quote, escape =
 * quote, no header, NULL as an empty unquoted field. A {@code *.tbl} file gets dbgen's layout instead: {@code |}
 * and a trailing {@code |} on every line, so that {@code COPY … FROM} reads it back.
 */
record CsvWriteOptions(char delimiter, char quote, char escape, boolean header, String nullString,
                       boolean forceQuote, boolean trailingDelimiter) {

    static CsvWriteOptions parse(String file, Map<String, OptionValue> options) {
        boolean tbl = file.endsWith(".tbl");
        char delimiter = tbl ? '|' : ',';
        char quote = '"';
        Character escape = null;
        boolean header = false;
        String nullString = "";
        boolean forceQuote = false;
        boolean trailingDelimiter = tbl;
        for (Map.Entry<String, OptionValue> option : options.entrySet()) {
            String value = option.getValue().text();
            try {
                switch (option.getKey()) {
                    case "FORMAT" -> CopyOptions.requireCsv(value);
                    case "DELIMITER", "DELIM", "SEP" -> delimiter = CopyOptions.singleCharacter(option.getKey(), value);
                    case "QUOTE" -> quote = CopyOptions.singleCharacter(option.getKey(), value);
                    case "ESCAPE" -> escape = CopyOptions.singleCharacter(option.getKey(), value);
                    case "HEADER" -> header = option.getValue().asBoolean();
                    case "NULL" -> nullString = value;
                    case "FORCE_QUOTE" -> forceQuote = forceQuoteAll(value);
                    case "TRAILING_DELIMITER" -> trailingDelimiter = option.getValue().asBoolean();
                    case "ENCODING" -> CopyOptions.requireUtf8(value);
                    default -> throw CopyOptions.notRecognized(option.getKey(), " for COPY TO", "format, delimiter, quote, "
                            + "escape, header, null, force_quote, trailing_delimiter, encoding");
                }
            } catch (IllegalArgumentException e) {
                throw new StatementException("22023", "invalid value for COPY option " + option.getKey() + ": " + e.getMessage());
            }
        }
        if (delimiter == quote || nullString.indexOf(delimiter) >= 0 || nullString.indexOf(quote) >= 0) {
            throw new StatementException("22023", "COPY delimiter, quote and NULL string must not overlap");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new StatementException("22023", "COPY delimiter and quote cannot be a newline");
        }
        return new CsvWriteOptions(delimiter, quote, escape == null ? quote : escape, header, nullString, forceQuote,
                trailingDelimiter);
    }

    /** Only the whole-row form {@code FORCE_QUOTE *} (and true/false): per-column lists are rarely used. */
    private static boolean forceQuoteAll(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "*", "true", "on", "1" -> {
                return true;
            }
            case "false", "off", "0" -> {
                return false;
            }
            default -> throw StatementException.notSupported("FORCE_QUOTE with a column list (use FORCE_QUOTE *)");
        }
    }
}
