package io.basalt.execution.expression;

/**
 * The scalar functions execution implements. Unless a line says otherwise a function returns NULL when any
 * argument is NULL ("strict"). Argument types are exactly as the optimizer typed them; where a function
 * needs equal argument types (comparisons, COALESCE, CASE branches, IN), the optimizer has cast them.
 */
public enum Function {
    // Arithmetic on integers, DECIMAL (exact, overflow raises SQLSTATE 22003; the result scale is the
    // call type's scale, rounding half away from zero), REAL/DOUBLE. Division by zero raises 22012.
    ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, NEGATE, ABS,
    // Comparisons of two arguments of one type; strings compare by UTF-8 bytes (code point order).
    EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
    /** Never NULL: NULLs are equal to each other and distinct from values. */
    IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM,
    /**
     * {@code IN(value, c1, c2, …)}: constants after the first argument. TRUE if equal to one, else NULL if
     * the value or any constant is NULL, else FALSE (SQL's three-valued IN).
     */
    IN,
    // Boolean logic with SQL's three-valued semantics (FALSE AND NULL = FALSE, TRUE OR NULL = TRUE); any
    // number of arguments for AND and OR.
    AND, OR, NOT,
    /** Never NULL. */
    IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE,
    /**
     * {@code CASE(when1, then1, when2, then2, …, else)}: the first {@code then} whose {@code when} is TRUE,
     * else the {@code else} (always present; the optimizer passes a NULL literal when the query has none).
     * Not strict; only the chosen branch's errors (e.g. division by zero) may surface.
     */
    CASE,
    /** First non-NULL argument; not strict. */
    COALESCE,
    /** {@code NULLIF(a, b)}: NULL if a = b, else a. */
    NULLIF,
    /**
     * Conversion to the call's type: between all numeric types (DECIMAL rounding half away from zero,
     * overflow 22003), to and from VARCHAR/CHAR (invalid text 22P02 / 22007), DATE ↔ TIMESTAMP, BOOLEAN ↔
     * text. To VARCHAR(n) truncates silently (SQL's explicit-cast rule); CHAR(n) values are not padded.
     */
    CAST,
    // Strings (UTF-8; positions and lengths count code points).
    /** {@code LIKE(value, pattern[, escape])} with {@code %} and {@code _}. */
    LIKE,
    /** {@code CONCAT(a, b, …)}, also {@code ||}; strict (NULL in, NULL out) as in standard SQL. */
    CONCAT,
    /** {@code SUBSTRING(value, start[, length])}, 1-based as in SQL. */
    SUBSTRING,
    UPPER, LOWER,
    /** {@code TRIM_BOTH/LEADING/TRAILING(value, characters)}. */
    TRIM_BOTH, TRIM_LEADING, TRIM_TRAILING,
    CHAR_LENGTH,
    /** {@code POSITION(needle, haystack)}: 1-based, 0 when absent. */
    POSITION,
    REPLACE,
    /** {@code LPAD/RPAD(value, length[, fill])}: fill defaults to a blank; a longer value is cut to {@code length}. */
    LPAD, RPAD,
    /** {@code SPLIT_PART(value, delimiter, n)}: the n-th field (negative n counts from the end); '' beyond the fields. */
    SPLIT_PART,
    /** {@code STARTS_WITH(value, prefix)}: BOOLEAN. */
    STARTS_WITH,
    /** {@code LEFT/RIGHT(value, n)}: the first/last n characters; a negative n means all but the last/first |n|. */
    LEFT, RIGHT,
    /** {@code REPEAT(value, n)}: n copies ('' for n below 1). */
    REPEAT,
    REVERSE,
    /** Upper case after every non-alphanumeric character, lower case elsewhere (PostgreSQL's initcap). */
    INITCAP,
    /** {@code CONCAT_WS(separator, a, b, …)}: NULL only when the separator is; NULL values are skipped. Not strict. */
    CONCAT_WS,
    /** PostgreSQL's {@code concat(a, b, …)}: NULL arguments count as ''; never NULL. Not strict. */
    CONCAT_IGNORING_NULLS,
    /** Bytes of the UTF-8 encoding. */
    OCTET_LENGTH,
    /** Code point of the first character (0 for ''). */
    ASCII,
    /** {@code CHR(code point)}: 0 and values outside Unicode are 54000, negative ones 22023. */
    CHR,
    /** Hexadecimal MD5 digest of the UTF-8 bytes. */
    MD5,
    /**
     * {@code REGEXP_LIKE(value, pattern[, flags])}: BOOLEAN, whether the POSIX-style pattern matches anywhere
     * ({@code ~}, {@code ~*} is flag 'i'). Patterns are java.util.regex patterns; flags i (case-insensitive), c, n, s, x.
     */
    REGEXP_LIKE,
    /** {@code REGEXP_REPLACE(value, pattern, replacement[, flags])}: the first match, every one with flag 'g'; \1 … \9 and \& refer to groups. */
    REGEXP_REPLACE,
    /** {@code REGEXP_COUNT(value, pattern[, start[, flags]])}: non-overlapping matches. */
    REGEXP_COUNT,
    /** {@code REGEXP_SUBSTR(value, pattern[, start[, n[, flags[, group]]]])}: the n-th match or its group, else NULL. */
    REGEXP_SUBSTR,
    /**
     * {@code SUBSTRING_REGEX(value, pattern)}: PostgreSQL's {@code substring(value FROM pattern)}, the text the first
     * parenthesized group matched if the pattern has one, else the whole first match; NULL when there is none.
     */
    SUBSTRING_REGEX,
    /**
     * {@code SUBSTRING_SIMILAR(value, pattern, escape)}: {@code substring(value FROM pattern FOR escape)}, the text
     * the part of a SQL regular expression between the two escape-double-quote separators matched when the whole
     * pattern matches the whole value; NULL otherwise ({@link SimilarPatterns}).
     */
    SUBSTRING_SIMILAR,
    /** {@code SIMILAR_TO(value, pattern, escape)}: BOOLEAN, whether the SQL regular expression matches the whole value. */
    SIMILAR_TO,
    // Date and time. EXTRACT_* take DATE or TIMESTAMP (hour/minute/second also TIME) and return BIGINT
    // (EXTRACT_SECOND returns DECIMAL(8,6) seconds with fraction when the call type says so).
    EXTRACT_YEAR, EXTRACT_QUARTER, EXTRACT_MONTH, EXTRACT_DAY,
    /** Sunday = 0 … Saturday = 6, as PostgreSQL's and DuckDB's {@code dow} (Calcite's DOW is this plus one). */
    EXTRACT_DAY_OF_WEEK,
    EXTRACT_DAY_OF_YEAR, EXTRACT_HOUR, EXTRACT_MINUTE, EXTRACT_SECOND,
    /**
     * {@code EXTRACT_EPOCH(date, timestamp or time)}: seconds since 1970-01-01 00:00 (of the day for a TIME) as a
     * DECIMAL at the call's scale, exact: PostgreSQL's numeric {@code EXTRACT(EPOCH …)}, which keeps fractions.
     */
    EXTRACT_EPOCH,
    /** {@code ADD_DAYS(date or timestamp, BIGINT days)}. */
    ADD_DAYS,
    /** {@code ADD_MONTHS(date or timestamp, BIGINT months)}: clamps to the month's last day (Jan 31 + 1 month = Feb 28/29). */
    ADD_MONTHS,
    /** {@code ADD_MICROSECONDS(timestamp or time, BIGINT micros)}. */
    ADD_MICROSECONDS,
    /**
     * {@code DATE_PART(field, date or timestamp or time)}: DOUBLE, PostgreSQL's date_part. The field is a constant
     * text ('year', 'epoch', 'isodow', …, in any case, PostgreSQL's plural and abbreviated spellings too).
     */
    DATE_PART,
    /** {@code DATE_TRUNC(unit, date or timestamp)}: TIMESTAMP truncated to the constant unit (microseconds … millennium). */
    DATE_TRUNC,
    /** {@code DAYS_BETWEEN(date, date)}: INTEGER days, PostgreSQL's {@code date - date}. */
    DAYS_BETWEEN,
    /** {@code MAKE_DATE(year, month, day)}: a year below 1 counts BC as PostgreSQL's (-1 is 1 BC); invalid fields are 22008. */
    MAKE_DATE,
    /** {@code MAKE_TIMESTAMP(year, month, day, hour, minute, DOUBLE seconds)}. */
    MAKE_TIMESTAMP,
    /** {@code TO_CHAR(date, timestamp or number, format)}: PostgreSQL's template patterns (see DateTimeFormat and NumberFormat). */
    TO_CHAR,
    /** {@code TO_DATE(text, format)}: the fields the format names, the rest from 0001-01-01. */
    TO_DATE,
    // Math on DOUBLE unless noted; ROUND/FLOOR/CEIL also on DECIMAL (result type from the call).
    ROUND, FLOOR, CEIL, POWER, SQRT, LN, EXP,
    // Math on DOUBLE with PostgreSQL's domain errors (2201E for logarithms, 22003 outside [-1, 1] for ASIN/ACOS).
    LOG10, CBRT, DEGREES, RADIANS, SIN, COS, TAN, COT, ASIN, ACOS, ATAN,
    /** {@code ATAN2(y, x)}. */
    ATAN2,
    /** {@code LOG(base, x)}: logarithm of x to the base. */
    LOG,
    /** -1, 0 or 1 as the argument's type (any numeric). */
    SIGN,
    /** {@code TRUNC(x[, digits])}: towards zero; on DECIMAL or DOUBLE (result type from the call). */
    TRUNC,
    /** {@code DIV(a, b)}: the integer quotient truncated towards zero, of integers or DECIMALs (a DECIMAL of scale 0). */
    DIV,
    /** {@code GCD/LCM(a, b)} of integers: never negative; LCM overflow is 22003. */
    GCD, LCM,
    /** {@code GREATEST/LEAST(a, b, …)} of one type: NULL arguments are ignored, NULL only when all are. Not strict. */
    GREATEST, LEAST,
    /** {@code RANDOM()}: a new DOUBLE in [0, 1) for every row; never folded into a constant. */
    RANDOM
}
