package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.LogicalType;

import java.util.List;
import java.util.Locale;

/**
 * {@code to_date(text, template)}: reads the fields the template names (see {@link DateTemplate}) from the text,
 * leniently as PostgreSQL's default (not FX) mode does: blanks before a number are skipped and a template
 * separator skips any one separator character. Fields the template lacks come from 0001-01-01; time fields are
 * read and ignored. A missing or malformed field is 22007, a day the month does not have 22008.
 */
final class DateTextParsing {

    private static final long JULIAN_EPOCH = 2_440_588;

    private DateTextParsing() {
    }

    static CompiledExpression compile(List<Operand> arguments) {
        KernelCache<List<DateTemplate.Element>> templates = new KernelCache<>(DateTemplate::parse);
        return RowKernels.longs(arguments, (vectors, row) -> parse(RowKernels.string(vectors[0], row),
                templates.get(RowKernels.string(vectors[1], row))));
    }

    /** The text's date as epoch days. */
    static long parse(String text, List<DateTemplate.Element> elements) {
        Reader reader = new Reader(text);
        long year = 1;
        int month = 1;
        int day = 1;
        long dayOfYear = -1;
        long julian = Long.MIN_VALUE;
        boolean beforeChrist = false;
        for (int k = 0; k < elements.size(); k++) {
            DateTemplate.Element element = elements.get(k);
            // A year takes every digit there is unless another field follows without a separator (YYYYMMDD).
            boolean open = k + 1 == elements.size() || elements.get(k + 1).pattern() == null;
            if (element.pattern() == null) {
                reader.skipLiteral(element.literal());
                continue;
            }
            switch (element.pattern()) {
                case YYYY, IYYY -> year = reader.number(element, 4, open);
                case YYYY_COMMA -> {
                    long thousands = reader.number(element, 3, false);
                    reader.skipLiteral(",");
                    year = thousands * 1000 + reader.number(element, 3, false);
                }
                case YYY -> year = adjustYear(reader.number(element, 3, false), 3);
                case YY -> year = adjustYear(reader.number(element, 2, false), 2);
                case Y -> year = adjustYear(reader.number(element, 1, false), 1);
                case MM -> month = (int) reader.number(element, 2, false);
                case MON -> month = reader.name(element, 3, true);
                case MONTH -> month = reader.name(element, 0, true);
                case DAY -> reader.name(element, 0, false);
                case DY -> reader.name(element, 3, false);
                case DD -> day = (int) reader.number(element, 2, false);
                case DDD -> dayOfYear = reader.number(element, 3, false);
                case J -> julian = reader.number(element, 7, open);
                case D, ID -> reader.number(element, 1, false);
                case HH24, HH12, HH, MI, SS -> reader.number(element, 2, false);
                case MS -> reader.number(element, 3, false);
                case US -> reader.number(element, 6, false);
                case SSSS, SSSSS -> reader.number(element, 5, false);
                case AM, PM, BC, AD -> beforeChrist |= reader.word(2).equalsIgnoreCase("BC");
                case AM_DOTTED, PM_DOTTED, BC_DOTTED, AD_DOTTED -> beforeChrist |= reader.word(4).equalsIgnoreCase("B.C.");
                default -> throw ExpressionErrors.notSupported("the template pattern \"" + element.pattern().text + "\" in to_date");
            }
        }
        if (julian != Long.MIN_VALUE) {
            return julian - JULIAN_EPOCH;
        }
        long astronomicalYear = beforeChrist ? 1 - year : year;
        if (dayOfYear >= 0) {
            if (dayOfYear < 1 || dayOfYear > (CivilCalendar.isLeapYear(astronomicalYear) ? 366 : 365)) {
                throw ExpressionErrors.dateTimeFieldOutOfRange(LogicalType.DATE, text);
            }
            return CivilCalendar.epochDay(astronomicalYear, 1, 1) + dayOfYear - 1;
        }
        if (!CivilCalendar.isValidDate(astronomicalYear, month, day) || Math.abs(astronomicalYear) > 294_276) {
            throw ExpressionErrors.dateTimeFieldOutOfRange(LogicalType.DATE, text);
        }
        return CivilCalendar.epochDay(astronomicalYear, month, day);
    }

    /** PostgreSQL's completion of short years: YY 70–99 is 19YY, else 20YY; YYY below 100 is 2YYY, else 1YYY. */
    private static long adjustYear(long value, int digits) {
        return switch (digits) {
            case 2 -> value < 70 ? 2000 + value : 1900 + value;
            case 3 -> value < 100 ? 2000 + value : 1000 + value;
            default -> 2000 + value;
        };
    }

    /** A cursor over the input text. */
    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        void skipLiteral(String literal) {
            for (int k = 0; k < literal.length() && position < text.length(); k++) {
                char expected = literal.charAt(k);
                char actual = text.charAt(position);
                if (expected == ' ') {
                    while (position < text.length() && text.charAt(position) == ' ') {
                        position++;
                    }
                } else if (actual == expected || !Character.isLetterOrDigit(actual)) {
                    position++;
                }
            }
        }

        /** Up to {@code width} digits ({@code unbounded}: all of them), after blanks. */
        long number(DateTemplate.Element element, int width, boolean unbounded) {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))
                    && (unbounded || position - start < width) && position - start < 18) {
                position++;
            }
            if (position == start) {
                String rest = text.substring(start, Math.min(text.length(), start + width));
                throw new ExecutionException(ExecutionException.INVALID_DATETIME_FORMAT,
                        "invalid value \"" + rest + "\" for \"" + element.pattern().text + "\"");
            }
            return Long.parseLong(text.substring(start, position));
        }

        /** A month (1–12) or day name, in full ({@code length} 0) or its first {@code length} letters. */
        int name(DateTemplate.Element element, int length, boolean month) {
            int count = month ? 12 : 7;
            String rest = text.substring(position).toLowerCase(Locale.ROOT);
            for (int k = 0; k < count; k++) {
                String name = (month ? DateTimeFormatting.monthName(k + 1) : DateTimeFormatting.dayName(k)).toLowerCase(Locale.ROOT);
                String candidate = length == 0 ? name : name.substring(0, length);
                if (rest.startsWith(candidate)) {
                    position += candidate.length();
                    return k + 1;
                }
            }
            throw new ExecutionException(ExecutionException.INVALID_DATETIME_FORMAT, "invalid value \""
                    + text.substring(position, Math.min(text.length(), position + Math.max(length, 3))) + "\" for \""
                    + element.pattern().text + "\"");
        }

        String word(int length) {
            String word = text.substring(position, Math.min(text.length(), position + length));
            position += word.length();
            return word;
        }
    }
}
