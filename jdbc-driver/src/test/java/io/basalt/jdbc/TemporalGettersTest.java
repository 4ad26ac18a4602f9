package io.basalt.jdbc;

import io.basalt.jdbc.testing.ResultSetFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.TimeZone;

import static io.basalt.jdbc.testing.Columns.column;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

class TemporalGettersTest {

    private final ResultSetFixture fixture = new ResultSetFixture();

    TemporalGettersTest() throws SQLException {
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    @Test
    void dateReadsAsSqlDateLocalDateTimestampAndText() throws SQLException {
        ResultSet rs = fixture.onValue(column("d", Types.DATE), LocalDate.of(2024, 2, 29));
        assertThat(rs.getDate(1)).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getObject(1)).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(rs.getTimestamp(1)).isEqualTo(Timestamp.valueOf("2024-02-29 00:00:00"));
        assertThat(rs.getString(1)).isEqualTo("2024-02-29");
    }

    @Test
    void dateHasNoTimeAndNoNumber() throws SQLException {
        ResultSet rs = fixture.onValue(column("d", Types.DATE), LocalDate.of(2024, 2, 29));
        assertSqlState(() -> rs.getTime(1), "22018");
        assertSqlState(() -> rs.getInt(1), "22018").hasMessage("cannot convert 2024-02-29 (column 1 \"d\" DATE) to long");
        assertSqlState(() -> rs.getBoolean(1), "22018");
    }

    @Test
    void dateWithACalendarIsMidnightInTheCalendarsZone() throws SQLException {
        ResultSet rs = fixture.onValue(column("d", Types.DATE), LocalDate.of(2024, 2, 29));
        assertThat(rs.getDate(1, utc()).getTime()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
    }

    @Test
    void datesBeforeTheEpoch() throws SQLException {
        ResultSet rs = fixture.onValue(column("d", Types.DATE), LocalDate.of(1969, 7, 20));
        assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(1969, 7, 20));
        assertThat(rs.getDate(1)).isEqualTo(Date.valueOf("1969-07-20"));
    }

    @Test
    void timeKeepsMicrosecondsThroughJavaTime() throws SQLException {
        ResultSet rs = fixture.onValue(column("t", Types.TIME), LocalTime.of(13, 45, 10, 123_456_000));
        assertThat(rs.getObject(1, LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 10, 123_456_000));
        assertThat(rs.getString(1)).isEqualTo("13:45:10.123456");
        Time time = rs.getTime(1);
        assertThat(time.toString()).isEqualTo("13:45:10");
        assertThat(time.getTime() % 1000).isEqualTo(123); // java.sql.Time keeps milliseconds
        assertThat(rs.getObject(1)).isInstanceOf(Time.class).isEqualTo(time);
        assertSqlState(() -> rs.getDate(1), "22018");
        assertSqlState(() -> rs.getTimestamp(1), "22018");
    }

    @Test
    void timeTextDropsAZeroFraction() throws SQLException {
        assertThat(fixture.onValue(column("t", Types.TIME), LocalTime.of(9, 5)).getString(1)).isEqualTo("09:05:00");
        assertThat(fixture.onValue(column("t", Types.TIME), LocalTime.of(9, 5, 0, 500_000_000)).getString(1))
                .isEqualTo("09:05:00.5");
    }

    @Test
    void timeWithACalendar() throws SQLException {
        ResultSet rs = fixture.onValue(column("t", Types.TIME), LocalTime.of(1, 0));
        assertThat(rs.getTime(1, utc()).getTime()).isEqualTo(3_600_000L);
    }

    @Test
    void timestampReadsInEveryForm() throws SQLException {
        LocalDateTime value = LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_000);
        ResultSet rs = fixture.onValue(column("ts", Types.TIMESTAMP), value);
        assertThat(rs.getTimestamp(1)).isEqualTo(Timestamp.valueOf(value));
        assertThat(rs.getTimestamp(1).getNanos()).isEqualTo(123_456_000);
        assertThat(rs.getObject(1)).isEqualTo(Timestamp.valueOf(value));
        assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(value);
        assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(value.toLocalDate());
        assertThat(rs.getObject(1, LocalTime.class)).isEqualTo(value.toLocalTime());
        assertThat(rs.getDate(1)).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getString(1)).isEqualTo("2024-02-29 13:45:10.123456");
        assertThat(rs.getObject(1, java.util.Date.class)).isEqualTo(Timestamp.valueOf(value));
    }

    @Test
    void timestampWithACalendarIsTheInstantInTheCalendarsZone() throws SQLException {
        ResultSet rs = fixture.onValue(column("ts", Types.TIMESTAMP), LocalDateTime.of(2024, 2, 29, 13, 45, 10, 500_000_000));
        Timestamp timestamp = rs.getTimestamp(1, utc());
        assertThat(timestamp.toInstant()).isEqualTo(Instant.parse("2024-02-29T13:45:10.5Z"));
    }

    @Test
    void timestampsBeforeTheEpochWithAFraction() throws SQLException {
        LocalDateTime value = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000);
        ResultSet rs = fixture.onValue(column("ts", Types.TIMESTAMP), value);
        assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(value);
        assertThat(rs.getString(1)).isEqualTo("1969-12-31 23:59:59.5");
    }

    @Test
    void timestampHasNoTimeZoneSoNoOffsetDateTime() throws SQLException {
        ResultSet rs = fixture.onValue(column("ts", Types.TIMESTAMP), LocalDateTime.of(2024, 1, 1, 0, 0));
        assertSqlState(() -> rs.getObject(1, OffsetDateTime.class), "22018")
                .hasMessageContaining("java.time.OffsetDateTime");
        assertSqlState(() -> rs.getDouble(1), "22018");
    }
}
