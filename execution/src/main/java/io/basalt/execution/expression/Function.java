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
    // Date and time. EXTRACT_* take DATE or TIMESTAMP (hour/minute/second also TIME) and return BIGINT
    // (EXTRACT_SECOND returns DECIMAL(8,6) seconds with fraction when the call type says so).
    EXTRACT_YEAR, EXTRACT_QUARTER, EXTRACT_MONTH, EXTRACT_DAY,
    /** Sunday = 0 … Saturday = 6, as PostgreSQL's and DuckDB's {@code dow} (Calcite's DOW is this plus one). */
    EXTRACT_DAY_OF_WEEK,
    EXTRACT_DAY_OF_YEAR, EXTRACT_HOUR, EXTRACT_MINUTE, EXTRACT_SECOND,
    /** {@code ADD_DAYS(date or timestamp, BIGINT days)}. */
    ADD_DAYS,
    /** {@code ADD_MONTHS(date or timestamp, BIGINT months)}: clamps to the month's last day (Jan 31 + 1 month = Feb 28/29). */
    ADD_MONTHS,
    /** {@code ADD_MICROSECONDS(timestamp or time, BIGINT micros)}. */
    ADD_MICROSECONDS,
    // Math on DOUBLE unless noted; ROUND/FLOOR/CEIL also on DECIMAL (result type from the call).
    ROUND, FLOOR, CEIL, POWER, SQRT, LN, EXP
}
