package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

/** date_part, date_trunc, date - date, make_date and make_timestamp. */
class CalendarFunctionsTest {

    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType DATE = LogicalType.DATE;
    private static final LogicalType TIMESTAMP = LogicalType.TIMESTAMP;
    private static final LogicalType DOUBLE = LogicalType.DOUBLE;
    private static final LogicalType BIGINT = LogicalType.BIGINT;

    private static Object part(String unit, LogicalType type, Object value) {
        return evaluate(call(Function.DATE_PART, DOUBLE, literal(unit, TEXT), column(0, type)), type, value).get(0);
    }

    @Test
    void isoWeeksAndYearsAgreeWithJavaTimeOverManyYears() {
        for (LocalDate day = LocalDate.of(1899, 12, 1); day.isBefore(LocalDate.of(2101, 2, 1)); day = day.plusDays(3)) {
            long epochDay = day.toEpochDay();
            assertThat(DateField.isoWeek(epochDay)).as(day.toString()).isEqualTo(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            assertThat(DateField.isoYear(epochDay)).as(day.toString()).isEqualTo(day.get(IsoFields.WEEK_BASED_YEAR));
        }
    }

    @Test
    void datePartOfTimestampsDatesAndTimes() {
        assertThat(part("epoch", TIMESTAMP, "1969-12-31 23:59:59.5")).isEqualTo(-0.5);
        assertThat(part("Milliseconds", TIMESTAMP, "2024-01-01 00:00:10.5")).isEqualTo(10500.0);
        assertThat(part("us", TIMESTAMP, "2024-01-01 00:01:02.000003")).isEqualTo(2000003.0);
        assertThat(part("isodow", DATE, "2024-01-07")).isEqualTo(7.0);
        assertThat(part("julian", DATE, "2000-01-01")).isEqualTo(2451545.0);
        assertThat(part("century", DATE, "2000-12-31")).isEqualTo(20.0);
        assertThat(part("century", DATE, "2001-01-01")).isEqualTo(21.0);
        assertThat(part("hour", LogicalType.TIME, "13:45:10")).isEqualTo(13.0);
        assertSqlState(() -> part("month", LogicalType.TIME, "13:45:10"), io.basalt.execution.ExecutionException.FEATURE_NOT_SUPPORTED);
        assertSqlState(() -> part("fortnight", DATE, "2024-01-01"), ExpressionErrors.INVALID_PARAMETER_VALUE);
    }

    @Test
    void datePartWithUnitsPerRow() {
        var input = batch(vector(TEXT, "year", "doy", null, "dow"), vector(DATE, "2024-03-01", "2024-03-01", "2024-03-01", null));
        assertThat(evaluate(call(Function.DATE_PART, DOUBLE, column(0, TEXT), column(1, DATE)), input))
                .containsExactly(2024.0, 61.0, null, null);
    }

    @Test
    void dateTruncToEveryUnit() {
        String value = "2024-05-15 13:45:10.123456";
        String[][] expected = {{"microseconds", "2024-05-15T13:45:10.123456"}, {"milliseconds", "2024-05-15T13:45:10.123"},
            {"second", "2024-05-15T13:45:10"}, {"minute", "2024-05-15T13:45"}, {"hour", "2024-05-15T13:00"},
            {"day", "2024-05-15T00:00"}, {"week", "2024-05-13T00:00"}, {"month", "2024-05-01T00:00"},
            {"quarter", "2024-04-01T00:00"}, {"year", "2024-01-01T00:00"}, {"decade", "2020-01-01T00:00"},
            {"century", "2001-01-01T00:00"}, {"millennium", "2001-01-01T00:00"}};
        for (String[] unitAndResult : expected) {
            assertThat(evaluate(call(Function.DATE_TRUNC, TIMESTAMP, literal(unitAndResult[0], TEXT), column(0, TIMESTAMP)), TIMESTAMP, value))
                    .as(unitAndResult[0]).containsExactly(LocalDateTime.parse(unitAndResult[1]));
        }
        // Before the epoch truncation rounds down, not towards zero.
        assertThat(evaluate(call(Function.DATE_TRUNC, TIMESTAMP, literal("second", TEXT), column(0, TIMESTAMP)), TIMESTAMP,
                "1969-12-31 23:59:59.5")).containsExactly(LocalDateTime.parse("1969-12-31T23:59:59"));
        assertThat(evaluate(call(Function.DATE_TRUNC, TIMESTAMP, literal("month", TEXT), column(0, DATE)), DATE, "2024-02-29", null))
                .containsExactly(LocalDateTime.parse("2024-02-01T00:00"), null);
        assertSqlState(() -> evaluate(call(Function.DATE_TRUNC, TIMESTAMP, literal("dow", TEXT), column(0, DATE)), DATE, "2024-02-29"),
                ExpressionErrors.INVALID_PARAMETER_VALUE);
    }

    @Test
    void daysBetweenDates() {
        var input = batch(vector(DATE, "2024-03-01", "2023-03-01", null), vector(DATE, "2024-02-01", "2024-03-01", "2024-01-01"));
        assertThat(evaluate(call(Function.DAYS_BETWEEN, LogicalType.INTEGER, column(0, DATE), column(1, DATE)), input))
                .containsExactly(29L, -366L, null);
    }

    @Test
    void makeDateAndTimestampValidateTheirFields() {
        assertThat(CalendarFunctions.makeDate(-1, 1, 1)).isEqualTo(LocalDate.of(0, 1, 1).toEpochDay());
        assertSqlState(() -> CalendarFunctions.makeDate(0, 1, 1), ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        assertSqlState(() -> CalendarFunctions.makeDate(2023, 2, 29), ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        var input = batch(vector(BIGINT, 2024L), vector(BIGINT, 2L), vector(BIGINT, 29L), vector(BIGINT, 23L), vector(BIGINT, 59L),
                vector(DOUBLE, 60.0));
        Expression timestamp = call(Function.MAKE_TIMESTAMP, TIMESTAMP, column(0, BIGINT), column(1, BIGINT), column(2, BIGINT),
                column(3, BIGINT), column(4, BIGINT), column(5, DOUBLE));
        assertThat(evaluate(timestamp, input)).containsExactly(LocalDateTime.parse("2024-03-01T00:00"));
        var invalid = batch(vector(BIGINT, 2024L), vector(BIGINT, 2L), vector(BIGINT, 29L), vector(BIGINT, 12L), vector(BIGINT, 60L),
                vector(DOUBLE, 0.0));
        assertSqlState(() -> evaluate(timestamp, invalid), ExpressionErrors.DATETIME_FIELD_OVERFLOW);
    }
}
