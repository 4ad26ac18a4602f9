package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.basalt.execution.expression.TestVectors.batch;
import static io.basalt.execution.expression.TestVectors.decimal;
import static io.basalt.execution.expression.TestVectors.evaluate;
import static io.basalt.execution.expression.TestVectors.vector;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function of the contract, through the public compiler, with arguments from columns: one row of
 * typical values, one row of all NULLs, and an empty batch. Guards the dispatch (no function left out) and
 * the NULL behaviour {@link Function} documents.
 */
class AllFunctionsTest {

    private static final LogicalType BIGINT = LogicalType.BIGINT;
    private static final LogicalType DOUBLE = LogicalType.DOUBLE;
    private static final LogicalType TEXT = LogicalType.TEXT;
    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;
    private static final LogicalType DATE = LogicalType.DATE;
    private static final LogicalType TIMESTAMP = LogicalType.TIMESTAMP;
    private static final LogicalType MONEY = LogicalType.decimal(15, 2);

    /** A function applied to columns of the given types, one row of values, and the expected results. */
    private record Sample(LogicalType result, List<LogicalType> types, List<Object> values, Object expected, Object expectedForNulls) {
    }

    private static Sample sample(LogicalType result, Object expected, Object... typesAndValues) {
        List<LogicalType> types = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < typesAndValues.length; i += 2) {
            types.add((LogicalType) typesAndValues[i]);
            values.add(typesAndValues[i + 1]);
        }
        return new Sample(result, types, values, expected, null);
    }

    private static Sample neverNull(Sample sample, Object expectedForNulls) {
        return new Sample(sample.result(), sample.types(), sample.values(), sample.expected(), expectedForNulls);
    }

    private static Map<Function, Sample> samples() {
        Map<Function, Sample> samples = new EnumMap<>(Function.class);
        samples.put(Function.ADD, sample(MONEY, decimal("3.50"), MONEY, decimal("1.25"), MONEY, decimal("2.25")));
        samples.put(Function.SUBTRACT, sample(BIGINT, -1L, BIGINT, 1L, BIGINT, 2L));
        samples.put(Function.MULTIPLY, sample(DOUBLE, 3.0, DOUBLE, 1.5, DOUBLE, 2.0));
        samples.put(Function.DIVIDE, sample(LogicalType.decimal(20, 6), decimal("0.333333"), MONEY, decimal("1.00"), MONEY, decimal("3.00")));
        samples.put(Function.MODULO, sample(BIGINT, 1L, BIGINT, 7L, BIGINT, 3L));
        samples.put(Function.NEGATE, sample(MONEY, decimal("-1.25"), MONEY, decimal("1.25")));
        samples.put(Function.ABS, sample(BIGINT, 4L, BIGINT, -4L));
        samples.put(Function.EQUAL, sample(BOOLEAN, true, TEXT, "é", TEXT, "é"));
        samples.put(Function.NOT_EQUAL, sample(BOOLEAN, false, BIGINT, 1L, BIGINT, 1L));
        samples.put(Function.LESS_THAN, sample(BOOLEAN, true, DATE, "1998-09-01", DATE, "1998-09-02"));
        samples.put(Function.LESS_THAN_OR_EQUAL, sample(BOOLEAN, true, DOUBLE, 1.0, DOUBLE, 1.0));
        samples.put(Function.GREATER_THAN, sample(BOOLEAN, false, MONEY, decimal("1.00"), MONEY, decimal("2.00")));
        samples.put(Function.GREATER_THAN_OR_EQUAL, sample(BOOLEAN, true, BOOLEAN, true, BOOLEAN, false));
        samples.put(Function.IS_DISTINCT_FROM, neverNull(sample(BOOLEAN, true, BIGINT, 1L, BIGINT, 2L), false));
        samples.put(Function.IS_NOT_DISTINCT_FROM, neverNull(sample(BOOLEAN, false, BIGINT, 1L, BIGINT, 2L), true));
        samples.put(Function.IN, sample(BOOLEAN, true, BIGINT, 2L, BIGINT, 2L));
        samples.put(Function.AND, sample(BOOLEAN, false, BOOLEAN, true, BOOLEAN, false));
        samples.put(Function.OR, sample(BOOLEAN, true, BOOLEAN, true, BOOLEAN, false));
        samples.put(Function.NOT, sample(BOOLEAN, false, BOOLEAN, true));
        samples.put(Function.IS_NULL, neverNull(sample(BOOLEAN, false, TEXT, "x"), true));
        samples.put(Function.IS_NOT_NULL, neverNull(sample(BOOLEAN, true, TEXT, "x"), false));
        samples.put(Function.IS_TRUE, neverNull(sample(BOOLEAN, true, BOOLEAN, true), false));
        samples.put(Function.IS_NOT_TRUE, neverNull(sample(BOOLEAN, false, BOOLEAN, true), true));
        samples.put(Function.IS_FALSE, neverNull(sample(BOOLEAN, false, BOOLEAN, true), false));
        samples.put(Function.IS_NOT_FALSE, neverNull(sample(BOOLEAN, true, BOOLEAN, true), true));
        samples.put(Function.CASE, sample(TEXT, "yes", BOOLEAN, true, TEXT, "yes", TEXT, "no"));
        samples.put(Function.COALESCE, sample(BIGINT, 1L, BIGINT, 1L, BIGINT, 2L));
        samples.put(Function.NULLIF, sample(BIGINT, 1L, BIGINT, 1L, BIGINT, 2L));
        samples.put(Function.CAST, sample(LogicalType.INTEGER, 12L, TEXT, " 12 "));
        samples.put(Function.LIKE, sample(BOOLEAN, true, TEXT, "PROMO X", TEXT, "PROMO%"));
        samples.put(Function.CONCAT, sample(TEXT, "ab", TEXT, "a", TEXT, "b"));
        samples.put(Function.SUBSTRING, sample(TEXT, "él", TEXT, "hélio", BIGINT, 2L, BIGINT, 2L));
        samples.put(Function.UPPER, sample(TEXT, "ÉA", TEXT, "éa"));
        samples.put(Function.LOWER, sample(TEXT, "éa", TEXT, "ÉA"));
        samples.put(Function.TRIM_BOTH, sample(TEXT, "a", TEXT, "xax", TEXT, "x"));
        samples.put(Function.TRIM_LEADING, sample(TEXT, "ax", TEXT, "xax", TEXT, "x"));
        samples.put(Function.TRIM_TRAILING, sample(TEXT, "xa", TEXT, "xax", TEXT, "x"));
        samples.put(Function.CHAR_LENGTH, sample(BIGINT, 2L, TEXT, "中文"));
        samples.put(Function.POSITION, sample(BIGINT, 2L, TEXT, "文", TEXT, "中文"));
        samples.put(Function.REPLACE, sample(TEXT, "a-b", TEXT, "a b", TEXT, " ", TEXT, "-"));
        samples.put(Function.EXTRACT_YEAR, sample(BIGINT, 1998L, DATE, "1998-09-02"));
        samples.put(Function.EXTRACT_QUARTER, sample(BIGINT, 3L, DATE, "1998-09-02"));
        samples.put(Function.EXTRACT_MONTH, sample(BIGINT, 9L, DATE, "1998-09-02"));
        samples.put(Function.EXTRACT_DAY, sample(BIGINT, 2L, DATE, "1998-09-02"));
        samples.put(Function.EXTRACT_DAY_OF_WEEK, sample(BIGINT, 3L, DATE, "1998-09-02"));
        samples.put(Function.EXTRACT_DAY_OF_YEAR, sample(BIGINT, 245L, DATE, "1998-09-02"));
        samples.put(Function.EXTRACT_HOUR, sample(BIGINT, 13L, TIMESTAMP, "1998-09-02 13:14:15"));
        samples.put(Function.EXTRACT_MINUTE, sample(BIGINT, 14L, TIMESTAMP, "1998-09-02 13:14:15"));
        samples.put(Function.EXTRACT_SECOND, sample(BIGINT, 15L, TIMESTAMP, "1998-09-02 13:14:15"));
        samples.put(Function.EXTRACT_EPOCH, sample(LogicalType.decimal(18, 6), decimal("904742055.500000"), TIMESTAMP,
                "1998-09-02 13:14:15.5"));
        samples.put(Function.ADD_DAYS, sample(DATE, LocalDate.of(1998, 9, 2), DATE, "1998-12-01", BIGINT, -90L));
        samples.put(Function.ADD_MONTHS, sample(DATE, LocalDate.of(1998, 2, 28), DATE, "1998-01-31", BIGINT, 1L));
        samples.put(Function.ADD_MICROSECONDS, sample(TIMESTAMP, java.time.LocalDateTime.of(1998, 9, 2, 0, 0, 1), TIMESTAMP,
                "1998-09-02 00:00:00", BIGINT, 1_000_000L));
        samples.put(Function.ROUND, sample(MONEY, decimal("1.30"), MONEY, decimal("1.25"), BIGINT, 1L));
        samples.put(Function.FLOOR, sample(DOUBLE, -2.0, DOUBLE, -1.5));
        samples.put(Function.CEIL, sample(LogicalType.decimal(15, 0), new BigDecimal("2"), MONEY, decimal("1.25")));
        samples.put(Function.POWER, sample(DOUBLE, 8.0, DOUBLE, 2.0, DOUBLE, 3.0));
        samples.put(Function.SQRT, sample(DOUBLE, 3.0, DOUBLE, 9.0));
        samples.put(Function.LN, sample(DOUBLE, 0.0, DOUBLE, 1.0));
        samples.put(Function.EXP, sample(DOUBLE, 1.0, DOUBLE, 0.0));
        samples.put(Function.LPAD, sample(TEXT, "**ab", TEXT, "ab", BIGINT, 4L, TEXT, "*"));
        samples.put(Function.RPAD, sample(TEXT, "ab**", TEXT, "ab", BIGINT, 4L, TEXT, "*"));
        samples.put(Function.SPLIT_PART, sample(TEXT, "b", TEXT, "a,b", TEXT, ",", BIGINT, 2L));
        samples.put(Function.STARTS_WITH, sample(BOOLEAN, true, TEXT, "abc", TEXT, "ab"));
        samples.put(Function.LEFT, sample(TEXT, "hé", TEXT, "hélio", BIGINT, 2L));
        samples.put(Function.RIGHT, sample(TEXT, "io", TEXT, "hélio", BIGINT, 2L));
        samples.put(Function.REPEAT, sample(TEXT, "abab", TEXT, "ab", BIGINT, 2L));
        samples.put(Function.REVERSE, sample(TEXT, "oilé", TEXT, "élio"));
        samples.put(Function.INITCAP, sample(TEXT, "Hello World", TEXT, "hello wORLD"));
        samples.put(Function.CONCAT_WS, sample(TEXT, "a,b", TEXT, ",", TEXT, "a", TEXT, "b"));
        samples.put(Function.CONCAT_IGNORING_NULLS, neverNull(sample(TEXT, "ab", TEXT, "a", TEXT, "b"), ""));
        samples.put(Function.OCTET_LENGTH, sample(BIGINT, 2L, TEXT, "é"));
        samples.put(Function.ASCII, sample(BIGINT, 233L, TEXT, "é"));
        samples.put(Function.CHR, sample(TEXT, "A", BIGINT, 65L));
        samples.put(Function.MD5, sample(TEXT, "900150983cd24fb0d6963f7d28e17f72", TEXT, "abc"));
        samples.put(Function.REGEXP_LIKE, sample(BOOLEAN, true, TEXT, "abc", TEXT, "b+"));
        samples.put(Function.REGEXP_REPLACE, sample(TEXT, "a-c", TEXT, "abc", TEXT, "b", TEXT, "-"));
        samples.put(Function.REGEXP_COUNT, sample(BIGINT, 2L, TEXT, "banana", TEXT, "an"));
        samples.put(Function.REGEXP_SUBSTR, sample(TEXT, "123", TEXT, "ab123", TEXT, "[0-9]+"));
        samples.put(Function.SUBSTRING_REGEX, sample(TEXT, "12", TEXT, "ab123", TEXT, "([0-9]{2})"));
        samples.put(Function.SUBSTRING_SIMILAR, sample(TEXT, "oob", TEXT, "foobar", TEXT, "%#\"o_b#\"%", TEXT, "#"));
        samples.put(Function.SIMILAR_TO, sample(BOOLEAN, true, TEXT, "abc", TEXT, "a%", TEXT, "\\"));
        samples.put(Function.DATE_PART, sample(DOUBLE, 1998.0, TEXT, "year", DATE, "1998-09-02"));
        samples.put(Function.DATE_TRUNC, sample(TIMESTAMP, LocalDateTime.of(1998, 9, 1, 0, 0), TEXT, "month", TIMESTAMP,
                "1998-09-02 13:14:15"));
        samples.put(Function.DAYS_BETWEEN, sample(LogicalType.INTEGER, 1L, DATE, "1998-09-02", DATE, "1998-09-01"));
        samples.put(Function.MAKE_DATE, sample(DATE, LocalDate.of(1998, 9, 2), BIGINT, 1998L, BIGINT, 9L, BIGINT, 2L));
        samples.put(Function.MAKE_TIMESTAMP, sample(TIMESTAMP, LocalDateTime.of(1998, 9, 2, 13, 14, 15, 500_000_000), BIGINT, 1998L,
                BIGINT, 9L, BIGINT, 2L, BIGINT, 13L, BIGINT, 14L, DOUBLE, 15.5));
        samples.put(Function.TO_CHAR, sample(TEXT, "1998-09-02", DATE, "1998-09-02", TEXT, "YYYY-MM-DD"));
        samples.put(Function.TO_DATE, sample(DATE, LocalDate.of(1998, 9, 2), TEXT, "02.09.1998", TEXT, "DD.MM.YYYY"));
        samples.put(Function.LOG10, sample(DOUBLE, 2.0, DOUBLE, 100.0));
        samples.put(Function.CBRT, sample(DOUBLE, 3.0, DOUBLE, 27.0));
        samples.put(Function.DEGREES, sample(DOUBLE, 180.0, DOUBLE, Math.PI));
        samples.put(Function.RADIANS, sample(DOUBLE, Math.PI, DOUBLE, 180.0));
        samples.put(Function.SIN, sample(DOUBLE, 0.0, DOUBLE, 0.0));
        samples.put(Function.COS, sample(DOUBLE, 1.0, DOUBLE, 0.0));
        samples.put(Function.TAN, sample(DOUBLE, 0.0, DOUBLE, 0.0));
        samples.put(Function.COT, sample(DOUBLE, 1.0 / Math.tan(1.0), DOUBLE, 1.0));
        samples.put(Function.ASIN, sample(DOUBLE, Math.PI / 2, DOUBLE, 1.0));
        samples.put(Function.ACOS, sample(DOUBLE, 0.0, DOUBLE, 1.0));
        samples.put(Function.ATAN, sample(DOUBLE, Math.PI / 4, DOUBLE, 1.0));
        samples.put(Function.ATAN2, sample(DOUBLE, Math.PI / 4, DOUBLE, 1.0, DOUBLE, 1.0));
        samples.put(Function.LOG, sample(DOUBLE, 3.0, DOUBLE, 10.0, DOUBLE, 1000.0));
        samples.put(Function.SIGN, sample(BIGINT, -1L, BIGINT, -5L));
        samples.put(Function.TRUNC, sample(LogicalType.decimal(15, 1), decimal("1.2"), MONEY, decimal("1.29"), BIGINT, 1L));
        samples.put(Function.DIV, sample(BIGINT, 2L, BIGINT, 9L, BIGINT, 4L));
        samples.put(Function.GCD, sample(BIGINT, 6L, BIGINT, 12L, BIGINT, 18L));
        samples.put(Function.LCM, sample(BIGINT, 12L, BIGINT, 4L, BIGINT, 6L));
        samples.put(Function.GREATEST, sample(BIGINT, 3L, BIGINT, 1L, BIGINT, 3L));
        samples.put(Function.LEAST, sample(TEXT, "a", TEXT, "b", TEXT, "a"));
        return samples;
    }

    @Test
    void everyFunctionHandlesValuesNullsAndEmptyBatches() {
        Map<Function, Sample> samples = samples();
        // RANDOM has no arguments and no predictable value: RandomFunctionTest covers it.
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Function.RANDOM)));
        for (Map.Entry<Function, Sample> entry : samples.entrySet()) {
            Function function = entry.getKey();
            Sample sample = entry.getValue();
            List<Expression> arguments = new ArrayList<>();
            List<ColumnVector> columns = new ArrayList<>();
            List<ColumnVector> empty = new ArrayList<>();
            for (int k = 0; k < sample.types().size(); k++) {
                LogicalType type = sample.types().get(k);
                arguments.add(new ColumnReference(k, type));
                columns.add(vector(type, sample.values().get(k), null));
                empty.add(vector(type));
            }
            Call call = new Call(function, arguments, sample.result());
            ColumnBatch input = batch(columns.toArray(new ColumnVector[0]));
            assertThat(evaluate(call, input)).as(function.name()).containsExactly(sample.expected(), sample.expectedForNulls());
            assertThat(evaluate(call, batch(empty.toArray(new ColumnVector[0])))).as(function + " on no rows").isEmpty();
        }
    }
}
