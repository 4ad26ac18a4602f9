package io.basalt.storage.type;

/**
 * Proleptic Gregorian calendar arithmetic on days since 1970-01-01, with plain integer operations so that
 * the CSV date parsers, EXTRACT, ADD_MONTHS and date formatting run without {@code java.time} objects per row. Years are counted
 * from March inside 400-year eras, which puts the leap day at the end of each counted year and makes every
 * era the same length (146,097 days). Agrees with {@link java.time.LocalDate} over its whole range.
 */
public final class CivilCalendar {

    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private static final long DAYS_PER_ERA = 146_097;
    /** Days from 0000-03-01 to 1970-01-01. */
    private static final long EPOCH_SHIFT = 719_468;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CivilCalendar() {
    }

    public static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int daysInMonth(long year, int month) {
        return month == 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
    }

    public static boolean isValidDate(long year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    /** Days since 1970-01-01 of a valid date. */
    public static long epochDay(long year, int month, int day) {
        long marchYear = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(marchYear, 400);
        long yearOfEra = marchYear - era * 400;
        int marchMonth = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * marchMonth + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
    }

    /**
     * Year, month and day of an epoch day packed into one long ({@code year << 9 | month << 5 | day}) so that
     * callers get all three without allocating; read them with {@link #year}, {@link #month}, {@link #day}.
     */
    public static long civil(long epochDay) {
        long shifted = epochDay + EPOCH_SHIFT;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        // Leap days every 4 years except every 100, except every 400: subtract them to count whole years.
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long marchMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * marchMonth + 2) / 5 + 1);
        int month = (int) (marchMonth < 10 ? marchMonth + 3 : marchMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year << 9) | ((long) month << 5) | day;
    }

    public static long year(long civil) {
        return civil >> 9;
    }

    public static int month(long civil) {
        return (int) ((civil >> 5) & 15);
    }

    public static int day(long civil) {
        return (int) (civil & 31);
    }

    /** Sunday = 0 … Saturday = 6 (PostgreSQL's and DuckDB's {@code dow}); 1970-01-01 was a Thursday. */
    public static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 4, 7L);
    }

    public static int dayOfYear(long epochDay) {
        long civil = civil(epochDay);
        return (int) (epochDay - epochDay(year(civil), 1, 1)) + 1;
    }

    /** The day of a timestamp (microseconds since the epoch), rounding towards minus infinity. */
    public static long epochDayOfMicros(long micros) {
        return Math.floorDiv(micros, MICROS_PER_DAY);
    }

    public static long microsOfDay(long micros) {
        return Math.floorMod(micros, MICROS_PER_DAY);
    }
}
