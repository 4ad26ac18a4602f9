package io.basalt.execution.expression;

import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import static io.basalt.execution.expression.ExpressionAssertions.assertSqlState;
import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

class DateTimeFunctionsTest {

    private static final LogicalType DATE = LogicalType.DATE;
    private static final LogicalType TIMESTAMP = LogicalType.TIMESTAMP;
    private static final LogicalType BIGINT = LogicalType.BIGINT;

    @Test
    void civilCalendarAgreesWithJavaTimeOverTheWholeRange() {
        for (long day = LocalDate.of(-3000, 1, 1).toEpochDay(); day <= LocalDate.of(12000, 1, 1).toEpochDay(); day += 1) {
            LocalDate date = LocalDate.ofEpochDay(day);
            long civil = CivilCalendar.civil(day);
            if (CivilCalendar.year(civil) != date.getYear() || CivilCalendar.month(civil) != date.getMonthValue()
                    || CivilCalendar.day(civil) != date.getDayOfMonth()
                    || CivilCalendar.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) != day) {
                throw new AssertionError("calendar disagrees at " + date);
            }
            if (CivilCalendar.dayOfWeek(day) != date.getDayOfWeek().getValue() % 7 || CivilCalendar.dayOfYear(day) != date.getDayOfYear()) {
                throw new AssertionError("weekday or day of year disagrees at " + date);
            }
        }
    }

    private static List<Object> extract(Function field, LogicalType type, Object... values) {
        return evaluate(call(field, BIGINT, column(0, type)), type, values);
    }

    @Test
    void extractFromDates() {
        Object[] dates = {"1998-09-02", "2024-02-29", "1969-12-31", "0001-01-01", null};
        List<Object> years = new ArrayList<>();
        List<Object> quarters = new ArrayList<>();
        List<Object> months = new ArrayList<>();
        List<Object> days = new ArrayList<>();
        List<Object> weekdays = new ArrayList<>();
        List<Object> daysOfYear = new ArrayList<>();
        for (Object text : dates) {
            LocalDate date = text == null ? null : LocalDate.parse((String) text);
            years.add(date == null ? null : (long) date.getYear());
            quarters.add(date == null ? null : (long) date.get(IsoFields.QUARTER_OF_YEAR));
            months.add(date == null ? null : (long) date.getMonthValue());
            days.add(date == null ? null : (long) date.getDayOfMonth());
            weekdays.add(date == null ? null : (long) (date.getDayOfWeek().getValue() % 7));
            daysOfYear.add(date == null ? null : (long) date.getDayOfYear());
        }
        assertThat(extract(Function.EXTRACT_YEAR, DATE, dates)).containsExactlyElementsOf(years);
        assertThat(extract(Function.EXTRACT_QUARTER, DATE, dates)).containsExactlyElementsOf(quarters);
        assertThat(extract(Function.EXTRACT_MONTH, DATE, dates)).containsExactlyElementsOf(months);
        assertThat(extract(Function.EXTRACT_DAY, DATE, dates)).containsExactlyElementsOf(days);
        assertThat(extract(Function.EXTRACT_DAY_OF_WEEK, DATE, dates)).containsExactlyElementsOf(weekdays);
        assertThat(extract(Function.EXTRACT_DAY_OF_YEAR, DATE, dates)).containsExactlyElementsOf(daysOfYear);
        assertThat(extract(Function.EXTRACT_HOUR, DATE, "1998-09-02")).containsExactly(0L);
    }

    @Test
    void extractFromTimestampsAndTimes() {
        Object[] stamps = {"1969-12-31 23:59:58.75", "2024-02-29 13:05:07"};
        assertThat(extract(Function.EXTRACT_YEAR, TIMESTAMP, stamps)).containsExactly(1969L, 2024L);
        assertThat(extract(Function.EXTRACT_DAY, TIMESTAMP, stamps)).containsExactly(31L, 29L);
        assertThat(extract(Function.EXTRACT_HOUR, TIMESTAMP, stamps)).containsExactly(23L, 13L);
        assertThat(extract(Function.EXTRACT_MINUTE, TIMESTAMP, stamps)).containsExactly(59L, 5L);
        assertThat(extract(Function.EXTRACT_SECOND, TIMESTAMP, stamps)).containsExactly(58L, 7L);
        LogicalType seconds = LogicalType.decimal(8, 6);
        assertThat(evaluate(call(Function.EXTRACT_SECOND, seconds, column(0, TIMESTAMP)), TIMESTAMP, stamps))
                .containsExactly(new BigDecimal("58.750000"), new BigDecimal("7.000000"));
        LogicalType time = LogicalType.TIME;
        assertThat(extract(Function.EXTRACT_HOUR, time, "07:08:09", null)).containsExactly(7L, null);
        assertThat(extract(Function.EXTRACT_MINUTE, time, "07:08:09")).containsExactly(8L);
        assertSqlState(() -> ExpressionCompiler.compile(call(Function.EXTRACT_YEAR, BIGINT, column(0, time))),
                io.basalt.execution.ExecutionException.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void addDays() {
        var input = batch(vector(DATE, "1998-12-01", "2024-02-28", null), vector(BIGINT, -90L, 1L, 1L));
        assertThat(evaluate(call(Function.ADD_DAYS, DATE, column(0, DATE), column(1, BIGINT)), input))
                .containsExactly(LocalDate.of(1998, 9, 2), LocalDate.of(2024, 2, 29), null);
        assertThat(evaluate(call(Function.ADD_DAYS, TIMESTAMP, column(0, TIMESTAMP), literal(-1L, BIGINT)), TIMESTAMP, "2024-03-01 10:00:00"))
                .containsExactly(LocalDateTime.of(2024, 2, 29, 10, 0));
        assertSqlState(() -> evaluate(call(Function.ADD_DAYS, DATE, column(0, DATE), literal(Long.MAX_VALUE, BIGINT)), DATE, "2000-01-01"),
                ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        assertSqlState(() -> evaluate(call(Function.ADD_DAYS, TIMESTAMP, column(0, TIMESTAMP), literal(200_000_000L, BIGINT)), TIMESTAMP,
                "2000-01-01 00:00:00"), ExpressionErrors.DATETIME_FIELD_OVERFLOW);
        // A constant date plus a constant interval is folded into one date for the filter kernel.
        Expression folded = call(Function.ADD_DAYS, DATE, literal("1998-12-01", DATE), literal(-90L, BIGINT));
        assertThat(ExpressionCompiler.compileOperand(folded).constant().value()).isEqualTo(LocalDate.of(1998, 9, 2).toEpochDay());
    }

    @Test
    void addMonthsClampsToTheLastDay() {
        Object[] dates = {"2024-01-31", "2023-01-31", "2024-03-31", "2024-02-29", "1999-12-15", null};
        assertThat(evaluate(call(Function.ADD_MONTHS, DATE, column(0, DATE), literal(1L, BIGINT)), DATE, dates)).containsExactly(
                LocalDate.of(2024, 2, 29), LocalDate.of(2023, 2, 28), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 3, 29),
                LocalDate.of(2000, 1, 15), null);
        assertThat(evaluate(call(Function.ADD_MONTHS, DATE, column(0, DATE), literal(-13L, BIGINT)), DATE, "2024-03-31"))
                .containsExactly(LocalDate.of(2023, 2, 28));
        assertThat(evaluate(call(Function.ADD_MONTHS, TIMESTAMP, column(0, TIMESTAMP), literal(12L, BIGINT)), TIMESTAMP, "2024-02-29 23:59:59"))
                .containsExactly(LocalDateTime.of(2025, 2, 28, 23, 59, 59));
        // Agrees with java.time's plusMonths, which clamps the same way.
        for (long day = LocalDate.of(1999, 1, 1).toEpochDay(); day < LocalDate.of(2001, 1, 1).toEpochDay(); day += 7) {
            for (long months : new long[] {-25, -1, 1, 11, 100}) {
                LocalDate date = LocalDate.ofEpochDay(day);
                assertThat(evaluate(call(Function.ADD_MONTHS, DATE, column(0, DATE), literal(months, BIGINT)), DATE, date))
                        .containsExactly(date.plusMonths(months));
            }
        }
        assertSqlState(() -> evaluate(call(Function.ADD_MONTHS, DATE, column(0, DATE), literal(Long.MIN_VALUE, BIGINT)), DATE, "2000-01-01"),
                ExpressionErrors.DATETIME_FIELD_OVERFLOW);
    }

    @Test
    void addMicroseconds() {
        assertThat(evaluate(call(Function.ADD_MICROSECONDS, TIMESTAMP, column(0, TIMESTAMP), literal(1_500_000L, BIGINT)), TIMESTAMP,
                "1969-12-31 23:59:59", null)).containsExactly(LocalDateTime.of(1970, 1, 1, 0, 0, 0, 500_000_000), null);
        LogicalType time = LogicalType.TIME;
        assertThat(evaluate(call(Function.ADD_MICROSECONDS, time, column(0, time), literal(3_600_000_000L * 2, BIGINT)), time, "23:00:00"))
                .containsExactly(LocalTime.of(1, 0));
        assertThat(evaluate(call(Function.ADD_MICROSECONDS, time, column(0, time), literal(-1L, BIGINT)), time, "00:00:00"))
                .containsExactly(LocalTime.of(23, 59, 59, 999_999_000));
        assertSqlState(() -> evaluate(call(Function.ADD_MICROSECONDS, TIMESTAMP, column(0, TIMESTAMP), literal(Long.MAX_VALUE, BIGINT)),
                TIMESTAMP, "2000-01-01 00:00:00"), ExpressionErrors.DATETIME_FIELD_OVERFLOW);
    }
}
