package io.basalt.storage.csv;

/**
 * Proleptic Gregorian calendar arithmetic on plain ints, so that the date parsers can validate and convert
 * without allocating {@code java.time} objects per value. Agrees with {@link java.time.LocalDate}.
 */
final class CivilCalendar {

    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** Days from 0000-03-01 to 1970-01-01. */
    private static final long EPOCH_OFFSET_DAYS = 719_468;
    private static final long DAYS_PER_400_YEARS = 146_097;

    private CivilCalendar() {
    }

    static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysInMonth(long year, int month) {
        return month == 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
    }

    static boolean isValidDate(long year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    /**
     * Days since 1970-01-01 of a valid date. Counts years from March so that the leap day is the last day of
     * the counted year; then each 400-year era has the same length.
     */
    static long epochDay(long year, int month, int day) {
        long marchBasedYear = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(marchBasedYear, 400);
        long yearOfEra = marchBasedYear - era * 400;
        int marchBasedMonth = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * marchBasedMonth + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_400_YEARS + dayOfEra - EPOCH_OFFSET_DAYS;
    }
}
