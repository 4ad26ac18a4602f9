package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.CivilCalendar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields and units of {@code date_part}, {@code EXTRACT} and {@code date_trunc}, with PostgreSQL's spellings
 * (plural and abbreviated forms, any case), and the calendar arithmetic that computes them from epoch days and
 * microseconds of the day without {@code java.time} objects. Years are astronomical (year 0 is 1 BC), as
 * {@link CivilCalendar}'s.
 */
enum DateField {
    MICROSECONDS("microsecond", "microseconds", "us", "usec", "usecs", "microsecon"),
    MILLISECONDS("millisecond", "milliseconds", "ms", "msec", "msecs", "millisecon"),
    SECOND("second", "seconds", "s", "sec", "secs"),
    MINUTE("minute", "minutes", "m", "min", "mins"),
    HOUR("hour", "hours", "h", "hr", "hrs"),
    DAY("day", "days", "d"),
    WEEK("week", "weeks", "w"),
    MONTH("month", "months", "mon", "mons"),
    QUARTER("quarter", "qtr"),
    YEAR("year", "years", "y", "yr", "yrs"),
    DECADE("decade", "decades", "dec", "decs"),
    CENTURY("century", "centuries", "c", "cent"),
    MILLENNIUM("millennium", "millennia", "mil", "mils", "millenniums"),
    DAY_OF_WEEK("dow"),
    ISO_DAY_OF_WEEK("isodow"),
    DAY_OF_YEAR("doy"),
    ISO_YEAR("isoyear"),
    EPOCH("epoch"),
    JULIAN("julian");

    private static final Map<String, DateField> BY_NAME = new HashMap<>();
    /** The Julian day number of 1970-01-01. */
    private static final long JULIAN_EPOCH = 2_440_588;

    static {
        for (DateField field : values()) {
            for (String name : field.names) {
                BY_NAME.put(name, field);
            }
        }
    }

    private final String[] names;

    DateField(String... names) {
        this.names = names;
    }

    /** The field a unit name means, or 22023 naming it as PostgreSQL does. */
    static DateField named(String unit, String typeName) {
        DateField field = BY_NAME.get(unit.trim().toLowerCase(Locale.ROOT));
        if (field == null) {
            throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not recognized for type " + typeName);
        }
        return field;
    }

    String unitName() {
        return names[0];
    }

    boolean isTimeOfDay() {
        return this == MICROSECONDS || this == MILLISECONDS || this == SECOND || this == MINUTE || this == HOUR || this == EPOCH;
    }

    /**
     * The field of a timestamp given as its epoch day and microseconds of that day, as date_part's double:
     * seconds carry their fraction, milliseconds and microseconds include the seconds (PostgreSQL's rule).
     */
    double of(long epochDay, long microsOfDay) {
        long secondMicros = microsOfDay % CivilCalendar.MICROS_PER_MINUTE;
        return switch (this) {
            case MICROSECONDS -> secondMicros;
            case MILLISECONDS -> secondMicros / 1000.0;
            case SECOND -> secondMicros / 1e6;
            case MINUTE -> microsOfDay / CivilCalendar.MICROS_PER_MINUTE % 60;
            case HOUR -> microsOfDay / CivilCalendar.MICROS_PER_HOUR;
            case EPOCH -> epochDay * 86_400.0 + microsOfDay / 1e6;
            case JULIAN -> epochDay + JULIAN_EPOCH + microsOfDay / (double) CivilCalendar.MICROS_PER_DAY;
            default -> dateField(epochDay);
        };
    }

    /** Fields that depend on the day alone. */
    long dateField(long epochDay) {
        long civil = CivilCalendar.civil(epochDay);
        long year = CivilCalendar.year(civil);
        return switch (this) {
            case DAY -> CivilCalendar.day(civil);
            case MONTH -> CivilCalendar.month(civil);
            case QUARTER -> (CivilCalendar.month(civil) + 2) / 3;
            case YEAR -> year;
            case DECADE -> Math.floorDiv(year, 10);
            // The first century and millennium start with year 1; PostgreSQL counts BC ones negatively.
            case CENTURY -> year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case MILLENNIUM -> year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            case DAY_OF_WEEK -> CivilCalendar.dayOfWeek(epochDay);
            case ISO_DAY_OF_WEEK -> isoDayOfWeek(epochDay);
            case DAY_OF_YEAR -> CivilCalendar.dayOfYear(epochDay);
            case WEEK -> isoWeek(epochDay);
            case ISO_YEAR -> isoYear(epochDay);
            default -> throw new IllegalStateException(this + " is not a date field");
        };
    }

    /** Monday = 1 … Sunday = 7. */
    static int isoDayOfWeek(long epochDay) {
        int dayOfWeek = CivilCalendar.dayOfWeek(epochDay);
        return dayOfWeek == 0 ? 7 : dayOfWeek;
    }

    /** ISO 8601 weeks start on Monday; week 1 is the one with the year's first Thursday. */
    static long isoWeek(long epochDay) {
        long thursday = epochDay + 4 - isoDayOfWeek(epochDay);
        return (CivilCalendar.dayOfYear(thursday) - 1) / 7 + 1;
    }

    static long isoYear(long epochDay) {
        long thursday = epochDay + 4 - isoDayOfWeek(epochDay);
        return CivilCalendar.year(CivilCalendar.civil(thursday));
    }

    /** The timestamp (microseconds) truncated to this unit; PostgreSQL's date_trunc. */
    long truncate(long micros) {
        long unitMicros = switch (this) {
            case MICROSECONDS -> 1;
            case MILLISECONDS -> 1000;
            case SECOND -> CivilCalendar.MICROS_PER_SECOND;
            case MINUTE -> CivilCalendar.MICROS_PER_MINUTE;
            case HOUR -> CivilCalendar.MICROS_PER_HOUR;
            default -> 0;
        };
        if (unitMicros > 0) {
            return Math.floorDiv(micros, unitMicros) * unitMicros;
        }
        long day = CivilCalendar.epochDayOfMicros(micros);
        long civil = CivilCalendar.civil(day);
        long year = CivilCalendar.year(civil);
        int month = CivilCalendar.month(civil);
        long truncatedDay = switch (this) {
            case DAY -> day;
            case WEEK -> day - isoDayOfWeek(day) + 1;
            case MONTH -> CivilCalendar.epochDay(year, month, 1);
            case QUARTER -> CivilCalendar.epochDay(year, (month - 1) / 3 * 3 + 1, 1);
            case YEAR -> CivilCalendar.epochDay(year, 1, 1);
            case DECADE -> CivilCalendar.epochDay(Math.floorDiv(year, 10) * 10, 1, 1);
            // Centuries and millennia start with year …01 (2001-01-01), as PostgreSQL's.
            case CENTURY -> CivilCalendar.epochDay(Math.floorDiv(year - 1, 100) * 100 + 1, 1, 1);
            case MILLENNIUM -> CivilCalendar.epochDay(Math.floorDiv(year - 1, 1000) * 1000 + 1, 1, 1);
            default -> throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE,
                    "unit \"" + unitName() + "\" not recognized for type timestamp without time zone");
        };
        return truncatedDay * CivilCalendar.MICROS_PER_DAY;
    }
}
