package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.basalt.storage.csv.CsvTestSupport.columns;
import static io.basalt.storage.csv.CsvTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvReaderErrorTest {

    @TempDir
    Path directory;

    private static final List<CsvColumn> LINEITEM_START = columns(
            "l_orderkey", LogicalType.BIGINT,
            "l_partkey", LogicalType.INTEGER,
            "l_suppkey", LogicalType.SMALLINT,
            "l_linenumber", LogicalType.TINYINT,
            "l_quantity", LogicalType.decimal(15, 2),
            "l_shipdate", LogicalType.DATE,
            "l_shipmode", LogicalType.varchar(10),
            "l_comment", LogicalType.TEXT);

    private static final CsvOptions TBL = CsvOptions.builder().delimiter('|').allowTrailingDelimiter(true).build();
    private static final String GOOD_LINE = "1|155190|7706|1|17|1996-03-13|TRUCK|egular courts above the|\n";

    /** Reads a file whose third line is {@code badLine}, and returns the error. */
    private CsvFormatException failure(String badLine) {
        Path file = write(directory, "lineitem.tbl", GOOD_LINE + GOOD_LINE + badLine + "\n" + GOOD_LINE);
        return failure(CsvReader.builder(file, LINEITEM_START).options(TBL).build());
    }

    private static CsvFormatException failure(CsvReader reader) {
        CsvFormatException error = catchThrowableOfType(CsvFormatException.class, () -> reader.read(batch -> { }));
        assertThat(error).as("the read fails").isNotNull();
        return error;
    }

    private static void assertError(CsvFormatException error, String sqlState, long line, int column, String columnName,
                                    String text, String message) {
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.sqlState()).isEqualTo(sqlState);
        assertThat(error.file().getFileName().toString()).isEqualTo(message.substring(0, message.indexOf(':')));
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.column()).isEqualTo(column);
        assertThat(error.columnName()).isEqualTo(columnName);
        assertThat(error.text()).isEqualTo(text);
    }

    @Test
    void invalidDecimal() {
        assertError(failure("1|155190|7706|1|12x|1996-03-13|TRUCK|c|"), "22P02", 3, 5, "l_quantity", "12x",
                "lineitem.tbl:3: column 5 (l_quantity): invalid DECIMAL(15,2) value \"12x\"");
    }

    @Test
    void decimalOverflow() {
        assertError(failure("1|155190|7706|1|12345678901234|1996-03-13|TRUCK|c|"), "22003", 3, 5, "l_quantity",
                "12345678901234", "lineitem.tbl:3: column 5 (l_quantity): numeric field overflow: DECIMAL(15,2) holds"
                        + " absolute values below 10^13 \"12345678901234\"");
    }

    @Test
    void invalidInteger() {
        assertError(failure("1|15x5190|7706|1|17|1996-03-13|TRUCK|c|"), "22P02", 3, 2, "l_partkey", "15x5190",
                "lineitem.tbl:3: column 2 (l_partkey): invalid INTEGER value \"15x5190\"");
    }

    @Test
    void integerOutOfRangeForItsWidth() {
        assertError(failure("1|155190|77060|1|17|1996-03-13|TRUCK|c|"), "22003", 3, 3, "l_suppkey", "77060",
                "lineitem.tbl:3: column 3 (l_suppkey): SMALLINT value out of range \"77060\"");
        assertError(failure("1|155190|7706|128|17|1996-03-13|TRUCK|c|"), "22003", 3, 4, "l_linenumber", "128",
                "lineitem.tbl:3: column 4 (l_linenumber): TINYINT value out of range \"128\"");
    }

    @Test
    void invalidDate() {
        assertError(failure("1|155190|7706|1|17|1996/03/13|TRUCK|c|"), "22007", 3, 6, "l_shipdate", "1996/03/13",
                "lineitem.tbl:3: column 6 (l_shipdate): invalid DATE value \"1996/03/13\"");
    }

    @Test
    void dateNotInTheCalendar() {
        assertError(failure("1|155190|7706|1|17|2023-02-29|TRUCK|c|"), "22008", 3, 6, "l_shipdate", "2023-02-29",
                "lineitem.tbl:3: column 6 (l_shipdate): DATE field value out of range \"2023-02-29\"");
    }

    @Test
    void stringTooLong() {
        assertError(failure("1|155190|7706|1|17|1996-03-13|TRUCK AND TRAIN|c|"), "22001", 3, 7, "l_shipmode",
                "TRUCK AND TRAIN", "lineitem.tbl:3: column 7 (l_shipmode): value too long for type VARCHAR(10) \"TRUCK AND TRAIN\"");
    }

    @Test
    void malformedUtf8() {
        byte[] bad = "1|155190|7706|1|17|1996-03-13|TRUCK|caf\u00ff|\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = GOOD_LINE.getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[good.length + bad.length];
        System.arraycopy(good, 0, content, 0, good.length);
        System.arraycopy(bad, 0, content, good.length, bad.length);
        Path file = write(directory, "latin1.tbl", content);
        assertError(failure(CsvReader.builder(file, LINEITEM_START).options(TBL).build()), "22021", 2, 8, "l_comment",
                "caf\ufffd", "latin1.tbl:2: column 8 (l_comment): invalid byte sequence for encoding \"UTF8\": 0xff \"caf\ufffd\"");
    }

    @Test
    void missingFields() {
        assertError(failure("1|155190|7706|1|17|1996-03-13"), "22P04", 3, 7, "l_shipmode", "1|155190|7706|1|17|1996-03-13",
                "lineitem.tbl:3: column 7 (l_shipmode): missing data: the line has 6 fields but 8 columns are expected"
                        + " \"1|155190|7706|1|17|1996-03-13\"");
    }

    @Test
    void extraFields() {
        assertError(failure("1|155190|7706|1|17|1996-03-13|TRUCK|c|d|"), "22P04", 3, 9, null,
                "1|155190|7706|1|17|1996-03-13|TRUCK|c|d|",
                "lineitem.tbl:3: column 9: extra data after the last expected column \"1|155190|7706|1|17|1996-03-13|TRUCK|c|d|\"");
    }

    @Test
    void unterminatedQuote() {
        Path file = write(directory, "open.csv", "a,b\n\"c,d\ne,f\n");
        CsvFormatException error = failure(CsvReader.builder(file, columns("x", LogicalType.TEXT, "y", LogicalType.TEXT)).build());
        assertError(error, "22P04", 2, 1, "x", "\"c,d\\ne,f\\n",
                "open.csv:2: column 1 (x): unterminated quoted field \"\"c,d\\ne,f\\n\"");
    }

    @Test
    void characterAfterClosingQuote() {
        Path file = write(directory, "stray.csv", "a,b\nc,\"d\"e\n");
        CsvFormatException error = failure(CsvReader.builder(file, columns("x", LogicalType.TEXT, "y", LogicalType.TEXT)).build());
        assertError(error, "22P04", 2, 2, "y", "\"d\"e", "stray.csv:2: column 2 (y): unexpected character after closing quote \"\"d\"e\"");
    }

    @Test
    void aRecordLongerThanTheLimit() {
        Path file = write(directory, "long.csv", "a,b\nc,\"" + "x".repeat(5000) + "\n");
        CsvReader reader = CsvReader.builder(file, columns("x", LogicalType.TEXT, "y", LogicalType.TEXT))
                .chunkSize(64).maxRecordBytes(1024).build();
        assertError(failure(reader), "22P04", 2, 0, null, null,
                "long.csv:2: unterminated quoted field: no closing quote within 1024 bytes");
        Path unquoted = write(directory, "long-unquoted.csv", "a,b\n" + "x".repeat(5000) + ",y\n");
        reader = CsvReader.builder(unquoted, columns("x", LogicalType.TEXT, "y", LogicalType.TEXT))
                .chunkSize(64).maxRecordBytes(1024).build();
        assertError(failure(reader), "22P04", 2, 0, null, null, "long-unquoted.csv:2: record longer than 1024 bytes");
    }

    @Test
    void linesCountNewlinesInsideQuotesAndTheHeader() {
        String text = "id,note\n"                       // line 1: header
                + "1,\"two\nline note\"\n"             // lines 2-3
                + "2,\"three\r\nline\r\nnote\"\r\n"    // lines 4-6
                + "x3,fine\n";                         // line 7
        Path file = write(directory, "notes.csv", text);
        CsvReader reader = CsvReader.builder(file, columns("id", LogicalType.INTEGER, "note", LogicalType.TEXT))
                .options(CsvOptions.builder().header(true).build()).build();
        assertError(failure(reader), "22P02", 7, 1, "id", "x3", "notes.csv:7: column 1 (id): invalid INTEGER value \"x3\"");
    }

    @Test
    void aFieldAfterAMultiLineFieldReportsTheLineItStartsOn() {
        Path file = write(directory, "after.csv", "\"a\nb\nc\",12x\n");
        CsvReader reader = CsvReader.builder(file, columns("s", LogicalType.TEXT, "n", LogicalType.INTEGER)).build();
        assertError(failure(reader), "22P02", 3, 2, "n", "12x", "after.csv:3: column 2 (n): invalid INTEGER value \"12x\"");
    }

    @Test
    void longTextIsTruncatedInTheMessage() {
        String value = "é".repeat(150);
        Path file = write(directory, "long-value.csv", "1," + value + "\n");
        CsvReader reader = CsvReader.builder(file, columns("n", LogicalType.INTEGER, "s", LogicalType.varchar(120))).build();
        CsvFormatException error = failure(reader);
        assertThat(error.text()).isEqualTo("é".repeat(100) + "…");
        assertThat(error.getMessage()).isEqualTo("long-value.csv:1: column 2 (s): value too long for type VARCHAR(120) \""
                + "é".repeat(100) + "…\"");
    }

    @Test
    void quotedValuesAreReportedUnescaped() {
        Path file = write(directory, "quoted.csv", "\"1\"\"2\"\n");
        CsvFormatException error = failure(CsvReader.builder(file, columns("n", LogicalType.BIGINT)).build());
        assertError(error, "22P02", 1, 1, "n", "1\"2", "quoted.csv:1: column 1 (n): invalid BIGINT value \"1\"2\"");
    }

    @Test
    void theEarliestErrorWinsWhenSeveralChunksFail() {
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 5000; line++) {
            boolean bad = line == 1234 || line == 2500 || line == 4999;
            text.append(bad ? "oops" : Integer.toString(line)).append(",\"multi\nline\"\n");
        }
        Path file = write(directory, "several.csv", text.toString());
        List<CsvColumn> columns = columns("n", LogicalType.INTEGER, "s", LogicalType.TEXT);
        for (int run = 0; run < 20; run++) {
            CsvReader reader = CsvReader.builder(file, columns).chunkSize(97 + run * 13).parallelism(4).batchSize(50).build();
            CsvFormatException error = failure(reader);
            // Record 1234 starts on physical line 2 * 1233 + 1.
            assertThat(error.line()).isEqualTo(2467);
            assertThat(error.getMessage()).isEqualTo("several.csv:2467: column 1 (n): invalid INTEGER value \"oops\"");
        }
    }

    @Test
    void anUnterminatedQuoteIsReportedAfterEarlierErrors() {
        // The bad value on line 3 comes before the unbalanced quote on line 5: line 3 is reported, always.
        String text = "1,a\n2,b\nx,c\n4,d\n5,\"never closed\n" + "6,f\n".repeat(500);
        Path file = write(directory, "both.csv", text);
        List<CsvColumn> columns = columns("n", LogicalType.INTEGER, "s", LogicalType.TEXT);
        for (int run = 0; run < 5; run++) {
            CsvReader reader = CsvReader.builder(file, columns).chunkSize(8).maxRecordBytes(256).parallelism(3).build();
            assertThat(failure(reader).getMessage()).isEqualTo("both.csv:3: column 1 (n): invalid INTEGER value \"x\"");
        }
    }
}
