package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strftime-style input pattern, the spelling DuckDB and C programmers know:
 *
 * <table>
 *   <tr><td>{@code %Y}</td><td>year, 1 to 4 digits</td></tr>
 *   <tr><td>{@code %y}</td><td>two-digit year: 69–99 are 1969–1999, 00–68 are 2000–2068 (POSIX)</td></tr>
 *   <tr><td>{@code %m}, {@code %d}</td><td>month, day of month, 1 or 2 digits</td></tr>
 *   <tr><td>{@code %H}, {@code %M}, {@code %S}</td><td>hour (0–23), minute, second, 1 or 2 digits</td></tr>
 *   <tr><td>{@code %f}</td><td>fraction of a second, 1 to 9 digits, rounded to microseconds</td></tr>
 *   <tr><td>{@code %%}</td><td>a literal {@code %}</td></tr>
 * </table>
 * Every other character must appear as is. Numbers read greedily up to their maximum width, so compact
 * patterns such as {@code %Y%m%d} work for zero-padded text. Fields the pattern lacks default to
 * 1970-01-01 00:00:00.
 */
final class DateTimeFormat {

    private static final byte LITERAL = 0;
    private static final byte YEAR = 1;
    private static final byte TWO_DIGIT_YEAR = 2;
    private static final byte MONTH = 3;
    private static final byte DAY = 4;
    private static final byte HOUR = 5;
    private static final byte MINUTE = 6;
    private static final byte SECOND = 7;
    private static final byte FRACTION = 8;

    private final String pattern;
    /** One entry per pattern element: its kind, and for {@link #LITERAL} the byte to match. */
    private final byte[] kinds;
    private final byte[] literals;

    private DateTimeFormat(String pattern, byte[] kinds, byte[] literals) {
        this.pattern = pattern;
        this.kinds = kinds;
        this.literals = literals;
    }

    /** Compiles a pattern, failing with SQLSTATE 22023 for an unknown specifier. */
    static DateTimeFormat compile(String pattern) {
        byte[] text = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] kinds = new byte[text.length];
        byte[] literals = new byte[text.length];
        int count = 0;
        for (int i = 0; i < text.length; i++) {
            byte kind = LITERAL;
            byte literal = text[i];
            if (text[i] == '%') {
                if (i + 1 == text.length) {
                    throw badPattern(pattern, "it ends with a lone %");
                }
                char specifier = (char) text[++i];
                kind = switch (specifier) {
                    case 'Y' -> YEAR;
                    case 'y' -> TWO_DIGIT_YEAR;
                    case 'm' -> MONTH;
                    case 'd' -> DAY;
                    case 'H' -> HOUR;
                    case 'M' -> MINUTE;
                    case 'S' -> SECOND;
                    case 'f' -> FRACTION;
                    case '%' -> LITERAL;
                    default -> throw badPattern(pattern, "%" + specifier
                            + " is not supported (supported: %Y %y %m %d %H %M %S %f %%)");
                };
            }
            kinds[count] = kind;
            literals[count] = literal;
            count++;
        }
        return new DateTimeFormat(pattern, Arrays.copyOf(kinds, count), Arrays.copyOf(literals, count));
    }

    String pattern() {
        return pattern;
    }

    /**
     * Matches {@code bytes[start, end)} against the whole pattern, filling {@code fields} (cleared first).
     * Returns false when the text does not match; ranges are checked by the caller.
     */
    boolean parse(byte[] bytes, int start, int end, DateTimeFields fields) {
        fields.clear();
        int position = start;
        for (int i = 0; i < kinds.length; i++) {
            byte kind = kinds[i];
            if (kind == LITERAL) {
                if (position == end || bytes[position] != literals[i]) {
                    return false;
                }
                position++;
                continue;
            }
            if (kind == FRACTION) {
                position = fields.readFraction(bytes, position, end);
                if (position < 0) {
                    return false;
                }
                continue;
            }
            int maxDigits = kind == YEAR ? 4 : 2;
            int value = 0;
            int digits = 0;
            while (digits < maxDigits && position < end && bytes[position] >= '0' && bytes[position] <= '9') {
                value = value * 10 + bytes[position] - '0';
                position++;
                digits++;
            }
            if (digits == 0) {
                return false;
            }
            switch (kind) {
                case YEAR -> fields.year = value;
                case TWO_DIGIT_YEAR -> fields.year = value >= 69 ? 1900 + value : 2000 + value;
                case MONTH -> fields.month = value;
                case DAY -> fields.day = value;
                case HOUR -> fields.hour = value;
                case MINUTE -> fields.minute = value;
                default -> fields.second = value;
            }
        }
        return position == end;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static StorageException badPattern(String pattern, String reason) {
        return new StorageException(StorageErrors.INVALID_PARAMETER,
                "invalid date/time format \"" + pattern + "\": " + reason);
    }
}
