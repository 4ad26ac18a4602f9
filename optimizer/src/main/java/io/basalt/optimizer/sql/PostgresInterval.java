package io.basalt.optimizer.sql;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interval written as PostgreSQL reads interval text: {@code '1 month'}, {@code '3 days'}, {@code '1 year 2 months'},
 * {@code '2 hours 30 minutes'}, {@code '1 day 02:30:00'}, {@code '-1.5 hours'}, {@code '2 weeks ago'}, a bare number of
 * seconds ({@code '90'}), and the abbreviations PostgreSQL accepts ({@code mon}, {@code hr}, {@code min}, …).
 * Like PostgreSQL's interval it has three parts that do not convert into each other: months, days and microseconds.
 *
 * <p>Fractions spread to the smaller parts as in PostgreSQL: a fraction of a year is rounded to whole months, a
 * fraction of a month is days of 30 (and then seconds), a fraction of a day or week is seconds.
 */
record PostgresInterval(long months, long days, long microseconds) {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int DAYS_PER_MONTH = 30;
    /** Digits of the leading field: Calcite's largest, so that {@code '100 hours'} fits. */
    private static final int LEADING_PRECISION = 10;

    /** What one of a unit is: months, days or microseconds. */
    private enum Part { MONTHS, DAYS, MICROSECONDS }

    /** A unit: how many of its part one of it is. */
    private record Unit(Part part, long amount) {
    }

    private static final Map<String, Unit> UNITS = units();

    /** A number and the unit right after it ({@code 3 days}, {@code 3days}, {@code -1.5h}). */
    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*([a-z]*)");
    /** {@code [-]years-months}, SQL's year-month interval text. */
    private static final Pattern YEARS_MONTHS = Pattern.compile("([+-])?(\\d+)-(\\d+)");
    /** {@code [-]h:m[:s[.fraction]]}. */
    private static final Pattern TIME = Pattern.compile("([+-])?(\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?");

    private static Map<String, Unit> units() {
        Unit year = new Unit(Part.MONTHS, 12);
        Unit month = new Unit(Part.MONTHS, 1);
        Unit week = new Unit(Part.DAYS, 7);
        Unit day = new Unit(Part.DAYS, 1);
        Unit hour = new Unit(Part.MICROSECONDS, 3600 * MICROS_PER_SECOND);
        Unit minute = new Unit(Part.MICROSECONDS, 60 * MICROS_PER_SECOND);
        Unit second = new Unit(Part.MICROSECONDS, MICROS_PER_SECOND);
        Unit millisecond = new Unit(Part.MICROSECONDS, 1000);
        Unit microsecond = new Unit(Part.MICROSECONDS, 1);
        return Map.ofEntries(
                Map.entry("millennium", new Unit(Part.MONTHS, 12_000)), Map.entry("millennia", new Unit(Part.MONTHS, 12_000)),
                Map.entry("millenniums", new Unit(Part.MONTHS, 12_000)), Map.entry("mil", new Unit(Part.MONTHS, 12_000)),
                Map.entry("mils", new Unit(Part.MONTHS, 12_000)),
                Map.entry("century", new Unit(Part.MONTHS, 1200)), Map.entry("centuries", new Unit(Part.MONTHS, 1200)),
                Map.entry("cent", new Unit(Part.MONTHS, 1200)), Map.entry("c", new Unit(Part.MONTHS, 1200)),
                Map.entry("decade", new Unit(Part.MONTHS, 120)), Map.entry("decades", new Unit(Part.MONTHS, 120)),
                Map.entry("dec", new Unit(Part.MONTHS, 120)), Map.entry("decs", new Unit(Part.MONTHS, 120)),
                Map.entry("year", year), Map.entry("years", year), Map.entry("y", year), Map.entry("yr", year),
                Map.entry("yrs", year),
                Map.entry("month", month), Map.entry("months", month), Map.entry("mon", month), Map.entry("mons", month),
                Map.entry("week", week), Map.entry("weeks", week), Map.entry("w", week),
                Map.entry("day", day), Map.entry("days", day), Map.entry("d", day),
                Map.entry("hour", hour), Map.entry("hours", hour), Map.entry("h", hour), Map.entry("hr", hour),
                Map.entry("hrs", hour),
                Map.entry("minute", minute), Map.entry("minutes", minute), Map.entry("m", minute),
                Map.entry("min", minute), Map.entry("mins", minute),
                Map.entry("second", second), Map.entry("seconds", second), Map.entry("s", second),
                Map.entry("sec", second), Map.entry("secs", second),
                Map.entry("millisecond", millisecond), Map.entry("milliseconds", millisecond),
                Map.entry("ms", millisecond), Map.entry("msec", millisecond), Map.entry("msecs", millisecond),
                Map.entry("microsecond", microsecond), Map.entry("microseconds", microsecond),
                Map.entry("us", microsecond), Map.entry("usec", microsecond), Map.entry("usecs", microsecond));
    }

    /**
     * The interval {@code text} means, or empty if PostgreSQL would not read it as an interval.
     *
     * @throws ArithmeticException if a part is too large for 64 bits
     */
    static Optional<PostgresInterval> parse(String text) {
        String rest = text.strip().toLowerCase(Locale.ROOT);
        if (rest.startsWith("@")) {
            rest = rest.substring(1).strip();
        }
        boolean ago = false;
        if (rest.endsWith(" ago") || rest.equals("ago")) {
            ago = true;
            rest = rest.substring(0, rest.length() - 3).strip();
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        Accumulator sum = new Accumulator();
        int position = 0;
        while (position < rest.length()) {
            if (Character.isWhitespace(rest.charAt(position))) {
                position++;
                continue;
            }
            Matcher time = TIME.matcher(rest).region(position, rest.length());
            Matcher quantity = QUANTITY.matcher(rest).region(position, rest.length());
            Matcher yearsMonths = YEARS_MONTHS.matcher(rest).region(position, rest.length());
            if (yearsMonths.lookingAt() && endsToken(rest, yearsMonths.end())) {
                BigDecimal total = new BigDecimal(yearsMonths.group(2)).multiply(BigDecimal.valueOf(12))
                        .add(new BigDecimal(yearsMonths.group(3)));
                sum.add("-".equals(yearsMonths.group(1)) ? total.negate() : total, UNITS.get("month"));
                position = yearsMonths.end();
            } else if (time.lookingAt() && endsToken(rest, time.end())) {
                sum.addTime(time);
                position = time.end();
            } else if (quantity.lookingAt() && endsToken(rest, quantity.end())) {
                Unit unit = quantity.group(2).isEmpty() ? UNITS.get("second") : UNITS.get(quantity.group(2));
                if (unit == null) {
                    return Optional.empty();
                }
                sum.add(new BigDecimal(quantity.group(1)), unit);
                position = quantity.end();
            } else {
                return Optional.empty();
            }
        }
        PostgresInterval interval = sum.interval();
        return Optional.of(ago ? interval.negated() : interval);
    }

    private static boolean endsToken(String text, int end) {
        return end == text.length() || Character.isWhitespace(text.charAt(end));
    }

    private PostgresInterval negated() {
        return new PostgresInterval(-months, -days, -microseconds);
    }

    /**
     * Calcite's interval constant of the same length: months as a year-month interval, whole days as a DAY interval,
     * anything with time as seconds (Basalt's timestamps have no time zone, so a day is always 24 hours). Empty if
     * it has months and also days or time, which no one Basalt interval type holds, or fractions of milliseconds,
     * which Calcite's day-time intervals do not keep.
     */
    /** Whether the interval has months and also days or time, which no one Calcite interval type can hold. */
    boolean mixesMonthsAndDays() {
        return months != 0 && (days != 0 || microseconds != 0);
    }

    /** The months alone ({@code '1 month 3 days'}: {@code '1 month'}). */
    PostgresInterval monthsPart() {
        return new PostgresInterval(months, 0, 0);
    }

    /** The days and time alone ({@code '1 month 3 days'}: {@code '3 days'}). */
    PostgresInterval dayTimePart() {
        return new PostgresInterval(0, days, microseconds);
    }

    Optional<SqlLiteral> toLiteral(SqlParserPos position) {
        if (mixesMonthsAndDays() || microseconds % 1000 != 0) {
            return Optional.empty();
        }
        if (months != 0) {
            return Optional.of(literal(BigDecimal.valueOf(months), TimeUnit.MONTH, -1, position));
        }
        if (microseconds == 0) {
            return Optional.of(literal(BigDecimal.valueOf(days), TimeUnit.DAY, -1, position));
        }
        // Parts of different signs ('1 day -2 hours') add up to the total.
        BigDecimal seconds = BigDecimal.valueOf(days).multiply(BigDecimal.valueOf(SECONDS_PER_DAY))
                .add(BigDecimal.valueOf(microseconds).movePointLeft(6));
        return Optional.of(literal(seconds, TimeUnit.SECOND, 6, position));
    }

    private static SqlLiteral literal(BigDecimal amount, TimeUnit unit, int fractionDigits, SqlParserPos position) {
        return SqlLiteral.createInterval(amount.signum() < 0 ? -1 : 1, amount.abs().toPlainString(),
                new SqlIntervalQualifier(unit, LEADING_PRECISION, null, fractionDigits, position), position);
    }

    /** The parts added up so far, with PostgreSQL's spreading of fractions. */
    private static final class Accumulator {
        private long months;
        private long days;
        private BigDecimal microseconds = BigDecimal.ZERO;

        void add(BigDecimal quantity, Unit unit) {
            BigDecimal amount = quantity.multiply(BigDecimal.valueOf(unit.amount()));
            switch (unit.part()) {
                case MONTHS -> {
                    // PostgreSQL: a fraction of a year (decade, …) is rounded to months; a fraction of a month is days.
                    BigDecimal whole = unit.amount() == 1 ? truncated(amount) : amount.setScale(0, RoundingMode.HALF_EVEN);
                    months = Math.addExact(months, whole.longValueExact());
                    addDays(amount.subtract(whole).multiply(BigDecimal.valueOf(DAYS_PER_MONTH)));
                }
                case DAYS -> addDays(amount);
                case MICROSECONDS -> microseconds = microseconds.add(amount);
            }
        }

        private void addDays(BigDecimal amount) {
            BigDecimal whole = truncated(amount);
            days = Math.addExact(days, whole.longValueExact());
            microseconds = microseconds.add(amount.subtract(whole)
                    .multiply(BigDecimal.valueOf(SECONDS_PER_DAY * MICROS_PER_SECOND)));
        }

        void addTime(Matcher time) {
            BigDecimal seconds = BigDecimal.valueOf(Long.parseLong(time.group(2)) * 3600 + Long.parseLong(time.group(3)) * 60);
            if (time.group(4) != null) {
                seconds = seconds.add(new BigDecimal(time.group(4)));
            }
            BigDecimal micros = seconds.multiply(BigDecimal.valueOf(MICROS_PER_SECOND));
            microseconds = microseconds.add("-".equals(time.group(1)) ? micros.negate() : micros);
        }

        private static BigDecimal truncated(BigDecimal value) {
            return value.setScale(0, RoundingMode.DOWN);
        }

        PostgresInterval interval() {
            return new PostgresInterval(months, days, microseconds.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        }
    }
}
