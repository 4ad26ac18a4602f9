package io.basalt.storage.csv;

import io.basalt.storage.StorageException;
import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimeParserTest {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private static long parse(LogicalType type, CsvOptions options, String text) {
        byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        return new DateTimeParser(type, options).parse(bytes, 1, bytes.length - 1);
    }

    private static long date(String text) {
        return parse(LogicalType.DATE, CsvOptions.DEFAULT, text);
    }

    private static long time(String text) {
        return parse(LogicalType.TIME, CsvOptions.DEFAULT, text);
    }

    private static long timestamp(String text) {
        return parse(LogicalType.TIMESTAMP, CsvOptions.DEFAULT, text);
    }

    private static long micros(LocalDateTime value) {
        return ChronoUnit.MICROS.between(EPOCH, value);
    }

    @Test
    void epochDaysAgreeWithJavaTimeForEveryDayOfFourCenturies() {
        for (LocalDate day = LocalDate.of(1799, 12, 25); day.getYear() < 2401; day = day.plusDays(1)) {
            assertThat(CivilCalendar.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                    .as(day.toString()).isEqualTo(day.toEpochDay());
        }
        assertThat(CivilCalendar.epochDay(1, 1, 1)).isEqualTo(LocalDate.of(1, 1, 1).toEpochDay());
        assertThat(CivilCalendar.epochDay(9999, 12, 31)).isEqualTo(LocalDate.of(9999, 12, 31).toEpochDay());
    }

    @Test
    void parsesIsoDates() {
        assertThat(date("1970-01-01")).isZero();
        assertThat(date("1996-03-13")).isEqualTo(LocalDate.of(1996, 3, 13).toEpochDay());
        assertThat(date("1969-12-31")).isEqualTo(-1);
        assertThat(date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(date("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
        assertThat(date("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1).toEpochDay());
        assertThat(date("2024-1-5")).isEqualTo(LocalDate.of(2024, 1, 5).toEpochDay());
        assertThat(date(" 2024-01-05 ")).isEqualTo(LocalDate.of(2024, 1, 5).toEpochDay());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10",
            "2024-01-00", "2024-01-32", "0000-01-01"})
    void rejectsDatesThatAreNotInTheCalendar(String text) {
        assertThatThrownBy(() -> date(text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22008");
                    assertThat(e.problem()).isEqualTo("DATE field value out of range");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024", "2024-01", "2024/01/05", "24-01-05", "20240105", "2024-01-05x", "2024-001-05",
            "2024-01-05 10:00:00", "01/05/2024", "2024-01-5-"})
    void rejectsMalformedDates(String text) {
        assertThatThrownBy(() -> date(text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22007");
                    assertThat(e.problem()).isEqualTo("invalid DATE value");
                });
    }

    @Test
    void parsesIsoTimes() {
        assertThat(time("00:00:00")).isZero();
        assertThat(time("13:45:30")).isEqualTo(LocalTime.of(13, 45, 30).toNanoOfDay() / 1000);
        assertThat(time("13:45")).isEqualTo(LocalTime.of(13, 45).toNanoOfDay() / 1000);
        assertThat(time("7:05:09")).isEqualTo(LocalTime.of(7, 5, 9).toNanoOfDay() / 1000);
        assertThat(time("23:59:59.5")).isEqualTo(LocalTime.of(23, 59, 59, 500_000_000).toNanoOfDay() / 1000);
        assertThat(time("23:59:59.123456")).isEqualTo(LocalTime.of(23, 59, 59, 123_456_000).toNanoOfDay() / 1000);
        assertThat(time("10:00:00.1234565")).isEqualTo(LocalTime.of(10, 0, 0, 123_457_000).toNanoOfDay() / 1000);
        assertThat(time("10:00:00.1234564")).isEqualTo(LocalTime.of(10, 0, 0, 123_456_000).toNanoOfDay() / 1000);
        assertThat(time("24:00:00")).isEqualTo(CivilCalendar.MICROS_PER_DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00:01", "25:00:00", "12:60:00", "12:00:60"})
    void rejectsTimesOutOfRange(String text) {
        assertThatThrownBy(() -> time(text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "12:0", "12:00:0", "12:00:00.", "12:00:00.1234567890", "12-00-00", "noon", "123:00"})
    void rejectsMalformedTimes(String text) {
        assertThatThrownBy(() -> time(text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22007");
                    assertThat(e.problem()).isEqualTo("invalid TIME value");
                });
    }

    @Test
    void parsesIsoTimestamps() {
        assertThat(timestamp("1970-01-01 00:00:00")).isZero();
        assertThat(timestamp("2024-03-10 13:45:30.25"))
                .isEqualTo(micros(LocalDateTime.of(2024, 3, 10, 13, 45, 30, 250_000_000)));
        assertThat(timestamp("2024-03-10T13:45:30")).isEqualTo(micros(LocalDateTime.of(2024, 3, 10, 13, 45, 30)));
        assertThat(timestamp("2024-03-10")).isEqualTo(micros(LocalDateTime.of(2024, 3, 10, 0, 0)));
        assertThat(timestamp("1901-12-13 20:45:52.000001")).isEqualTo(micros(LocalDateTime.of(1901, 12, 13, 20, 45, 52, 1000)));
        assertThat(timestamp("2024-03-10 24:00:00")).isEqualTo(micros(LocalDateTime.of(2024, 3, 11, 0, 0)));
        assertThat(timestamp("2024-12-31 23:59:59.9999995")).isEqualTo(micros(LocalDateTime.of(2025, 1, 1, 0, 0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2024-03-10 13:45:30+01; 22007",
            "2024-03-10 13:45:30Z; 22007",
            "2024-03-10  13:45:30; 22007",
            "2024-03-10X13:45:30; 22007",
            "2023-02-29 10:00:00; 22008",
            "2024-03-10 25:00:00; 22008",
    })
    void rejectsBadTimestamps(String text, String sqlState) {
        assertThatThrownBy(() -> timestamp(text))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "%d/%m/%Y; 31/01/2024; 2024-01-31",
            "%m/%d/%Y; 01/31/2024; 2024-01-31",
            "%m/%d/%Y; 1/5/2024; 2024-01-05",
            "%Y%m%d; 20240131; 2024-01-31",
            "%d.%m.%y; 05.01.24; 2024-01-05",
            "%d.%m.%y; 05.01.69; 1969-01-05",
            "%Y-%m-%d; 2024-01-31; 2024-01-31",
            "100%% %Y-%m-%d; 100% 2024-01-31; 2024-01-31",
    })
    void parsesDatesWithAFormat(String format, String text, String expected) {
        CsvOptions options = CsvOptions.builder().dateFormat(format).build();
        assertThat(parse(LogicalType.DATE, options, text)).isEqualTo(LocalDate.parse(expected).toEpochDay());
    }

    @Test
    void aConfiguredDateFormatMustMatch() {
        CsvOptions options = CsvOptions.builder().dateFormat("%d/%m/%Y").build();
        assertThatThrownBy(() -> parse(LogicalType.DATE, options, "2024-01-31"))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22007");
                    assertThat(e.problem()).isEqualTo("invalid DATE value for format \"%d/%m/%Y\"");
                });
        assertThatThrownBy(() -> parse(LogicalType.DATE, options, "29/02/2023"))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"));
        assertThat(parse(LogicalType.DATE, options, " 31/01/2024 ")).isEqualTo(LocalDate.of(2024, 1, 31).toEpochDay());
    }

    @Test
    void parsesTimestampsWithAFormat() {
        CsvOptions options = CsvOptions.builder().timestampFormat("%d/%m/%Y %H:%M:%S.%f").build();
        assertThat(parse(LogicalType.TIMESTAMP, options, "31/01/2024 13:05:09.25"))
                .isEqualTo(micros(LocalDateTime.of(2024, 1, 31, 13, 5, 9, 250_000_000)));
        CsvOptions dateOnly = CsvOptions.builder().timestampFormat("%m/%d/%Y").build();
        assertThat(parse(LogicalType.TIMESTAMP, dateOnly, "01/31/2024")).isEqualTo(micros(LocalDateTime.of(2024, 1, 31, 0, 0)));
        CsvOptions plain = CsvOptions.builder().timestampFormat("%Y-%m-%d %H:%M:%S").build();
        assertThat(parse(LogicalType.TIMESTAMP, plain, "2024-01-31 23:59:59")).isEqualTo(micros(LocalDateTime.of(2024, 1, 31, 23, 59, 59)));
        assertThatThrownBy(() -> parse(LogicalType.TIMESTAMP, plain, "2024-01-31 23:60:00"))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.sqlState()).isEqualTo("22008"));
        assertThatThrownBy(() -> parse(LogicalType.TIMESTAMP, plain, "2024-01-31T23:00:00"))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> assertThat(e.sqlState()).isEqualTo("22007"));
    }

    @Test
    void rejectsUnknownFormatSpecifiersWhenOptionsAreBuilt() {
        assertThatThrownBy(() -> CsvOptions.builder().dateFormat("%Y-%m-%d %Z").build())
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22023");
                    assertThat(e.getMessage()).contains("%Z is not supported");
                });
        assertThatThrownBy(() -> CsvOptions.builder().timestampFormat("%Y-%m-%d %").build())
                .isInstanceOf(StorageException.class).hasMessageContaining("lone %");
    }
}
