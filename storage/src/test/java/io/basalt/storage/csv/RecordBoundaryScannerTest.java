package io.basalt.storage.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordBoundaryScannerTest {

    /** Every record end, found by feeding the text one byte at a time, so that every end is reported. */
    private static List<Integer> recordEnds(CsvOptions options, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        RecordBoundaryScanner scanner = new RecordBoundaryScanner(options);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (scanner.scan(bytes, i, i + 1) >= 0) {
                ends.add(i + 1);
            }
        }
        return ends;
    }

    /** The positions just after each {@code \n} that is not marked with a following {@code ~}. */
    private static List<Integer> expectedEnds(String text) {
        List<Integer> ends = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                ends.add(i + 1);
            }
        }
        return ends;
    }

    @Test
    void newlinesInsideQuotesDoNotEndRecords() {
        String text = "1,\"a\nb\",c\n2,\"x,\"\"\ny\"\"\",z\n3,plain,\"\"\n";
        assertThat(recordEnds(CsvOptions.DEFAULT, text)).containsExactly(text.indexOf("c\n") + 2,
                text.indexOf("z\n") + 2, text.length());
    }

    @Test
    void aQuoteOnlyOpensAFieldAtItsStart() {
        // 5'10" is an unquoted field: its quote is data, so the newline after it ends the record.
        String text = "5'10\",x\nab\"c\nd\n";
        assertThat(recordEnds(CsvOptions.DEFAULT, text)).isEqualTo(expectedEnds(text));
    }

    @Test
    void backslashEscapesKeepQuotesInside() {
        CsvOptions options = CsvOptions.builder().escape('\\').build();
        String text = "\"a\\\"\nb\",1\n\"c\\\\\",2\n\"d\\x\ne\",3\n";
        assertThat(recordEnds(options, text)).containsExactly(text.indexOf("1\n") + 2, text.indexOf("2\n") + 2,
                text.length());
    }

    @Test
    void stateCarriesAcrossPiecesOfAnySize() {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            builder.append(i).append(",\"quoted, with \"\"quotes\"\"\nand a newline\",").append("x".repeat(i % 13)).append("\r\n");
        }
        byte[] bytes = builder.toString().getBytes(StandardCharsets.UTF_8);
        List<Integer> expected = recordEnds(CsvOptions.DEFAULT, builder.toString());
        assertThat(expected).hasSize(200);
        for (int piece : new int[] {1, 2, 3, 7, 8, 9, 64, 1000, bytes.length}) {
            RecordBoundaryScanner scanner = new RecordBoundaryScanner(CsvOptions.DEFAULT);
            List<Integer> lastEnds = new ArrayList<>();
            for (int from = 0; from < bytes.length; from += piece) {
                int to = Math.min(bytes.length, from + piece);
                int end = scanner.scan(bytes, from, to);
                if (end >= 0) {
                    lastEnds.add(end);
                    assertThat(expected).contains(end);
                    // The last record end in the piece: no later one exists before 'to'.
                    assertThat(expected.stream().filter(e -> e > end && e <= to)).isEmpty();
                }
            }
            assertThat(lastEnds).last().isEqualTo(bytes.length);
            assertThat(scanner.newlinesAtRecordEnd()).isEqualTo(400);
            assertThat(scanner.insideQuotes()).isFalse();
        }
    }

    @Test
    void reportsAnOpenQuote() {
        RecordBoundaryScanner scanner = new RecordBoundaryScanner(CsvOptions.DEFAULT);
        byte[] bytes = "1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8);
        assertThat(scanner.scan(bytes, 0, bytes.length)).isEqualTo(-1);
        assertThat(scanner.insideQuotes()).isTrue();
    }
}
