package io.basalt.storage.csv;

import io.basalt.storage.StorageException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvOptionsTest {

    @Test
    void defaultsFollowPostgresCsv() {
        CsvOptions options = CsvOptions.DEFAULT;
        assertThat(options.delimiter()).isEqualTo(',');
        assertThat(options.quote()).isEqualTo('"');
        assertThat(options.escape()).isEqualTo('"');
        assertThat(options.header()).isFalse();
        assertThat(options.nullString()).isEmpty();
        assertThat(options.dateFormat()).isEmpty();
        assertThat(options.timestampFormat()).isEmpty();
        assertThat(options.allowTrailingDelimiter()).isFalse();
        assertThat(options.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void theEscapeDefaultsToTheQuote() {
        assertThat(CsvOptions.builder().quote('\'').build().escape()).isEqualTo('\'');
        assertThat(CsvOptions.builder().quote('\'').escape('\\').build().escape()).isEqualTo('\\');
    }

    @Test
    void roundTripsThroughTheBuilder() {
        CsvOptions options = CsvOptions.builder().delimiter('|').quote('\'').escape('\\').header(true).nullString("\\N")
                .dateFormat("%d/%m/%Y").timestampFormat("%Y-%m-%d %H:%M:%S").allowTrailingDelimiter(true).build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.dateFormat()).isEqualTo(Optional.of("%d/%m/%Y"));
    }

    @Test
    void acceptsOnlyUtf8() {
        assertThat(CsvOptions.builder().encoding("utf8").build()).isEqualTo(CsvOptions.DEFAULT);
        assertThat(CsvOptions.builder().encoding("UTF-8").charset(StandardCharsets.UTF_8).build()).isEqualTo(CsvOptions.DEFAULT);
        assertThatThrownBy(() -> CsvOptions.builder().encoding("LATIN1"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("0A000");
                    assertThat(e.getMessage()).isEqualTo("CSV encoding \"LATIN1\" is not supported: only UTF-8 files can be"
                            + " loaded (convert the file first, e.g. with iconv -t UTF-8)");
                });
        assertThatThrownBy(() -> CsvOptions.builder().charset(StandardCharsets.UTF_16))
                .isInstanceOf(StorageException.class).hasMessageContaining("\"UTF-16\" is not supported");
    }

    @Test
    void rejectsUnusableCharacters() {
        assertInvalid(CsvOptions.builder().delimiter('\n'), "the CSV DELIMITER cannot be a newline or carriage return");
        assertInvalid(CsvOptions.builder().quote('\r'), "the CSV QUOTE cannot be a newline or carriage return");
        assertInvalid(CsvOptions.builder().delimiter('§'), "the CSV DELIMITER must be a single ASCII character, got U+00A7");
        assertInvalid(CsvOptions.builder().delimiter('"'), "the CSV delimiter and quote must be different characters");
        assertInvalid(CsvOptions.builder().escape(','), "the CSV escape and delimiter must be different characters");
        assertInvalid(CsvOptions.builder().nullString("a\nb"), "the CSV null string cannot contain a newline or carriage return");
        assertInvalid(CsvOptions.builder().nullString("a,b"), "the CSV delimiter must not appear in the null string \"a,b\"");
    }

    private static void assertInvalid(CsvOptions.Builder builder, String message) {
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState()).isEqualTo("22023"))
                .hasMessage(message);
    }
}
