package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextParserTest {

    /** The stored value, or the exception. */
    private static String validate(LogicalType type, byte[] value) {
        byte[] bytes = new byte[value.length + 2];
        System.arraycopy(value, 0, bytes, 1, value.length);
        int end = new TextParser(type).validate(bytes, 1, value.length + 1);
        return new String(bytes, 1, end - 1, StandardCharsets.UTF_8);
    }

    private static String validate(LogicalType type, String value) {
        return validate(type, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    @Test
    void countsLengthInCharactersNotBytes() {
        assertThat(validate(LogicalType.varchar(5), "héllo")).isEqualTo("héllo");
        assertThat(validate(LogicalType.varchar(2), "日本")).isEqualTo("日本");
        assertThat(validate(LogicalType.varchar(1), "😀")).isEqualTo("😀");
        assertThat(validate(LogicalType.character(3), "ab")).isEqualTo("ab");
        assertThat(validate(LogicalType.TEXT, "x".repeat(100_000))).hasSize(100_000);
        assertThatThrownBy(() -> validate(LogicalType.varchar(2), "日本語"))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22001");
                    assertThat(e.problem()).isEqualTo("value too long for type VARCHAR(2)");
                });
        assertThatThrownBy(() -> validate(LogicalType.character(3), "abcd"))
                .isInstanceOfSatisfying(ValueFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo("value too long for type CHAR(3)"));
        assertThatThrownBy(() -> validate(LogicalType.varchar(20), "a fairly long ascii text"))
                .isInstanceOf(ValueFormatException.class);
    }

    @Test
    void cutsExcessTrailingSpacesLikePostgres() {
        assertThat(validate(LogicalType.varchar(3), "abc   ")).isEqualTo("abc");
        assertThat(validate(LogicalType.character(2), "日本  ")).isEqualTo("日本");
        assertThat(validate(LogicalType.varchar(3), "ab  ")).isEqualTo("ab ");
        assertThatThrownBy(() -> validate(LogicalType.varchar(3), "abc  d")).isInstanceOf(ValueFormatException.class);
    }

    @Test
    void rejectsMalformedUtf8() {
        int[][] malformed = {
                {0xC3, 0x28},             // bad continuation
                {0xC0, 0xAF},             // overlong '/'
                {0xE0, 0x80, 0xAF},       // overlong
                {0xED, 0xA0, 0x80},       // surrogate U+D800
                {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
                {0xF8, 0x88, 0x80, 0x80}, // five-byte form
                {0x80},                   // lone continuation
                {0xE2, 0x82},             // truncated
                {0xFF},
        };
        for (int[] sequence : malformed) {
            byte[] value = new byte[sequence.length + 2];
            value[0] = 'a';
            System.arraycopy(bytes(sequence), 0, value, 1, sequence.length);
            value[value.length - 1] = 'z';
            assertThatThrownBy(() -> validate(LogicalType.TEXT, value))
                    .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("22021");
                        assertThat(e.problem()).startsWith("invalid byte sequence for encoding \"UTF8\": 0x"
                                + String.format("%02x", sequence[0]));
                    });
        }
        assertThatThrownBy(() -> validate(LogicalType.TEXT, bytes(0xC3, 0x28)))
                .hasMessage("invalid byte sequence for encoding \"UTF8\": 0xc3 0x28");
    }

    @Test
    void acceptsEveryWellFormedLength() {
        String text = "a\u00e9\u20ac\ud83d\ude00 and ascii after the multibyte ones";
        assertThat(validate(LogicalType.varchar(text.codePointCount(0, text.length())), text)).isEqualTo(text);
        assertThat(validate(LogicalType.TEXT, "")).isEmpty();
        assertThat(validate(LogicalType.TEXT, bytes(0xEF, 0xBF, 0xBF))).isEqualTo("\uffff");
        assertThat(validate(LogicalType.TEXT, bytes(0xF4, 0x8F, 0xBF, 0xBF))).isEqualTo(new String(Character.toChars(0x10FFFF)));
    }
}
