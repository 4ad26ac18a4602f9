package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static org.assertj.core.api.Assertions.assertThat;

class CastTest {

    private static final LogicalType TEXT = LogicalType.TEXT;

    private static java.util.List<Object> cast(LogicalType from, LogicalType to, Object... values) {
        return evaluate(call(Function.CAST, to, column(0, from)), from, values);
    }

    private static void assertCastFails(LogicalType from, LogicalType to, Object value, String sqlState) {
        assertSqlState(() -> cast(from, to, value), sqlState);
    }

    @Test
    void integersBetweenWidths() {
        assertThat(cast(LogicalType.BIGINT, LogicalType.INTEGER, 5L, null, (long) Integer.MIN_VALUE)).containsExactly(5L, null,
                (long) Integer.MIN_VALUE);
        assertCastFails(LogicalType.BIGINT, LogicalType.INTEGER, (long) Integer.MAX_VALUE + 1, ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertCastFails(LogicalType.INTEGER, LogicalType.TINYINT, 128L, ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(cast(LogicalType.SMALLINT, LogicalType.BIGINT, -32768L)).containsExactly(-32768L);
    }

    @Test
    void exactNumbersToDecimalAndBack() {
        LogicalType money = LogicalType.decimal(15, 2);
        assertThat(cast(LogicalType.BIGINT, money, 12L, -3L, null)).containsExactly(decimal("12.00"), decimal("-3.00"), null);
        assertCastFails(LogicalType.BIGINT, LogicalType.decimal(3, 1), 100L, ExecutionException.NUMERIC_OUT_OF_RANGE);
        // Fewer digits round half away from zero, as PostgreSQL's numeric does; to integers as well.
        assertThat(cast(LogicalType.decimal(6, 3), LogicalType.decimal(5, 2), decimal("1.005"), decimal("-1.005"), decimal("1.004")))
                .containsExactly(decimal("1.01"), decimal("-1.01"), decimal("1.00"));
        assertThat(cast(money, LogicalType.INTEGER, decimal("2.50"), decimal("-2.50"), decimal("2.49"))).containsExactly(3L, -3L, 2L);
        assertCastFails(LogicalType.decimal(12, 0), LogicalType.INTEGER, decimal("3000000000"), ExecutionException.NUMERIC_OUT_OF_RANGE);
        LogicalType wide = LogicalType.decimal(38, 10);
        assertThat(cast(money, wide, decimal("1234567890123.45"))).containsExactly(decimal("1234567890123.4500000000"));
        assertThat(cast(wide, money, decimal("1234567890123.4550000000"))).containsExactly(decimal("1234567890123.46"));
        assertCastFails(wide, money, decimal("1234567890123456789.0"), ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(cast(wide, LogicalType.BIGINT, decimal("-9223372036854775808.4999999999"))).containsExactly(Long.MIN_VALUE);
        assertCastFails(wide, LogicalType.BIGINT, decimal("9223372036854775807.5"), ExecutionException.NUMERIC_OUT_OF_RANGE);
    }

    @Test
    void exactToFloatingPointIsCorrectlyRounded() {
        LogicalType money = LogicalType.decimal(15, 2);
        assertThat(cast(money, LogicalType.DOUBLE, decimal("0.10"), decimal("-123.45"), null)).containsExactly(0.1, -123.45, null);
        LogicalType wide = LogicalType.decimal(38, 20);
        assertThat(cast(wide, LogicalType.DOUBLE, decimal("1.23456789012345678901"))).containsExactly(1.2345678901234568);
        assertThat(cast(LogicalType.BIGINT, LogicalType.REAL, 16777217L)).containsExactly((double) 16777216f);
        assertThat(cast(money, LogicalType.REAL, decimal("0.10"))).containsExactly((double) 0.1f);
    }

    @Test
    void floatingPointToExact() {
        assertThat(cast(LogicalType.DOUBLE, LogicalType.INTEGER, 2.5, -2.5, 2.4999999999999996, null)).containsExactly(3L, -3L, 2L, null);
        assertCastFails(LogicalType.DOUBLE, LogicalType.BIGINT, Double.NaN, ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertCastFails(LogicalType.DOUBLE, LogicalType.BIGINT, 9.3e18, ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(cast(LogicalType.DOUBLE, LogicalType.BIGINT, -9.223372036854775808e18)).containsExactly(Long.MIN_VALUE);
        LogicalType money = LogicalType.decimal(15, 2);
        // 2.675 is stored as 2.67499999…, but the user wrote 2.675: it rounds to 2.68.
        assertThat(cast(LogicalType.DOUBLE, money, 2.675, 0.1 + 0.2, -1.005, 12.5)).containsExactly(decimal("2.68"), decimal("0.30"),
                decimal("-1.01"), decimal("12.50"));
        assertCastFails(LogicalType.DOUBLE, money, 1e13, ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertCastFails(LogicalType.DOUBLE, money, Double.POSITIVE_INFINITY, ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertThat(cast(LogicalType.DOUBLE, LogicalType.decimal(38, 0), 1e30)).containsExactly(decimal("1000000000000000000000000000000"));
        assertThat(cast(LogicalType.DOUBLE, LogicalType.REAL, 0.1)).containsExactly((double) 0.1f);
        assertCastFails(LogicalType.DOUBLE, LogicalType.REAL, 1e39, ExecutionException.NUMERIC_OUT_OF_RANGE);
    }

    @Test
    void valuesToText() {
        assertThat(cast(LogicalType.BIGINT, TEXT, 0L, -42L, Long.MIN_VALUE, null)).containsExactly("0", "-42", "-9223372036854775808", null);
        assertThat(cast(LogicalType.decimal(15, 2), TEXT, decimal("-0.05"), decimal("1234.50"), decimal("0.00")))
                .containsExactly("-0.05", "1234.50", "0.00");
        assertThat(cast(LogicalType.decimal(38, 3), TEXT, decimal("-12345678901234567890123.456"), decimal("1.000")))
                .containsExactly("-12345678901234567890123.456", "1.000");
        assertThat(cast(LogicalType.DOUBLE, TEXT, 1.0, 0.1, 1e20, 1.5e-5, 123456789012345.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY))
                .containsExactly("1", "0.1", "1e+20", "1.5e-05", "123456789012345", "-0", "NaN", "-Infinity");
        assertThat(cast(LogicalType.REAL, TEXT, (double) 0.1f, 1234567.0)).containsExactly("0.1", "1.234567e+06");
        assertThat(cast(LogicalType.BOOLEAN, TEXT, true, false)).containsExactly("true", "false");
        assertThat(cast(LogicalType.DATE, TEXT, "1998-09-02", "0001-01-01")).containsExactly("1998-09-02", "0001-01-01");
        assertThat(cast(LogicalType.TIMESTAMP, TEXT, "2024-02-29 13:05:00.25", "1969-12-31 23:59:59.999999"))
                .containsExactly("2024-02-29 13:05:00.25", "1969-12-31 23:59:59.999999");
        assertThat(cast(LogicalType.TIME, TEXT, "00:00:00", "23:59:59.000001")).containsExactly("00:00:00", "23:59:59.000001");
        assertThat(evaluate(call(Function.CAST, TEXT, column(0, LogicalType.DATE)), LogicalType.DATE, LocalDate.of(0, 1, 1)))
                .containsExactly("0001-01-01 BC");
    }

    @Test
    void toBoundedTextTruncatesCharacters() {
        assertThat(cast(TEXT, LogicalType.varchar(3), "abcdef", "ab", "日本語です", "", null)).containsExactly("abc", "ab", "日本語", "", null);
        assertThat(cast(LogicalType.BIGINT, LogicalType.varchar(2), 12345L)).containsExactly("12");
        assertThat(cast(TEXT, LogicalType.character(2), "x")).containsExactly("x");
        // Trailing blanks do not count in CHAR values: they go, also those left after truncation.
        assertThat(cast(TEXT, LogicalType.character(3), "x  ", "ab c", " y", null)).containsExactly("x", "ab", " y", null);
    }

    @Test
    void textToNumbers() {
        assertThat(cast(TEXT, LogicalType.BIGINT, " 42 ", "-9223372036854775808", "+7", null)).containsExactly(42L, Long.MIN_VALUE, 7L, null);
        assertCastFails(TEXT, LogicalType.BIGINT, "9223372036854775808", ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertCastFails(TEXT, LogicalType.INTEGER, "12x", ExecutionException.INVALID_TEXT_REPRESENTATION);
        assertCastFails(TEXT, LogicalType.INTEGER, "", ExecutionException.INVALID_TEXT_REPRESENTATION);
        assertCastFails(TEXT, LogicalType.SMALLINT, "40000", ExecutionException.NUMERIC_OUT_OF_RANGE);
        LogicalType money = LogicalType.decimal(15, 2);
        assertThat(cast(TEXT, money, "1.005", "-1.005", "1e3", ".5", "  7 ")).containsExactly(decimal("1.01"), decimal("-1.01"),
                decimal("1000.00"), decimal("0.50"), decimal("7.00"));
        assertCastFails(TEXT, money, "1e14", ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertCastFails(TEXT, money, "1.2.3", ExecutionException.INVALID_TEXT_REPRESENTATION);
        assertThat(cast(TEXT, LogicalType.decimal(38, 2), "123456789012345678901234567890.125"))
                .containsExactly(decimal("123456789012345678901234567890.13"));
        assertThat(cast(TEXT, LogicalType.DOUBLE, "1.5", "-Infinity", "nan", "1e-3")).containsExactly(1.5, Double.NEGATIVE_INFINITY,
                Double.NaN, 0.001);
        assertCastFails(TEXT, LogicalType.DOUBLE, "1e400", ExecutionException.NUMERIC_OUT_OF_RANGE);
        assertCastFails(TEXT, LogicalType.DOUBLE, "0x10", ExecutionException.INVALID_TEXT_REPRESENTATION);
        assertThat(cast(TEXT, LogicalType.REAL, "0.1")).containsExactly((double) 0.1f);
    }

    @Test
    void textToDatesAndTimes() {
        assertThat(cast(TEXT, LogicalType.DATE, "1998-09-02", " 2024-2-29 ", "2024-02-29 10:00:00")).containsExactly(
                LocalDate.of(1998, 9, 2), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29));
        assertCastFails(TEXT, LogicalType.DATE, "2023-02-29", ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        assertCastFails(TEXT, LogicalType.DATE, "yesterday", ExecutionException.INVALID_DATETIME_FORMAT);
        assertCastFails(TEXT, LogicalType.DATE, "0000-01-01", ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        assertThat(cast(TEXT, LogicalType.TIMESTAMP, "2024-02-29T13:05:00.1234567", "2024-02-29")).containsExactly(
                LocalDateTime.of(2024, 2, 29, 13, 5, 0, 123457000), LocalDateTime.of(2024, 2, 29, 0, 0));
        assertCastFails(TEXT, LogicalType.TIMESTAMP, "2024-02-29 25:00", ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        assertThat(cast(TEXT, LogicalType.TIME, "7:05", "23:59:59.5")).containsExactly(LocalTime.of(7, 5), LocalTime.of(23, 59, 59, 500_000_000));
        assertCastFails(TEXT, LogicalType.TIME, "12:60", ExpressionErrors.DATETIME_FIELD_OVERFLOW);
    }

    @Test
    void textToBoolean() {
        assertThat(cast(TEXT, LogicalType.BOOLEAN, "true", " FALSE ", "t", "no", "on", "off", "1", "0", "y", null))
                .containsExactly(true, false, true, false, true, false, true, false, true, null);
        assertCastFails(TEXT, LogicalType.BOOLEAN, "maybe", ExecutionException.INVALID_TEXT_REPRESENTATION);
        assertCastFails(TEXT, LogicalType.BOOLEAN, "o", ExecutionException.INVALID_TEXT_REPRESENTATION);
    }

    @Test
    void datesAndTimestamps() {
        assertThat(cast(LogicalType.DATE, LogicalType.TIMESTAMP, "1969-12-31", null)).containsExactly(LocalDateTime.of(1969, 12, 31, 0, 0), null);
        assertThat(cast(LogicalType.TIMESTAMP, LogicalType.DATE, "1969-12-31 23:59:59.999999", "1970-01-01 00:00:00"))
                .containsExactly(LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1));
        assertThat(cast(LogicalType.TIMESTAMP, LogicalType.TIME, "1969-12-31 23:59:59.5")).containsExactly(LocalTime.of(23, 59, 59, 500_000_000));
    }

    @Test
    void unlistedConversionsAreRefused() {
        assertSqlState(() -> ExpressionCompiler.compile(call(Function.CAST, LogicalType.DATE, column(0, LogicalType.BIGINT))),
                ExecutionException.FEATURE_NOT_SUPPORTED);
        assertSqlState(() -> ExpressionCompiler.compile(call(Function.CAST, LogicalType.BOOLEAN, column(0, LogicalType.DATE))),
                ExecutionException.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void constantCastsAreFoldedAndBadOnesFailOnlyWhenEvaluatedOnRows() {
        Expression good = call(Function.CAST, LogicalType.DATE, literal("1998-12-01", TEXT));
        assertThat(ExpressionCompiler.compileOperand(good).isConstant()).isTrue();
        Expression bad = call(Function.CAST, LogicalType.DATE, literal("not a date", TEXT));
        assertThat(evaluate(bad, LogicalType.BIGINT)).isEmpty();
        assertSqlState(() -> evaluate(bad, LogicalType.BIGINT, 1L), ExecutionException.INVALID_DATETIME_FORMAT);
        assertThat(evaluate(call(Function.CAST, LogicalType.BIGINT, literal(null, TEXT)), LogicalType.BIGINT, 1L)).containsExactly((Object) null);
    }

    @Test
    void randomTextRoundTripsOfDecimals() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 2000; round++) {
            int precision = 1 + random.nextInt(38);
            int scale = random.nextInt(precision + 1);
            LogicalType type = LogicalType.decimal(precision, scale);
            BigDecimal value = new BigDecimal(new java.math.BigInteger(precision * 3, random).mod(java.math.BigInteger.TEN.pow(precision))
                    .multiply(java.math.BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), scale);
            assertThat(cast(type, TEXT, value)).containsExactly(value.toPlainString());
            assertThat(cast(TEXT, type, value.toPlainString())).containsExactly(value);
        }
    }
}
