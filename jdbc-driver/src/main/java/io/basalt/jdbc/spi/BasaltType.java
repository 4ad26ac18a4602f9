package io.basalt.jdbc.spi;

import java.sql.Types;

/**
 * The SQL types a result column or parameter can have, with the {@link java.sql.Types} code a JDBC
 * application sees, the Java class {@code getObject} returns, and the {@link BatchColumn} that carries the
 * values in a {@link ResultBatch}:
 *
 * <table>
 * <caption>Representation of each type in a batch</caption>
 * <tr><th>type</th><th>batch column</th><th>value</th></tr>
 * <tr><td>BOOLEAN</td><td>{@link BooleanColumn}</td><td>the boolean</td></tr>
 * <tr><td>TINYINT, SMALLINT, INTEGER, BIGINT</td><td>{@link LongColumn}</td><td>the integer</td></tr>
 * <tr><td>DECIMAL, NUMERIC</td><td>{@link DecimalColumn} (precision up to 18) or
 *     {@link WideDecimalColumn} (19 to 38)</td><td>the unscaled integer; the column carries the scale</td></tr>
 * <tr><td>REAL, FLOAT, DOUBLE</td><td>{@link DoubleColumn}</td><td>the double (a REAL holds a float's value)</td></tr>
 * <tr><td>CHAR, VARCHAR</td><td>{@link TextColumn}</td><td>UTF-8 bytes</td></tr>
 * <tr><td>DATE</td><td>{@link LongColumn}</td><td>days since 1970-01-01</td></tr>
 * <tr><td>TIME</td><td>{@link LongColumn}</td><td>microseconds since midnight</td></tr>
 * <tr><td>TIMESTAMP</td><td>{@link LongColumn}</td><td>microseconds since 1970-01-01T00:00:00, without time zone</td></tr>
 * <tr><td>NULL</td><td>{@link NullColumn}</td><td>none (every row is NULL, e.g. {@code SELECT NULL})</td></tr>
 * </table>
 *
 * <p>These are exactly Basalt's storage types (see {@code io.basalt.storage.type.TypeKind}), so the server
 * hands its column vectors over without converting values.
 */
public enum BasaltType {
    BOOLEAN(Types.BOOLEAN, "BOOLEAN", "java.lang.Boolean", 1, 5, false),
    TINYINT(Types.TINYINT, "TINYINT", "java.lang.Integer", 3, 4, true),
    SMALLINT(Types.SMALLINT, "SMALLINT", "java.lang.Integer", 5, 6, true),
    INTEGER(Types.INTEGER, "INTEGER", "java.lang.Integer", 10, 11, true),
    BIGINT(Types.BIGINT, "BIGINT", "java.lang.Long", 19, 20, true),
    /** Precision and scale come from the column; the defaults here are DECIMAL(38,0)'s. */
    DECIMAL(Types.DECIMAL, "DECIMAL", "java.math.BigDecimal", 38, 40, true),
    NUMERIC(Types.NUMERIC, "NUMERIC", "java.math.BigDecimal", 38, 40, true),
    REAL(Types.REAL, "REAL", "java.lang.Float", 8, 15, true),
    /** JDBC's FLOAT is double precision. */
    FLOAT(Types.FLOAT, "FLOAT", "java.lang.Double", 17, 25, true),
    DOUBLE(Types.DOUBLE, "DOUBLE", "java.lang.Double", 17, 25, true),
    /** The length comes from the column; unbounded text reports {@link Integer#MAX_VALUE}. */
    CHAR(Types.CHAR, "CHAR", "java.lang.String", Integer.MAX_VALUE, Integer.MAX_VALUE, false),
    VARCHAR(Types.VARCHAR, "VARCHAR", "java.lang.String", Integer.MAX_VALUE, Integer.MAX_VALUE, false),
    /** {@code yyyy-mm-dd}. */
    DATE(Types.DATE, "DATE", "java.sql.Date", 10, 10, false),
    /** {@code hh:mm:ss.ffffff}. */
    TIME(Types.TIME, "TIME", "java.sql.Time", 15, 15, false),
    /** {@code yyyy-mm-dd hh:mm:ss.ffffff}. */
    TIMESTAMP(Types.TIMESTAMP, "TIMESTAMP", "java.sql.Timestamp", 26, 26, false),
    NULL(Types.NULL, "NULL", "java.lang.Object", 0, 4, false);

    private final int sqlType;
    private final String typeName;
    private final String javaClassName;
    private final int defaultPrecision;
    private final int defaultDisplaySize;
    private final boolean signed;

    BasaltType(int sqlType, String typeName, String javaClassName, int defaultPrecision, int defaultDisplaySize,
            boolean signed) {
        this.sqlType = sqlType;
        this.typeName = typeName;
        this.javaClassName = javaClassName;
        this.defaultPrecision = defaultPrecision;
        this.defaultDisplaySize = defaultDisplaySize;
        this.signed = signed;
    }

    /** The type of a {@link java.sql.Types} code, or null when Basalt has no such type. */
    public static BasaltType ofSqlType(int sqlType) {
        for (BasaltType type : values()) {
            if (type.sqlType == sqlType) {
                return type;
            }
        }
        return null;
    }

    /** The {@link java.sql.Types} code. */
    public int sqlType() {
        return sqlType;
    }

    /** The SQL spelling without parameters. */
    public String typeName() {
        return typeName;
    }

    /** The class {@code ResultSet.getObject} returns for a value of this type (JDBC 4.2, table B-3). */
    public String javaClassName() {
        return javaClassName;
    }

    /** Precision in decimal digits (numbers), characters (text and date-times), or 1 for BOOLEAN. */
    public int defaultPrecision() {
        return defaultPrecision;
    }

    /** The most characters a value's text takes. */
    public int defaultDisplaySize() {
        return defaultDisplaySize;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isDecimal() {
        return this == DECIMAL || this == NUMERIC;
    }

    public boolean isText() {
        return this == CHAR || this == VARCHAR;
    }

    /** Whether the type's precision and display size depend on the column (DECIMAL, NUMERIC, CHAR, VARCHAR). */
    public boolean isParameterized() {
        return isDecimal() || isText();
    }

    /**
     * The scale of a type whose scale does not depend on the column: the digits of a second's fraction Basalt keeps
     * for TIME and TIMESTAMP (microseconds, as PostgreSQL), 0 for every other fixed type. DECIMAL's comes from the
     * column.
     */
    public int fixedScale() {
        return this == TIME || this == TIMESTAMP ? FRACTIONAL_SECOND_DIGITS : 0;
    }

    /** TIME and TIMESTAMP values are microseconds. */
    public static final int FRACTIONAL_SECOND_DIGITS = 6;
}
