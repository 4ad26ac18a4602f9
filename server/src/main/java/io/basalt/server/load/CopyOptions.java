package io.basalt.server.load;

import io.basalt.parser.ast.OptionValue;
import io.basalt.server.StatementException;
import io.basalt.storage.StorageException;
import io.basalt.storage.csv.CsvOptions;

import java.util.Locale;
import java.util.Map;

/**
 * Turns COPY … FROM options (PostgreSQL and DuckDB spellings) into CSV reader options ({@link CsvWriteOptions}
 * reads the same names for COPY … TO). Only the CSV format exists
 * so far. {@code TRAILING_DELIMITER} accepts one empty field after the last column, as {@code dbgen}'s
 * {@code .tbl} files have; it is on by default for files named {@code *.tbl} and off otherwise, so an
 * extra column in an ordinary CSV file is still an error.
 */
final class CopyOptions {

    private CopyOptions() {
    }

    static CsvOptions toCsvOptions(String file, Map<String, OptionValue> options) {
        CsvOptions.Builder builder = CsvOptions.builder().allowTrailingDelimiter(file.endsWith(".tbl"));
        for (Map.Entry<String, OptionValue> option : options.entrySet()) {
            String value = option.getValue().text();
            try {
                switch (option.getKey()) {
                    case "FORMAT" -> requireCsv(value);
                    case "DELIMITER", "DELIM", "SEP" -> builder.delimiter(singleCharacter(option.getKey(), value));
                    case "QUOTE" -> builder.quote(singleCharacter(option.getKey(), value));
                    case "ESCAPE" -> builder.escape(singleCharacter(option.getKey(), value));
                    case "HEADER" -> builder.header(option.getValue().asBoolean());
                    case "NULL" -> builder.nullString(value);
                    case "DATEFORMAT" -> builder.dateFormat(value);
                    case "TIMESTAMPFORMAT" -> builder.timestampFormat(value);
                    case "ENCODING" -> builder.encoding(value);
                    case "TRAILING_DELIMITER" -> builder.allowTrailingDelimiter(option.getValue().asBoolean());
                    default -> throw notRecognized(option.getKey(), "", "format, delimiter, quote, escape, header, null, "
                            + "dateformat, timestampformat, encoding, trailing_delimiter");
                }
            } catch (IllegalArgumentException e) {
                throw new StatementException("22023", "invalid value for COPY option " + option.getKey() + ": " + e.getMessage());
            } catch (StorageException e) {
                throw new StatementException(e.sqlState(), e.getMessage());
            }
        }
        try {
            return builder.build();
        } catch (StorageException e) {
            throw new StatementException(e.sqlState(), e.getMessage());
        }
    }

    /** An option COPY does not know: a syntax error, as PostgreSQL reports it. */
    static StatementException notRecognized(String option, String direction, String known) {
        return new StatementException("42601", "option \"" + option.toLowerCase(Locale.ROOT) + "\" not recognized"
                + direction + " (known: " + known + ")");
    }

    static void requireCsv(String format) {
        if (!format.toLowerCase(Locale.ROOT).equals("csv")) {
            throw StatementException.notSupported("COPY format " + format + " (only csv)");
        }
    }

    static void requireUtf8(String encoding) {
        String normalized = encoding.toUpperCase(Locale.ROOT).replace("-", "");
        if (!normalized.equals("UTF8")) {
            throw StatementException.notSupported("COPY TO encoding " + encoding + " (only UTF8)");
        }
    }

    static char singleCharacter(String option, String value) {
        if (value.length() != 1 || value.charAt(0) > 127) {
            throw new StatementException("22023", "COPY " + option.toLowerCase(Locale.ROOT) + " must be a single one-byte character");
        }
        return value.charAt(0);
    }
}
