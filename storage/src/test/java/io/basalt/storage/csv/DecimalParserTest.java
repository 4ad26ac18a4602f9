package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalParserTest {

    private static BigDecimal parse(int precision, int scale, String text) {
        byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        DecimalParser parser = new DecimalParser(LogicalType.decimal(precision, scale));
        if (precision <= 18) {
            return BigDecimal.valueOf(parser.parseLong(bytes, 1, bytes.length - 1), scale);
        }
        parser.parseInt128(bytes, 1, bytes.length - 1);
        BigInteger unscaled = BigInteger.valueOf(parser.high()).shiftLeft(64)
                .add(new BigInteger(Long.toUnsignedString(parser.low())));
        return new BigDecimal(unscaled, scale);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "15; 2; 12.5; 12.50",
            "15; 2; -12.5; -12.50",
            "15; 2; +0.07; 0.07",
            "15; 2; .5; 0.50",
            "15; 2; 5.; 5.00",
            "15; 2; ' 21168.23 '; 21168.23",
            "15; 2; 0000012.30; 12.30",
            "15; 2; -0; 0.00",
            "15; 0; 42; 42",
            "5; 5; 0.12345; 0.12345",
            "18; 0; 999999999999999999; 999999999999999999",
            "18; 18; 0.999999999999999999; 0.999999999999999999",
            "15; 2; 1.5e3; 1500.00",
            "15; 2; 1.5E-1; 0.15",
            "15; 2; -2.5e+2; -250.00",
            "15; 2; 0e99999; 0.00",
            "15; 2; 1e-99999; 0.00",
    })
    void parsesExactly(int precision, int scale, String text, String expected) {
        assertThat(parse(precision, scale, text)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0.125; 0.13",
            "-0.125; -0.13",
            "0.124999999999; 0.12",
            "0.115; 0.12",
            "-0.115; -0.12",
            "2.675; 2.68",
            "0.005; 0.01",
            "-0.005; -0.01",
            "0.0049999; 0.00",
            "1.12500000000000000000000000001; 1.13",
            "1.995e0; 2.00",
            "-1.995E0; -2.00",
            "12345e-5; 0.12",
    })
    void roundsHalfAwayFromZero(String text, String expected) {
        assertThat(parse(10, 2, text)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "5; 2; 1000",
            "5; 2; -1000.00",
            "5; 2; 999.995",
            "3; 3; 1",
            "3; 3; 0.9995",
            "15; 2; 1e13",
            "15; 2; 1e999999999",
            "15; 2; 12345678901234567890",
            "38; 0; 100000000000000000000000000000000000000",
            "20; 2; 1234567890123456789.01",
    })
    void reportsNumericFieldOverflow(int precision, int scale, String text) {
        assertThatThrownBy(() -> parse(precision, scale, text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22003");
                    assertThat(e.problem()).startsWith("numeric field overflow: DECIMAL(" + precision + "," + scale + ")");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "-", "+.", "12x", "1.2.3", "1e", "1e+", "e5", "1,5", "NaN", "Infinity",
            "0x10", "1 000", "12345678901234567890x", "1e5x"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> parse(15, 2, text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P02");
                    assertThat(e.problem()).isEqualTo("invalid DECIMAL(15,2) value");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "38; 0; 99999999999999999999999999999999999999",
            "38; 0; -99999999999999999999999999999999999999",
            "38; 10; 1234567890123456789012345678.0123456789",
            "38; 10; -0.00000000005",
            "20; 2; 123456789012345678.99",
            "20; 2; -123456789012345678.995",
            "19; 0; 42",
            "19; 0; -42",
            "30; 4; 1.23456e20",
    })
    void parsesWideDecimalsInto128Bits(int precision, int scale, String text) {
        BigDecimal expected = new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP);
        assertThat(parse(precision, scale, text)).isEqualTo(expected);
    }

    @Test
    void agreesWithBigDecimalOnRandomValues() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int precision = 1 + random.nextInt(38);
            int scale = random.nextInt(precision + 1);
            int integerDigits = random.nextInt(precision - scale + 1);
            int fractionDigits = random.nextInt(scale + 3);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            for (int d = 0; d < integerDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (fractionDigits > 0 || integerDigits == 0) {
                text.append('.');
                for (int d = 0; d < Math.max(1, fractionDigits); d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            BigDecimal expected = new BigDecimal(text.toString()).setScale(scale, RoundingMode.HALF_UP);
            if (expected.precision() - expected.scale() > precision - scale && expected.signum() != 0) {
                assertThatThrownBy(() -> parse(precision, scale, text.toString())).isInstanceOf(ValueFormatException.class);
            } else {
                assertThat(parse(precision, scale, text.toString())).as(text + " as DECIMAL(%d,%d)", precision, scale)
                        .isEqualByComparingTo(expected);
            }
        }
    }
}
