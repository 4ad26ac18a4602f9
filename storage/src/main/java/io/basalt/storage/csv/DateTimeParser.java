package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

/**
 * Parses DATE (to days since 1970-01-01), TIME (microseconds since midnight) and TIMESTAMP (microseconds
 * since 1970-01-01T00:00, no time zone) text, without allocating.
 *
 * <p>Without a configured format the text is ISO 8601: {@code YYYY-MM-DD} (month and day may have one
 * digit), {@code HH:MM[:SS[.fraction]]}, and for timestamps a date, optionally followed by a space or
 * {@code T} and a time (a date alone is midnight). With a format (DATE and TIMESTAMP only) the text must
 * match it. Either way the result must be a real calendar date and time: {@code 2023-02-29} is "field value
 * out of range" (22008), malformed text is 22007. Fractions beyond microseconds round half up. Years run
 * from 1 to 9999. Instances keep scratch state: one per column per thread.
 */
final class DateTimeParser {

    private static final int ISO_DATE_LENGTH = 10;
    private static final long NOT_A_DATE = Long.MIN_VALUE;

    private final LogicalType type;
    private final TypeKind kind;
    private final DateTimeFormat format;
    private final DateTimeFields fields = new DateTimeFields();
    /** The read position of the ISO helpers, which return the value they read. */
    private int cursor;

    DateTimeParser(LogicalType type, CsvOptions options) {
        this.type = type;
        this.kind = type.kind();
        this.format = switch (kind) {
            case DATE -> options.dateFormat().map(DateTimeFormat::compile).orElse(null);
            case TIMESTAMP -> options.timestampFormat().map(DateTimeFormat::compile).orElse(null);
            case TIME -> null;
            default -> throw new IllegalArgumentException("not a date/time type: " + type);
        };
    }

    long parse(byte[] bytes, int start, int end) {
        start = Whitespace.skipLeading(bytes, start, end);
        end = Whitespace.skipTrailing(bytes, start, end);
        if (kind == TypeKind.DATE && format == null && end - start == ISO_DATE_LENGTH) {
            long days = parseIsoDate(bytes, start);
            if (days != NOT_A_DATE) {
                return days;
            }
        }
        boolean matched = format != null ? format.parse(bytes, start, end, fields) : parseIso(bytes, start, end);
        if (!matched) {
            String problem = "invalid " + type + " value" + (format == null ? "" : " for format \"" + format + "\"");
            throw new ValueFormatException(StorageErrors.INVALID_DATETIME_FORMAT, problem);
        }
        boolean valid = (kind == TypeKind.TIME || fields.isValidDate()) && (kind == TypeKind.DATE || fields.isValidTime());
        if (!valid) {
            throw new ValueFormatException(StorageErrors.DATETIME_FIELD_OVERFLOW, type + " field value out of range");
        }
        return switch (kind) {
            case DATE -> fields.epochDay();
            case TIME -> fields.microsOfDay();
            default -> fields.epochDay() * CivilCalendar.MICROS_PER_DAY + fields.microsOfDay();
        };
    }

    /**
     * The common {@code YYYY-MM-DD} shape at fixed offsets, without the general reader's bookkeeping. Returns
     * {@link #NOT_A_DATE} for anything else, including invalid dates, which the general path then reports.
     */
    private static long parseIsoDate(byte[] bytes, int start) {
        if (bytes[start + 4] != '-' || bytes[start + 7] != '-') {
            return NOT_A_DATE;
        }
        int year = digit(bytes[start]) * 1000 + digit(bytes[start + 1]) * 100 + digit(bytes[start + 2]) * 10
                + digit(bytes[start + 3]);
        int month = digit(bytes[start + 5]) * 10 + digit(bytes[start + 6]);
        int day = digit(bytes[start + 8]) * 10 + digit(bytes[start + 9]);
        // A non-digit makes its term negative, and so the whole sum.
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > CivilCalendar.daysInMonth(year, month)) {
            return NOT_A_DATE;
        }
        return CivilCalendar.epochDay(year, month, day);
    }

    /** The digit's value, or a large negative number for any other byte. */
    private static int digit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : -100_000;
    }

    private boolean parseIso(byte[] bytes, int start, int end) {
        fields.clear();
        cursor = start;
        if (kind == TypeKind.TIME) {
            return readTime(bytes, end) && cursor == end;
        }
        if (!readDate(bytes, end)) {
            return false;
        }
        if (cursor == end || kind == TypeKind.DATE) {
            return cursor == end;
        }
        byte separator = bytes[cursor++];
        return (separator == ' ' || separator == 'T') && readTime(bytes, end) && cursor == end;
    }

    /** {@code YYYY-M[M]-D[D]}. */
    private boolean readDate(byte[] bytes, int end) {
        int year = readNumber(bytes, end, 4, 4);
        if (year < 0 || !skip(bytes, end, '-')) {
            return false;
        }
        int month = readNumber(bytes, end, 1, 2);
        if (month < 0 || !skip(bytes, end, '-')) {
            return false;
        }
        int day = readNumber(bytes, end, 1, 2);
        if (day < 0) {
            return false;
        }
        fields.year = year;
        fields.month = month;
        fields.day = day;
        return true;
    }

    /** {@code H[H]:MM[:SS[.fraction]]}. */
    private boolean readTime(byte[] bytes, int end) {
        int hour = readNumber(bytes, end, 1, 2);
        if (hour < 0 || !skip(bytes, end, ':')) {
            return false;
        }
        int minute = readNumber(bytes, end, 2, 2);
        if (minute < 0) {
            return false;
        }
        fields.hour = hour;
        fields.minute = minute;
        if (!skip(bytes, end, ':')) {
            return true;
        }
        int second = readNumber(bytes, end, 2, 2);
        if (second < 0) {
            return false;
        }
        fields.second = second;
        if (skip(bytes, end, '.')) {
            cursor = fields.readFraction(bytes, cursor, end);
            return cursor >= 0;
        }
        return true;
    }

    /** Reads between {@code minDigits} and {@code maxDigits} digits at the cursor; -1 if there are fewer. */
    private int readNumber(byte[] bytes, int end, int minDigits, int maxDigits) {
        int value = 0;
        int digits = 0;
        while (digits < maxDigits && cursor < end && bytes[cursor] >= '0' && bytes[cursor] <= '9') {
            value = value * 10 + bytes[cursor] - '0';
            cursor++;
            digits++;
        }
        return digits >= minDigits ? value : -1;
    }

    private boolean skip(byte[] bytes, int end, char expected) {
        if (cursor < end && bytes[cursor] == expected) {
            cursor++;
            return true;
        }
        return false;
    }
}
