package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FloatingPointParserTest {

    private static double parse(LogicalType type, String text) {
        byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        return new FloatingPointParser(type).parse(bytes, 1, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1", "-1.5", "3.141592653589793", "1e10", "1.5E-7", ".5", "5.", "+2.25",
            "123456789012345678901234567890", "0.1", "0.30000000000000004", "4.9e-324", "1.7976931348623157e308",
            "2.2250738585072014E-308", "9007199254740993", "1e22", "1e23", "8.41e21", " 42 "})
    void matchesParseDoubleForDouble(String text) {
        assertThat(parse(LogicalType.DOUBLE, text)).isEqualTo(Double.parseDouble(text.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-1.5", "3.1415927", "0.1", "16777217", "1e10", "1.4e-45", "3.4028235e38", "7.038531e-26"})
    void matchesParseFloatForReal(String text) {
        assertThat(parse(LogicalType.REAL, text)).isEqualTo((double) Float.parseFloat(text));
    }

    @Test
    void agreesWithTheJdkOnRandomText() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int digits = 1 + random.nextInt(20);
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                text.insert(random.nextInt(text.length() + 1), '.');
            }
            if (random.nextInt(3) == 0) {
                text.append('e').append(random.nextInt(60) - 30);
            }
            String value = text.toString();
            assertThat(parse(LogicalType.DOUBLE, value)).as(value).isEqualTo(Double.parseDouble(value));
            float expected = Float.parseFloat(value);
            boolean nonZero = value.split("e")[0].chars().anyMatch(c -> c >= '1' && c <= '9');
            if (Float.isInfinite(expected) || (expected == 0 && nonZero)) {
                assertThatThrownBy(() -> parse(LogicalType.REAL, value)).as(value).isInstanceOf(ValueFormatException.class);
            } else {
                assertThat(parse(LogicalType.REAL, value)).as(value).isEqualTo((double) expected);
            }
        }
    }

    @Test
    void acceptsInfinityAndNanInAnyCase() {
        assertThat(parse(LogicalType.DOUBLE, "inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse(LogicalType.DOUBLE, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse(LogicalType.DOUBLE, "+INF")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse(LogicalType.REAL, "-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse(LogicalType.DOUBLE, "NaN")).isNaN();
        assertThat(parse(LogicalType.REAL, "nan")).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5e38", "-1e39", "1e-46"})
    void rejectsRealsOutsideTheFloatRange(String text) {
        assertThatThrownBy(() -> parse(LogicalType.REAL, text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22003");
                    assertThat(e.problem()).isEqualTo("REAL value out of range");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e309", "-1e400", "1e-400"})
    void rejectsDoublesOutsideTheDoubleRange(String text) {
        assertThatThrownBy(() -> parse(LogicalType.DOUBLE, text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-", "1.5d", "1.5f", "0x1p3", "1e", "1e+", "infinit", "nanx", "1,5", "1.2.3", "e3", "--1"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> parse(LogicalType.DOUBLE, text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P02");
                    assertThat(e.problem()).isEqualTo("invalid DOUBLE value");
                });
    }
}
