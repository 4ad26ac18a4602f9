package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * How a CSV file is written: the dialect, not which columns it feeds. Values come from {@code COPY … (…)}
 * options typed by users, so a bad value is a {@link StorageException} with SQLSTATE 22023 (or 0A000 for an
 * unsupported encoding) rather than an {@link IllegalArgumentException}.
 *
 * <ul>
 *   <li>{@code delimiter} (default {@code ,}), {@code quote} (default {@code "}) and {@code escape} (default:
 *       the quote, i.e. a quote inside a quoted field is written doubled; {@code \} is the other common
 *       choice). All three are single ASCII characters. As in PostgreSQL the escape only has a meaning inside
 *       a quoted field, before a quote or another escape; a doubled quote is accepted in either case.</li>
 *   <li>{@code header}: the first line holds column names and is skipped.</li>
 *   <li>{@code nullString}: an <em>unquoted</em> field equal to it is NULL (default: the empty string). A
 *       quoted field is never NULL, so {@code ""} is an empty string, as in PostgreSQL.</li>
 *   <li>{@code dateFormat}, {@code timestampFormat}: strftime-style patterns (see {@link DateTimeFormat});
 *       absent means ISO 8601 ({@code 2024-01-31}, {@code 2024-01-31 13:45:00.123456}). When set, values
 *       must match the pattern.</li>
 *   <li>{@code allowTrailingDelimiter}: accept one extra empty field at the end of a line, as TPC-H
 *       {@code .tbl} files have ({@code 1|2|3|}).</li>
 * </ul>
 * Only UTF-8 is read; {@link Builder#charset} rejects anything else.
 */
public record CsvOptions(
        char delimiter,
        char quote,
        char escape,
        boolean header,
        String nullString,
        Optional<String> dateFormat,
        Optional<String> timestampFormat,
        boolean allowTrailingDelimiter) {

    public static final CsvOptions DEFAULT = builder().build();

    public CsvOptions {
        requireSingleByte("DELIMITER", delimiter);
        requireSingleByte("QUOTE", quote);
        requireSingleByte("ESCAPE", escape);
        if (delimiter == quote) {
            throw invalid("the CSV delimiter and quote must be different characters");
        }
        if (escape == delimiter) {
            throw invalid("the CSV escape and delimiter must be different characters");
        }
        if (nullString == null) {
            throw invalid("the CSV null string must not be null");
        }
        if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0) {
            throw invalid("the CSV null string cannot contain a newline or carriage return");
        }
        if (nullString.indexOf(delimiter) >= 0) {
            throw invalid("the CSV delimiter must not appear in the null string \"" + nullString + "\"");
        }
        dateFormat = dateFormat == null ? Optional.empty() : dateFormat;
        timestampFormat = timestampFormat == null ? Optional.empty() : timestampFormat;
        // Compile once here so a bad pattern fails when the options are built, not on the first row.
        dateFormat.ifPresent(DateTimeFormat::compile);
        timestampFormat.ifPresent(DateTimeFormat::compile);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .delimiter(delimiter)
                .quote(quote)
                .escape(escape)
                .header(header)
                .nullString(nullString)
                .dateFormat(dateFormat.orElse(null))
                .timestampFormat(timestampFormat.orElse(null))
                .allowTrailingDelimiter(allowTrailingDelimiter);
    }

    /** Always UTF-8: the only encoding the reader accepts. */
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    byte[] nullStringBytes() {
        return nullString.getBytes(StandardCharsets.UTF_8);
    }

    private static void requireSingleByte(String option, char value) {
        if (value == '\n' || value == '\r') {
            throw invalid("the CSV " + option + " cannot be a newline or carriage return");
        }
        if (value == 0 || value > 0x7F) {
            throw invalid("the CSV " + option + " must be a single ASCII character, got U+"
                    + String.format(Locale.ROOT, "%04X", (int) value));
        }
    }

    private static StorageException invalid(String message) {
        return new StorageException(StorageErrors.INVALID_PARAMETER, message);
    }

    /** Builds {@link CsvOptions}; every setting starts at the PostgreSQL CSV default. */
    public static final class Builder {
        private char delimiter = ',';
        private char quote = '"';
        private Character escape;
        private boolean header;
        private String nullString = "";
        private String dateFormat;
        private String timestampFormat;
        private boolean allowTrailingDelimiter;

        private Builder() {
        }

        public Builder delimiter(char value) {
            this.delimiter = value;
            return this;
        }

        public Builder quote(char value) {
            this.quote = value;
            return this;
        }

        /** The escape character inside quoted fields; unset means the same as the quote (doubled quotes). */
        public Builder escape(char value) {
            this.escape = value;
            return this;
        }

        public Builder header(boolean value) {
            this.header = value;
            return this;
        }

        public Builder nullString(String value) {
            this.nullString = value;
            return this;
        }

        /** A strftime-style pattern such as {@code %d/%m/%Y}; null means ISO. */
        public Builder dateFormat(String pattern) {
            this.dateFormat = pattern;
            return this;
        }

        /** A strftime-style pattern such as {@code %Y-%m-%d %H:%M:%S}; null means ISO. */
        public Builder timestampFormat(String pattern) {
            this.timestampFormat = pattern;
            return this;
        }

        public Builder allowTrailingDelimiter(boolean value) {
            this.allowTrailingDelimiter = value;
            return this;
        }

        /** Accepts only UTF-8 (US-ASCII files are UTF-8 too, so it is accepted as well). */
        public Builder charset(Charset charset) {
            if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
                throw unsupportedEncoding(charset.name());
            }
            return this;
        }

        /** Accepts the names {@code UTF8}, {@code UTF-8} (any case) and {@code US-ASCII}/{@code ASCII}/{@code SQL_ASCII}. */
        public Builder encoding(String name) {
            String normalized = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
            if (!normalized.equals("UTF8") && !normalized.equals("USASCII") && !normalized.equals("ASCII")
                    && !normalized.equals("SQLASCII")) {
                throw unsupportedEncoding(name);
            }
            return this;
        }

        private static StorageException unsupportedEncoding(String name) {
            return new StorageException(StorageErrors.FEATURE_NOT_SUPPORTED,
                    "CSV encoding \"" + name + "\" is not supported: only UTF-8 files can be loaded"
                            + " (convert the file first, e.g. with iconv -t UTF-8)");
        }

        public CsvOptions build() {
            return new CsvOptions(delimiter, quote, escape == null ? quote : escape, header, nullString,
                    Optional.ofNullable(dateFormat), Optional.ofNullable(timestampFormat), allowTrailingDelimiter);
        }
    }
}
