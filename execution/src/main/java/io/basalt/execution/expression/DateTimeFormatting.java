package io.basalt.execution.expression;

import io.basalt.storage.type.CivilCalendar;
import io.basalt.storage.type.TypeKind;

import java.util.List;

/**
 * {@code to_char(date or timestamp, template)} with PostgreSQL's template patterns (see {@link DateTemplate}):
 * numbers are zero-padded to the pattern's width and names blank-padded to nine characters unless {@code FM}
 * precedes them; a {@code TH} suffix adds the English ordinal. A constant template is parsed once; other
 * templates once per distinct text in the kernel.
 */
final class DateTimeFormatting {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final int NAME_WIDTH = 9;
    private static final long JULIAN_EPOCH = 2_440_588;

    private DateTimeFormatting() {
    }

    static CompiledExpression compile(List<Operand> arguments) {
        boolean date = arguments.get(0).type().kind() == TypeKind.DATE;
        KernelCache<List<DateTemplate.Element>> templates = new KernelCache<>(DateTemplate::parse);
        return RowKernels.text(arguments, (vectors, row, result) -> {
            List<DateTemplate.Element> elements = templates.get(RowKernels.string(vectors[1], row));
            long value = RowKernels.longValue(vectors[0], row);
            long micros = date ? value * CivilCalendar.MICROS_PER_DAY : value;
            result.append(format(elements, micros));
        });
    }

    static String format(List<DateTemplate.Element> elements, long micros) {
        long day = CivilCalendar.epochDayOfMicros(micros);
        long microsOfDay = CivilCalendar.microsOfDay(micros);
        long civil = CivilCalendar.civil(day);
        long year = CivilCalendar.year(civil);
        // PostgreSQL prints BC years as positive numbers (with BC where the template asks).
        long displayYear = year > 0 ? year : 1 - year;
        int month = CivilCalendar.month(civil);
        int dayOfMonth = CivilCalendar.day(civil);
        long hour = microsOfDay / CivilCalendar.MICROS_PER_HOUR;
        StringBuilder out = new StringBuilder();
        for (DateTemplate.Element element : elements) {
            if (element.pattern() == null) {
                out.append(element.literal());
                continue;
            }
            switch (element.pattern()) {
                case HH24 -> number(out, hour, 2, element);
                case HH12, HH -> number(out, hour % 12 == 0 ? 12 : hour % 12, 2, element);
                case MI -> number(out, microsOfDay / CivilCalendar.MICROS_PER_MINUTE % 60, 2, element);
                case SS -> number(out, microsOfDay / CivilCalendar.MICROS_PER_SECOND % 60, 2, element);
                case SSSS, SSSSS -> number(out, microsOfDay / CivilCalendar.MICROS_PER_SECOND, 1, element);
                case MS -> number(out, microsOfDay / 1000 % 1000, 3, element);
                case US -> number(out, microsOfDay % CivilCalendar.MICROS_PER_SECOND, 6, element);
                case AM, PM -> out.append(DateTemplate.applyCasing(hour < 12 ? "AM" : "PM", element.casing()));
                case AM_DOTTED, PM_DOTTED -> out.append(DateTemplate.applyCasing(hour < 12 ? "A.M." : "P.M.", element.casing()));
                case BC, AD -> out.append(DateTemplate.applyCasing(year > 0 ? "AD" : "BC", element.casing()));
                case BC_DOTTED, AD_DOTTED -> out.append(DateTemplate.applyCasing(year > 0 ? "A.D." : "B.C.", element.casing()));
                case YYYY_COMMA -> {
                    number(out, displayYear / 1000, 1, element);
                    out.append(',');
                    number(out, displayYear % 1000, 3, new DateTemplate.Element(element.pattern(), false, null, null, null));
                }
                case YYYY -> number(out, displayYear, 4, element);
                case YYY -> number(out, displayYear % 1000, 3, element);
                case YY -> number(out, displayYear % 100, 2, element);
                case Y -> number(out, displayYear % 10, 1, element);
                case IYYY -> number(out, DateField.isoYear(day), 4, element);
                case IW -> number(out, DateField.isoWeek(day), 2, element);
                case ID -> number(out, DateField.isoDayOfWeek(day), 1, element);
                case MONTH -> name(out, MONTHS[month - 1], element);
                case MON -> out.append(DateTemplate.applyCasing(MONTHS[month - 1].substring(0, 3), element.casing()));
                case MM -> number(out, month, 2, element);
                case DAY -> name(out, DAYS[CivilCalendar.dayOfWeek(day)], element);
                case DY -> out.append(DateTemplate.applyCasing(DAYS[CivilCalendar.dayOfWeek(day)].substring(0, 3), element.casing()));
                case DDD -> number(out, CivilCalendar.dayOfYear(day), 3, element);
                case DD -> number(out, dayOfMonth, 2, element);
                case D -> number(out, CivilCalendar.dayOfWeek(day) + 1, 1, element);
                case WW -> number(out, (CivilCalendar.dayOfYear(day) - 1) / 7 + 1, 2, element);
                case W -> number(out, (dayOfMonth - 1) / 7 + 1, 1, element);
                case Q -> number(out, (month + 2) / 3, 1, element);
                case CC -> number(out, DateField.CENTURY.dateField(day), 2, element);
                case J -> number(out, day + JULIAN_EPOCH, 1, element);
                default -> throw ExpressionErrors.notSupported("the template pattern " + element.pattern().text + " in to_char");
            }
        }
        return out.toString();
    }

    private static void number(StringBuilder out, long value, int width, DateTemplate.Element element) {
        String digits = Long.toString(Math.abs(value));
        if (value < 0) {
            out.append('-');
        }
        if (!element.fillMode()) {
            out.append("0".repeat(Math.max(0, width - digits.length())));
        }
        out.append(digits);
        if (element.ordinalSuffix() != null) {
            String suffix = ordinalSuffix(Math.abs(value));
            out.append(Character.isUpperCase(element.ordinalSuffix().charAt(0)) ? suffix.toUpperCase(java.util.Locale.ROOT) : suffix);
        }
    }

    static String ordinalSuffix(long value) {
        long lastTwo = value % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch ((int) (value % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static void name(StringBuilder out, String name, DateTemplate.Element element) {
        out.append(DateTemplate.applyCasing(name, element.casing()));
        if (!element.fillMode()) {
            out.append(" ".repeat(NAME_WIDTH - name.length()));
        }
    }

    static String monthName(int month) {
        return MONTHS[month - 1];
    }

    static String dayName(int dayOfWeek) {
        return DAYS[dayOfWeek];
    }
}
