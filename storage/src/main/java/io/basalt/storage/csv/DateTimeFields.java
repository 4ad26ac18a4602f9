package io.basalt.storage.csv;

import io.basalt.storage.type.CivilCalendar;

/**
 * The fields of one parsed date, time or timestamp before validation; reused for every value a parser reads
 * (one instance per parser, so not shared between threads). Unset fields keep the defaults of
 * {@link #clear()}: 1970-01-01 00:00:00.
 */
final class DateTimeFields {

    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int microsecond;
    /** The text had a fraction digit beyond microseconds that rounds the value up by one microsecond. */
    boolean roundUp;

    void clear() {
        year = 1970;
        month = 1;
        day = 1;
        hour = 0;
        minute = 0;
        second = 0;
        microsecond = 0;
        roundUp = false;
    }

    boolean isValidDate() {
        return year >= 1 && CivilCalendar.isValidDate(year, month, day);
    }

    /** Hours 0–23, or exactly 24:00:00, which PostgreSQL accepts as the end of a day. */
    boolean isValidTime() {
        if (hour == 24) {
            return minute == 0 && second == 0 && microsecond == 0 && !roundUp;
        }
        return hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60;
    }

    long epochDay() {
        return CivilCalendar.epochDay(year, month, day);
    }

    long microsOfDay() {
        return hour * CivilCalendar.MICROS_PER_HOUR + minute * CivilCalendar.MICROS_PER_MINUTE
                + second * CivilCalendar.MICROS_PER_SECOND + microsecond + (roundUp ? 1 : 0);
    }

    /**
     * Reads 1 to 9 fraction-of-second digits at {@code position}: the first six are microseconds, the seventh
     * rounds half up, the rest only need to be digits. Returns the position after the digits.
     */
    int readFraction(byte[] bytes, int position, int end) {
        int micros = 0;
        int digits = 0;
        while (position < end && bytes[position] >= '0' && bytes[position] <= '9' && digits < 9) {
            int digit = bytes[position] - '0';
            if (digits < 6) {
                micros = micros * 10 + digit;
            } else if (digits == 6) {
                roundUp = digit >= 5;
            }
            digits++;
            position++;
        }
        for (int i = digits; i < 6; i++) {
            micros *= 10;
        }
        microsecond = micros;
        return digits == 0 ? -1 : position;
    }
}
