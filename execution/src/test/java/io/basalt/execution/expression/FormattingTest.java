package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

/** to_char of dates, timestamps and numbers, and to_date; expected texts are PostgreSQL 15's. */
class FormattingTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType DATE = LogicalType.DATE;
    private static final LogicalType TIMESTAMP = LogicalType.TIMESTAMP;

    private static Object toChar(LogicalType type, Object value, String template) {
        return evaluate(call(Function.TO_CHAR, TEXT, column(0, type), literal(template, TEXT)), type, value).get(0);
    }

    @Test
    void datePatternsPadUnlessFillMode() {
        assertThat(toChar(TIMESTAMP, "2024-02-05 14:03:04.5", "FMDD Mon YYYY HH12:MI:SS.MS AM Dy Q WW"))
                .isEqualTo("5 Feb 2024 02:03:04.500 PM Mon 1 06");
        assertThat(toChar(DATE, "2024-02-05", "Month|Day|MONTH|day")).isEqualTo("February |Monday   |FEBRUARY |monday   ");
        assertThat(toChar(DATE, "2024-03-22", "FMDDth \"of\" FMMonth, DDTH")).isEqualTo("22nd of March, 22ND");
        assertThat(toChar(DATE, "2024-03-11", "DDth")).isEqualTo("11th");
        assertThat(toChar(TIMESTAMP, "2024-01-01 00:00:00", "HH12 a.m. HH24 SSSS")).isEqualTo("12 a.m. 00 0");
        assertThat(toChar(DATE, "0044-03-15", "YYYY BC")).isEqualTo("0044 AD");
        assertThat(toChar(DATE, LocalDate.of(-43, 3, 15), "YYYY B.C.")).isEqualTo("0044 B.C.");
        assertThat(toChar(DATE, "2024-01-01", "\\\"YYYY\\\"")).isEqualTo("\"2024\"");
    }

    @Test
    void unsupportedDatePatternsFailLoudly() {
        assertSqlState(() -> toChar(TIMESTAMP, "2024-01-01 00:00:00", "HH24 TZ"), ExecutionException.FEATURE_NOT_SUPPORTED);
        assertSqlState(() -> toChar(DATE, "2024-01-01", "RM"), ExecutionException.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void templatesPerRow() {
        var input = batch(vector(DATE, "2024-02-05", "2024-02-05", null), vector(TEXT, "YYYY", "MM/DD", "YYYY"));
        assertThat(evaluate(call(Function.TO_CHAR, TEXT, column(0, DATE), column(1, TEXT)), input)).containsExactly("2024", "02/05", null);
    }

    private static String number(String value, String template) {
        return NumberFormatting.format(new BigDecimal(value), NumberFormatting.parse(template), false);
    }

    @Test
    void numberPatterns() {
        assertThat(number("5", "999")).isEqualTo("   5");
        assertThat(number("-5", "999")).isEqualTo("  -5");
        assertThat(number("0", "999")).isEqualTo("   0");
        assertThat(number("0.5", "999.99")).isEqualTo("    .50");
        assertThat(number("0.5", "0.99")).isEqualTo(" 0.50");
        assertThat(number("5", "9099")).isEqualTo("  005");
        assertThat(number("12345", "999")).isEqualTo(" ###");
        assertThat(number("-12345", "999")).isEqualTo("-###");
        assertThat(number("-1234.5", "9,999.99")).isEqualTo("-1,234.50");
        assertThat(number("12", "9,999")).isEqualTo("    12");
        assertThat(number("5", "FM999.99")).isEqualTo("5.");
        assertThat(number("1234.5", "FM9,999.00")).isEqualTo("1,234.50");
        assertThat(number("-0.5", "FM990.9")).isEqualTo("-0.5");
        assertThat(number("0.999", "9.99")).isEqualTo(" 1.00");
        assertThat(number("7", "999 km")).isEqualTo("   7 km");
        // Doubles round half to even on their binary value, as printf.
        assertThat(NumberFormatting.format(new BigDecimal(2.5), NumberFormatting.parse("9"), true)).isEqualTo(" 2");
    }

    @Test
    void unsupportedNumberPatternsFailLoudly() {
        assertSqlState(() -> NumberFormatting.parse("S999"), ExecutionException.FEATURE_NOT_SUPPORTED);
        assertSqlState(() -> NumberFormatting.parse("9.99EEEE"), ExecutionException.FEATURE_NOT_SUPPORTED);
        assertSqlState(() -> NumberFormatting.parse("$999"), ExecutionException.FEATURE_NOT_SUPPORTED);
        assertSqlState(() -> NumberFormatting.parse("9x9"), ExecutionException.FEATURE_NOT_SUPPORTED);
        assertSqlState(() -> NumberFormatting.parse("999 units"), ExecutionException.FEATURE_NOT_SUPPORTED); // S is the sign pattern
    }

    @Test
    void toCharOfColumnsOfEachNumericType() {
        assertThat(evaluate(call(Function.TO_CHAR, TEXT, column(0, LogicalType.decimal(6, 2)), literal("FM999.0", TEXT)),
                LogicalType.decimal(6, 2), new BigDecimal("12.35"), null)).containsExactly("12.4", null);
        assertThat(evaluate(call(Function.TO_CHAR, TEXT, column(0, LogicalType.BIGINT), literal("FM9,999", TEXT)), LogicalType.BIGINT, 1234L))
                .containsExactly("1,234");
        assertThat(evaluate(call(Function.TO_CHAR, TEXT, column(0, LogicalType.DOUBLE), literal("9.999", TEXT)), LogicalType.DOUBLE, 3.14159))
                .containsExactly(" 3.142");
    }

    private static Object toDate(String text, String template) {
        return evaluate(call(Function.TO_DATE, DATE, column(0, TEXT), literal(template, TEXT)), TEXT, text).get(0);
    }

    @Test
    void toDateReadsTheTemplateFields() {
        assertThat(toDate("2024-02-29", "YYYY-MM-DD")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(toDate(" 5 march 2024", "DD Month YYYY")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(toDate("20240305", "YYYYMMDD")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(toDate("99/12/31", "YY/MM/DD")).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(toDate("2024 366", "YYYY DDD")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(toDate("2451545", "J")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertSqlState(() -> toDate("2023-02-29", "YYYY-MM-DD"), ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        assertSqlState(() -> toDate("2024-xx-01", "YYYY-MM-DD"), ExecutionException.INVALID_DATETIME_FORMAT);
        assertSqlState(() -> toDate("Foo 2024", "Mon YYYY"), ExecutionException.INVALID_DATETIME_FORMAT);
        assertSqlState(() -> toDate("2024-01", "YYYY-WW"), ExecutionException.FEATURE_NOT_SUPPORTED);
    }
}
