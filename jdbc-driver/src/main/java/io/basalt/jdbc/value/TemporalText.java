package io.basalt.jdbc.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The text form of date-time values, as SQL writes them: {@code 2024-01-31}, {@code 13:45:00},
 * {@code 2024-01-31 13:45:00.25}. Seconds are always shown; a fraction only when non-zero, without trailing
 * zeros. Parsing accepts these forms and ISO's {@code T} separator.
 */
public final class TemporalText {

    private TemporalText() {
    }

    public static String formatDate(LocalDate date) {
        return date.toString();
    }

    public static String formatTime(LocalTime time) {
        StringBuilder text = new StringBuilder(15);
        appendTwoDigits(text, time.getHour()).append(':');
        appendTwoDigits(text, time.getMinute()).append(':');
        appendTwoDigits(text, time.getSecond());
        int nanos = time.getNano();
        if (nanos != 0) {
            String fraction = Integer.toString(nanos + 1_000_000_000).substring(1);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.toString();
    }

    public static String formatTimestamp(LocalDateTime timestamp) {
        return formatDate(timestamp.toLocalDate()) + ' ' + formatTime(timestamp.toLocalTime());
    }

    /** Parses {@code yyyy-mm-dd}, or a timestamp whose date part is taken. */
    public static LocalDate parseDate(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > 10) {
            return parseTimestamp(trimmed).toLocalDate();
        }
        return LocalDate.parse(trimmed);
    }

    /** Parses {@code hh:mm[:ss[.fraction]]}, or a timestamp whose time part is taken. */
    public static LocalTime parseTime(String text) {
        String trimmed = text.trim();
        try {
            return LocalTime.parse(trimmed);
        } catch (DateTimeParseException e) {
            if (trimmed.length() > 10 && trimmed.charAt(4) == '-') {
                return parseTimestamp(trimmed).toLocalTime();
            }
            throw e;
        }
    }

    /** Parses {@code yyyy-mm-dd[( |T)hh:mm[:ss[.fraction]]]}; a date alone is midnight. */
    public static LocalDateTime parseTimestamp(String text) {
        String trimmed = text.trim();
        if (trimmed.length() <= 10) {
            return LocalDate.parse(trimmed).atStartOfDay();
        }
        if (trimmed.charAt(10) == ' ') {
            trimmed = trimmed.substring(0, 10) + 'T' + trimmed.substring(11).trim();
        }
        return LocalDateTime.parse(trimmed);
    }

    private static StringBuilder appendTwoDigits(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
