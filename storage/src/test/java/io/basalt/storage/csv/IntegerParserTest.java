package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegerParserTest {

    private static long parse(LogicalType type, String text) {
        byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        return new IntegerParser(type).parse(bytes, 1, bytes.length - 1);
    }

    @Test
    void parsesSignsBlanksAndLeadingZeros() {
        assertThat(parse(LogicalType.INTEGER, "42")).isEqualTo(42);
        assertThat(parse(LogicalType.INTEGER, "-42")).isEqualTo(-42);
        assertThat(parse(LogicalType.INTEGER, "+42")).isEqualTo(42);
        assertThat(parse(LogicalType.INTEGER, "  7 ")).isEqualTo(7);
        assertThat(parse(LogicalType.INTEGER, "\t-0007\t")).isEqualTo(-7);
        assertThat(parse(LogicalType.INTEGER, "0")).isEqualTo(0);
        assertThat(parse(LogicalType.INTEGER, "-0")).isEqualTo(0);
    }

    @ParameterizedTest
    @CsvSource({
            "TINYINT, -128, 127, -129, 128",
            "SMALLINT, -32768, 32767, -32769, 32768",
            "INTEGER, -2147483648, 2147483647, -2147483649, 2147483648",
            "BIGINT, -9223372036854775808, 9223372036854775807, -9223372036854775809, 9223372036854775808",
    })
    void checksTheRangeOfEachWidth(String kind, String minimum, String maximum, String belowMinimum, String aboveMaximum) {
        LogicalType type = new LogicalType(io.basalt.storage.type.TypeKind.valueOf(kind), 0, 0, 0);
        assertThat(parse(type, minimum)).isEqualTo(Long.parseLong(minimum));
        assertThat(parse(type, maximum)).isEqualTo(Long.parseLong(maximum));
        for (String outside : new String[] {belowMinimum, aboveMaximum, "99999999999999999999999"}) {
            assertThatThrownBy(() -> parse(type, outside))
                    .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("22003");
                        assertThat(e.problem()).isEqualTo(kind + " value out of range");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", "1.0", "1e3", "12x", "x12", "1 2", "--1", "0x10", "١٢", "99999999999999999999x"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> parse(LogicalType.BIGINT, text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P02");
                    assertThat(e.problem()).isEqualTo("invalid BIGINT value");
                });
    }
}
