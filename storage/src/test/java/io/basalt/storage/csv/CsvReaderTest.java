package io.basalt.storage.csv;

import io.basalt.storage.StorageException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static io.basalt.storage.csv.CsvTestSupport.columns;
import static io.basalt.storage.csv.CsvTestSupport.read;
import static io.basalt.storage.csv.CsvTestSupport.row;
import static io.basalt.storage.csv.CsvTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @TempDir
    Path directory;

    private static final List<CsvColumn> TWO_TEXTS = columns("a", LogicalType.TEXT, "b", LogicalType.TEXT);

    @Test
    void readsEveryType() {
        List<CsvColumn> columns = columns(
                "flag", LogicalType.BOOLEAN,
                "tiny", LogicalType.TINYINT,
                "small", LogicalType.SMALLINT,
                "int", LogicalType.INTEGER,
                "big", LogicalType.BIGINT,
                "price", LogicalType.decimal(15, 2),
                "wide", LogicalType.decimal(38, 6),
                "real", LogicalType.REAL,
                "double", LogicalType.DOUBLE,
                "name", LogicalType.varchar(10),
                "code", LogicalType.character(3),
                "note", LogicalType.TEXT,
                "day", LogicalType.DATE,
                "at", LogicalType.TIME,
                "stamp", LogicalType.TIMESTAMP);
        Path file = write(directory, "types.csv", """
                true,-128,32767,-2147483648,9223372036854775807,21168.23,12345678901234567890123456789012.123456,1.5,-2.25e-3,héllo,AB,free text,1996-03-13,13:45:30.5,2024-02-29 23:59:59.000001
                f,127,-32768,2147483647,-9223372036854775808,-0.01,-1,3.4e38,1e308,日本,XYZ,"",1970-01-01,00:00:00,1970-01-01
                """);
        assertThat(read(file, columns, CsvOptions.DEFAULT)).containsExactly(
                row(true, -128L, 32767L, -2147483648L, Long.MAX_VALUE, new BigDecimal("21168.23"),
                        new BigDecimal("12345678901234567890123456789012.123456"), 1.5, -2.25e-3, "héllo", "AB",
                        "free text", LocalDate.of(1996, 3, 13), LocalTime.of(13, 45, 30, 500_000_000),
                        LocalDateTime.of(2024, 2, 29, 23, 59, 59, 1000)),
                row(false, 127L, -32768L, 2147483647L, Long.MIN_VALUE, new BigDecimal("-0.01"),
                        new BigDecimal("-1.000000"), (double) 3.4e38f, 1e308, "日本", "XYZ", "",
                        LocalDate.of(1970, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(1970, 1, 1, 0, 0)));
    }

    @Test
    void anEmptyUnquotedFieldIsNullAndAQuotedOneIsAnEmptyString() {
        Path file = write(directory, "nulls.csv", ",\"\"\n\"\",\n");
        assertThat(read(file, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(row(null, ""), row("", null));
    }

    @Test
    void anEmptyFieldIsNullForEveryType() {
        List<CsvColumn> columns = columns("i", LogicalType.INTEGER, "d", LogicalType.decimal(30, 2),
                "f", LogicalType.DOUBLE, "b", LogicalType.BOOLEAN, "t", LogicalType.TIMESTAMP, "s", LogicalType.varchar(3));
        Path file = write(directory, "empty.csv", ",,,,,\n1,2,3,t,2024-01-01,x\n");
        assertThat(read(file, columns, CsvOptions.DEFAULT)).containsExactly(
                row(null, null, null, null, null, null),
                row(1L, new BigDecimal("2.00"), 3.0, true, LocalDateTime.of(2024, 1, 1, 0, 0), "x"));
    }

    @Test
    void aCustomNullStringReplacesTheEmptyField() {
        CsvOptions options = CsvOptions.builder().nullString("\\N").build();
        Path file = write(directory, "nulls.csv", "\\N,\"\\N\"\n,\"\"\n");
        assertThat(read(file, TWO_TEXTS, options)).containsExactly(row(null, "\\N"), row("", ""));
        // With a custom null string an empty field is an empty string, which is no INTEGER (as in PostgreSQL).
        Path numbers = write(directory, "numbers.csv", "\\N\n\n");
        assertThatThrownBy(() -> read(numbers, columns("n", LogicalType.INTEGER), options))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("numbers.csv:2: column 1 (n): invalid INTEGER value \"\"");
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndNewlines() {
        Path file = write(directory, "quotes.csv",
                "\"a,b\",\"say \"\"hi\"\"\"\n\"line one\nline two\",\"\"\"\"\nplain,\"x\"\n");
        assertThat(read(file, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(
                row("a,b", "say \"hi\""), row("line one\nline two", "\""), row("plain", "x"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsData() {
        Path file = write(directory, "inches.csv", "5'10\",x\"y\n");
        assertThat(read(file, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(row("5'10\"", "x\"y"));
    }

    @Test
    void backslashEscapesQuotesAndItselfInsideQuotes() {
        CsvOptions options = CsvOptions.builder().escape('\\').build();
        Path file = write(directory, "escaped.csv", """
                "say \\"hi\\"","back\\\\slash"
                "C:\\temp","doubled "" too"
                """);
        assertThat(read(file, TWO_TEXTS, options)).containsExactly(
                row("say \"hi\"", "back\\slash"), row("C:\\temp", "doubled \" too"));
    }

    @Test
    void otherDelimitersAndQuotes() {
        CsvOptions options = CsvOptions.builder().delimiter('\t').quote('\'').build();
        Path file = write(directory, "tabs.tsv", "'a\tb'\t'it''s'\nc\td\n");
        assertThat(read(file, TWO_TEXTS, options)).containsExactly(row("a\tb", "it's"), row("c", "d"));
    }

    @Test
    void skipsTheHeaderLine() {
        CsvOptions options = CsvOptions.builder().header(true).build();
        Path file = write(directory, "header.csv", "\"first,name\",\"last\nname\"\nAda,Lovelace\n");
        assertThat(read(file, TWO_TEXTS, options)).containsExactly(row("Ada", "Lovelace"));
        Path onlyHeader = write(directory, "only-header.csv", "a,b\n");
        assertThat(read(onlyHeader, TWO_TEXTS, options)).isEmpty();
        Path headerWithoutNewline = write(directory, "header-no-newline.csv", "a,b");
        assertThat(read(headerWithoutNewline, TWO_TEXTS, options)).isEmpty();
    }

    @Test
    void acceptsCrLfLineEndings() {
        Path file = write(directory, "crlf.csv", "a,b\r\n\"c\r\nd\",\"e\"\r\n,\r\n");
        assertThat(read(file, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(
                row("a", "b"), row("c\r\nd", "e"), row(null, null));
    }

    @Test
    void acceptsALastLineWithoutNewline() {
        Path file = write(directory, "last.csv", "a,b\nc,d");
        assertThat(read(file, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(row("a", "b"), row("c", "d"));
        Path quoted = write(directory, "last-quoted.csv", "a,b\nc,\"d\"");
        assertThat(read(quoted, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(row("a", "b"), row("c", "d"));
        Path crOnly = write(directory, "last-cr.csv", "a,b\r\nc,d\r");
        assertThat(read(crOnly, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(row("a", "b"), row("c", "d"));
    }

    @Test
    void anEmptyFileHasNoRows() {
        Path file = write(directory, "empty.csv", "");
        List<ColumnBatch> batches = new ArrayList<>();
        assertThat(CsvReader.builder(file, TWO_TEXTS).build().read(batches::add)).isZero();
        assertThat(batches).isEmpty();
    }

    @Test
    void anEmptyLineIsOneEmptyField() {
        // As in PostgreSQL: for a single column an empty line is NULL, for more it is missing data.
        Path file = write(directory, "blank.csv", "a\n\nb\n");
        assertThat(read(file, columns("only", LogicalType.TEXT), CsvOptions.DEFAULT))
                .containsExactly(row("a"), row((Object) null), row("b"));
    }

    @Test
    void skipsAUtf8ByteOrderMark() {
        byte[] text = "\"a\",b\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[text.length + 3];
        content[0] = (byte) 0xEF;
        content[1] = (byte) 0xBB;
        content[2] = (byte) 0xBF;
        System.arraycopy(text, 0, content, 3, text.length);
        Path file = write(directory, "bom.csv", content);
        assertThat(read(file, TWO_TEXTS, CsvOptions.DEFAULT)).containsExactly(row("a", "b"));
    }

    @Test
    void acceptsOneTrailingDelimiterWhenAllowed() {
        List<CsvColumn> columns = columns("key", LogicalType.INTEGER, "name", LogicalType.varchar(25), "price", LogicalType.decimal(15, 2));
        String tbl = "1|Customer#000000001|711.56|\n2|Customer#000000002|121.65|\r\n3|no trailing|0|\n";
        Path file = write(directory, "customer.tbl", tbl);
        CsvOptions options = CsvOptions.builder().delimiter('|').allowTrailingDelimiter(true).build();
        assertThat(read(file, columns, options)).containsExactly(
                row(1L, "Customer#000000001", new BigDecimal("711.56")),
                row(2L, "Customer#000000002", new BigDecimal("121.65")),
                row(3L, "no trailing", new BigDecimal("0.00")));
        CsvOptions strict = CsvOptions.builder().delimiter('|').build();
        assertThatThrownBy(() -> read(file, columns, strict))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("customer.tbl:1: column 4: extra data after the last expected column \"1|Customer#000000001|711.56|\"");
        Path twoExtra = write(directory, "two.tbl", "1|a|2||\n");
        assertThatThrownBy(() -> read(twoExtra, columns, options))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("two.tbl:1: column 4: extra data after the last expected column \"1|a|2||\"");
    }

    @Test
    void keepsNonAsciiText() {
        List<CsvColumn> columns = columns("city", LogicalType.varchar(8), "greeting", LogicalType.TEXT);
        Path file = write(directory, "unicode.csv", "Zürich,Grüezi 👋\n東京,\"こんにちは, 世界\"\nΑθήνα,Γειά\n");
        assertThat(read(file, columns, CsvOptions.DEFAULT)).containsExactly(
                row("Zürich", "Grüezi 👋"), row("東京", "こんにちは, 世界"), row("Αθήνα", "Γειά"));
    }

    @Test
    void usesConfiguredDateAndTimestampFormats() {
        CsvOptions options = CsvOptions.builder().dateFormat("%d/%m/%Y").timestampFormat("%m/%d/%Y %H:%M").build();
        List<CsvColumn> columns = columns("day", LogicalType.DATE, "at", LogicalType.TIMESTAMP);
        Path file = write(directory, "formats.csv", "31/12/1999,12/31/1999 23:59\n");
        assertThat(read(file, columns, options))
                .containsExactly(row(LocalDate.of(1999, 12, 31), LocalDateTime.of(1999, 12, 31, 23, 59)));
    }

    @Test
    void toleratesBlanksAroundNonTextValuesButKeepsThemInText() {
        List<CsvColumn> columns = columns("n", LogicalType.INTEGER, "d", LogicalType.decimal(5, 1), "s", LogicalType.TEXT);
        Path file = write(directory, "blanks.csv", " 1 , 2.5 , x \n");
        assertThat(read(file, columns, CsvOptions.DEFAULT)).containsExactly(row(1L, new BigDecimal("2.5"), " x "));
    }

    @Test
    void splitsIntoBatchesOfAtMostTheBatchSize() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(i).append('\n');
        }
        Path file = write(directory, "numbers.csv", text.toString());
        List<Integer> sizes = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<CsvColumn> columns = columns("n", LogicalType.BIGINT);
        long rows = CsvReader.builder(file, columns).batchSize(64).build().read(batch -> {
            sizes.add(batch.rowCount());
            CsvTestSupport.toRows(batch, columns).forEach(row -> values.add((Long) row.get(0)));
        });
        assertThat(rows).isEqualTo(1000);
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 64));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        assertThat(values).hasSize(1000).isSorted();
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = directory.resolve("no-such-file.csv");
        assertThatThrownBy(() -> CsvReader.builder(missing, TWO_TEXTS).build().read(batch -> { }))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e).isNotInstanceOf(CsvFormatException.class);
                    assertThat(e.sqlState()).isEqualTo("58P01");
                    assertThat(e.getMessage()).isEqualTo("could not open file \"" + missing + "\" for reading: no such file");
                });
        assertThatThrownBy(() -> CsvReader.builder(directory, TWO_TEXTS).build().read(batch -> { }))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("58030");
                    assertThat(e.getMessage()).contains("is a directory");
                });
    }

    @Test
    void anExceptionFromTheConsumerStopsTheRead() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append(i).append(",x\n");
        }
        Path file = write(directory, "many.csv", text.toString());
        CsvReader reader = CsvReader.builder(file, TWO_TEXTS).batchSize(100).chunkSize(1000).parallelism(3).build();
        assertThatThrownBy(() -> reader.read(batch -> {
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    }
}
