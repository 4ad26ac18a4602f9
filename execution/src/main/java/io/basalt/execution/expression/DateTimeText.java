package io.basalt.execution.expression;

import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;

/**
 * DATE, TIME and TIMESTAMP to and from ISO text, for CAST. Parsing accepts {@code YYYY-M[M]-D[D]},
 * {@code H[H]:MM[:SS[.fraction]]} and a date followed by blanks or {@code T} and a time (a DATE may carry a
 * time, which is dropped; a TIMESTAMP may omit it, meaning midnight), with surrounding blanks. Malformed
 * text is 22007; a well-formed value that is not a real date or time (February 30, hour 25) is 22008.
 * Fractions beyond microseconds round half up. Formatting is PostgreSQL's: {@code 2024-02-29},
 * {@code 13:05:00.25}, {@code 2024-02-29 13:05:00}, years before 1 with a {@code BC} suffix.
 *
 * <p>A reader holds the fields of the value being parsed; one per kernel invocation, never shared.
 */
final class DateTimeText {

    private static final int MAX_YEAR = 294_276;

    private byte[] data;
    private int cursor;
    private int end;
    private long year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private long micros;

    long parseDate(byte[] bytes, int start, int stop, LogicalType type) {
        begin(bytes, start, stop);
        if (!readDate()) {
            throw ExpressionErrors.invalidDateTime(type, NumberText.text(bytes, start, stop));
        }
        if (cursor < end && !readTimeAfterDate()) {
            throw ExpressionErrors.invalidDateTime(type, NumberText.text(bytes, start, stop));
        }
        checkDate(type, bytes, start, stop);
        return CivilCalendar.epochDay(year, month, day);
    }

    long parseTime(byte[] bytes, int start, int stop, LogicalType type) {
        begin(bytes, start, stop);
        if (!readTime() || cursor != end) {
            throw ExpressionErrors.invalidDateTime(type, NumberText.text(bytes, start, stop));
        }
        checkTime(type, bytes, start, stop);
        return microsOfDay();
    }

    long parseTimestamp(byte[] bytes, int start, int stop, LogicalType type) {
        begin(bytes, start, stop);
        if (!readDate() || (cursor < end && !readTimeAfterDate())) {
            throw ExpressionErrors.invalidDateTime(type, NumberText.text(bytes, start, stop));
        }
        checkDate(type, bytes, start, stop);
        checkTime(type, bytes, start, stop);
        long days = CivilCalendar.epochDay(year, month, day);
        return days * CivilCalendar.MICROS_PER_DAY + microsOfDay();
    }

    private void begin(byte[] bytes, int start, int stop) {
        data = bytes;
        cursor = NumberText.skipBlanks(bytes, start, stop);
        end = NumberText.trimBlanks(bytes, cursor, stop);
        hour = 0;
        minute = 0;
        second = 0;
        micros = 0;
    }

    private boolean readDate() {
        long readYear = readNumber(1, 7);
        if (readYear < 0 || !skip('-')) {
            return false;
        }
        int readMonth = (int) readNumber(1, 2);
        if (readMonth < 0 || !skip('-')) {
            return false;
        }
        int readDay = (int) readNumber(1, 2);
        if (readDay < 0) {
            return false;
        }
        year = readYear;
        month = readMonth;
        day = readDay;
        return true;
    }

    private boolean readTimeAfterDate() {
        if (data[cursor] == 'T') {
            cursor++;
        } else {
            int blanks = cursor;
            while (cursor < end && data[cursor] == ' ') {
                cursor++;
            }
            if (cursor == blanks) {
                return false;
            }
        }
        return readTime() && cursor == end;
    }

    private boolean readTime() {
        int readHour = (int) readNumber(1, 2);
        if (readHour < 0 || !skip(':')) {
            return false;
        }
        int readMinute = (int) readNumber(2, 2);
        if (readMinute < 0) {
            return false;
        }
        hour = readHour;
        minute = readMinute;
        if (!skip(':')) {
            return true;
        }
        int readSecond = (int) readNumber(2, 2);
        if (readSecond < 0) {
            return false;
        }
        second = readSecond;
        if (skip('.')) {
            return readFraction();
        }
        return true;
    }

    /** Up to six digits are microseconds; the seventh rounds half up; further digits are ignored. */
    private boolean readFraction() {
        int digits = 0;
        long value = 0;
        boolean roundUp = false;
        while (cursor < end && data[cursor] >= '0' && data[cursor] <= '9') {
            int digit = data[cursor] - '0';
            if (digits < 6) {
                value = value * 10 + digit;
            } else if (digits == 6) {
                roundUp = digit >= 5;
            }
            digits++;
            cursor++;
        }
        if (digits == 0) {
            return false;
        }
        for (int i = digits; i < 6; i++) {
            value *= 10;
        }
        micros = value + (roundUp ? 1 : 0);
        return true;
    }

    private long readNumber(int minDigits, int maxDigits) {
        long value = 0;
        int digits = 0;
        while (digits < maxDigits && cursor < end && data[cursor] >= '0' && data[cursor] <= '9') {
            value = value * 10 + data[cursor] - '0';
            cursor++;
            digits++;
        }
        return digits >= minDigits ? value : -1;
    }

    private boolean skip(char expected) {
        if (cursor < end && data[cursor] == expected) {
            cursor++;
            return true;
        }
        return false;
    }

    private void checkDate(LogicalType type, byte[] bytes, int start, int stop) {
        if (year < 1 || year > MAX_YEAR || !CivilCalendar.isValidDate(year, month, day)) {
            throw ExpressionErrors.dateTimeFieldOutOfRange(type, NumberText.text(bytes, start, stop));
        }
    }

    private void checkTime(LogicalType type, byte[] bytes, int start, int stop) {
        // 24:00:00 is PostgreSQL's end of day for TIME; a fraction rounding up to a full second stays valid.
        boolean endOfDay = hour == 24 && minute == 0 && second == 0 && micros == 0;
        if (!endOfDay && (hour > 23 || minute > 59 || second > 59)) {
            throw ExpressionErrors.dateTimeFieldOutOfRange(type, NumberText.text(bytes, start, stop));
        }
    }

    private long microsOfDay() {
        return hour * CivilCalendar.MICROS_PER_HOUR + minute * CivilCalendar.MICROS_PER_MINUTE
                + second * CivilCalendar.MICROS_PER_SECOND + micros;
    }

    // ---- formatting ----

    /** Writes {@code YYYY-MM-DD} (and {@code BC} for years before 1) into {@code buffer}, returns the length. */
    static int formatDate(long epochDay, byte[] buffer) {
        long civil = CivilCalendar.civil(epochDay);
        int length = writeDate(CivilCalendar.year(civil), CivilCalendar.month(civil), CivilCalendar.day(civil), buffer, 0);
        return CivilCalendar.year(civil) < 1 ? writeEra(buffer, length) : length;
    }

    static int formatTime(long microsOfDay, byte[] buffer) {
        return writeTime(microsOfDay, buffer, 0);
    }

    static int formatTimestamp(long micros, byte[] buffer) {
        long civil = CivilCalendar.civil(CivilCalendar.epochDayOfMicros(micros));
        int length = writeDate(CivilCalendar.year(civil), CivilCalendar.month(civil), CivilCalendar.day(civil), buffer, 0);
        buffer[length++] = ' ';
        length = writeTime(CivilCalendar.microsOfDay(micros), buffer, length);
        return CivilCalendar.year(civil) < 1 ? writeEra(buffer, length) : length;
    }

    private static int writeDate(long year, int month, int day, byte[] buffer, int position) {
        long displayYear = year < 1 ? 1 - year : year; // 1 BC is year 0
        int yearDigits = 4;
        for (long rest = displayYear / 10_000; rest > 0; rest /= 10) {
            yearDigits++;
        }
        for (int i = yearDigits - 1; i >= 0; i--) {
            buffer[position + i] = (byte) ('0' + displayYear % 10);
            displayYear /= 10;
        }
        position += yearDigits;
        buffer[position++] = '-';
        position = writeTwoDigits(month, buffer, position);
        buffer[position++] = '-';
        return writeTwoDigits(day, buffer, position);
    }

    private static int writeTime(long microsOfDay, byte[] buffer, int position) {
        long seconds = microsOfDay / CivilCalendar.MICROS_PER_SECOND;
        int fraction = (int) (microsOfDay % CivilCalendar.MICROS_PER_SECOND);
        position = writeTwoDigits((int) (seconds / 3600), buffer, position);
        buffer[position++] = ':';
        position = writeTwoDigits((int) (seconds / 60 % 60), buffer, position);
        buffer[position++] = ':';
        position = writeTwoDigits((int) (seconds % 60), buffer, position);
        if (fraction != 0) {
            buffer[position++] = '.';
            int divisor = 100_000;
            while (fraction != 0) {
                buffer[position++] = (byte) ('0' + fraction / divisor);
                fraction %= divisor;
                divisor /= 10;
            }
        }
        return position;
    }

    private static int writeTwoDigits(int value, byte[] buffer, int position) {
        buffer[position] = (byte) ('0' + value / 10);
        buffer[position + 1] = (byte) ('0' + value % 10);
        return position + 2;
    }

    private static int writeEra(byte[] buffer, int position) {
        buffer[position] = ' ';
        buffer[position + 1] = 'B';
        buffer[position + 2] = 'C';
        return position + 3;
    }
}
