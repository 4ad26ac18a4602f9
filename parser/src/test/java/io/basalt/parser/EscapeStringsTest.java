package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EscapeStringsTest {

    @Test
    void decodesPostgresEscapes() {
        assertThat(EscapeStrings.decode("a\\tb\\nc\\rd\\be\\ff")).isEqualTo("a\tb\nc\rd\be\ff");
        assertThat(EscapeStrings.decode("\\\\ \\' it''s \\q")).isEqualTo("\\ ' it's q");
        assertThat(EscapeStrings.decode("\\101\\7\\x41\\x4a\\xg")).isEqualTo("A\u0007AJxg");
        assertThat(EscapeStrings.decode("\\u00e9\\U0001F600")).isEqualTo("é😀");
        assertThat(EscapeStrings.decode("end\\")).isEqualTo("end\\");
    }

    @Test
    void rejectsBrokenUnicodeEscapes() {
        assertThatThrownBy(() -> EscapeStrings.decode("\\u12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EscapeStrings.decode("\\UFFFFFFFF")).isInstanceOf(IllegalArgumentException.class);
    }
}
