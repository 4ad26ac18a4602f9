package io.basalt.jdbc.spi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The encodings of date-time values in a {@link LongColumn}: DATE as days since 1970-01-01, TIME as
 * microseconds since midnight, TIMESTAMP as microseconds since 1970-01-01T00:00:00 without a time zone
 * (negative before 1970). Conversions to microseconds refuse values finer than a microsecond rather than
 * dropping the rest.
 */
public final class TemporalValues {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private TemporalValues() {
    }

    public static LocalDate date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    public static long epochDay(LocalDate date) {
        return date.toEpochDay();
    }

    public static LocalTime time(long microsOfDay) {
        return LocalTime.ofNanoOfDay(microsOfDay * NANOS_PER_MICRO);
    }

    /** @throws IllegalArgumentException when {@code time} has a fraction finer than a microsecond */
    public static long microsOfDay(LocalTime time) {
        long nanos = time.toNanoOfDay();
        if (nanos % NANOS_PER_MICRO != 0) {
            throw new IllegalArgumentException("time " + time + " is finer than a microsecond");
        }
        return nanos / NANOS_PER_MICRO;
    }

    public static LocalDateTime timestamp(long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
        int nanos = (int) (Math.floorMod(epochMicros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** @throws IllegalArgumentException when {@code timestamp} has a fraction finer than a microsecond */
    public static long epochMicros(LocalDateTime timestamp) {
        int nanos = timestamp.getNano();
        if (nanos % NANOS_PER_MICRO != 0) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is finer than a microsecond");
        }
        long seconds = timestamp.toEpochSecond(ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), nanos / NANOS_PER_MICRO);
    }
}
