package io.basalt.storage.csv;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BooleanParserTest {

    private static boolean parse(String text) {
        byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        return BooleanParser.parse(bytes, 1, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "t", "T", "yes", "YES", "y", "Y", "1", "on", "ON", " true "})
    void acceptsTrueSpellings(String text) {
        assertThat(parse(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "f", "F", "no", "No", "n", "N", "0", "off", "OFF", "\tfalse"})
    void acceptsFalseSpellings(String text) {
        assertThat(parse(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "tru", "truee", "yess", "of", "onn", "nope", "\u0011", "-1", "1.0"})
    void rejectsOtherText(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P02");
                    assertThat(e.problem()).isEqualTo("invalid BOOLEAN value");
                });
    }
}
