package io.basalt.shell.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayWidthTest {

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(DisplayWidth.of("abc")).isEqualTo(3);
        assertThat(DisplayWidth.of("日本語")).isEqualTo(6);
        assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1);
        assertThat(DisplayWidth.of("😀")).isEqualTo(2);
    }

    @Test
    void truncationCountsColumnsAndEndsInAnEllipsis() {
        assertThat(DisplayWidth.truncate("abcdef", 6)).isEqualTo("abcdef");
        assertThat(DisplayWidth.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(DisplayWidth.truncate("日本語テキスト", 6)).isEqualTo("日本…");
        assertThat(DisplayWidth.of(DisplayWidth.truncate("日本語テキスト", 6))).isLessThanOrEqualTo(6);
    }

    @Test
    void paddingCountsColumns() {
        assertThat(DisplayWidth.pad("日本", 6, false)).isEqualTo("日本  ");
        assertThat(DisplayWidth.pad("7", 3, true)).isEqualTo("  7");
    }
}
