package io.basalt.jdbc.value;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * Bridges between Basalt's zone-less date-time values and the {@code java.sql} classes, which are instants.
 * As JDBC specifies, a value is placed in the JVM's default time zone, or in the zone of the
 * {@link Calendar} the application passes. {@code java.sql.Time} holds milliseconds, so a TIME read through
 * it loses its microseconds; {@code getObject(i, LocalTime.class)} keeps them.
 */
public final class LegacyDateTimes {

    private static final LocalDate TIME_EPOCH_DAY = LocalDate.of(1970, 1, 1);

    private LegacyDateTimes() {
    }

    public static Date toSqlDate(LocalDate date, Calendar calendar) {
        if (calendar == null) {
            return Date.valueOf(date);
        }
        return new Date(date.atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
    }

    public static Time toSqlTime(LocalTime time, Calendar calendar) {
        return new Time(TIME_EPOCH_DAY.atTime(time).atZone(zone(calendar)).toInstant().toEpochMilli());
    }

    public static Timestamp toSqlTimestamp(LocalDateTime timestamp, Calendar calendar) {
        if (calendar == null) {
            return Timestamp.valueOf(timestamp);
        }
        return Timestamp.from(timestamp.atZone(zone(calendar)).toInstant());
    }

    public static LocalDate toLocalDate(Date date, Calendar calendar) {
        if (calendar == null) {
            return date.toLocalDate();
        }
        return Instant.ofEpochMilli(date.getTime()).atZone(zone(calendar)).toLocalDate();
    }

    /** Keeps the milliseconds ({@link Time#toLocalTime()} drops them). */
    public static LocalTime toLocalTime(Time time, Calendar calendar) {
        return Instant.ofEpochMilli(time.getTime()).atZone(zone(calendar)).toLocalTime();
    }

    public static LocalDateTime toLocalDateTime(Timestamp timestamp, Calendar calendar) {
        if (calendar == null) {
            return timestamp.toLocalDateTime();
        }
        return timestamp.toInstant().atZone(zone(calendar)).toLocalDateTime();
    }

    /** A plain {@link java.util.Date} (not a {@code java.sql} one) as a local date-time in the default zone. */
    public static LocalDateTime toLocalDateTime(java.util.Date date) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), ZoneId.systemDefault());
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    }
}
