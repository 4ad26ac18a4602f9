package io.basalt.jdbc.spi;

/**
 * A NULL parameter whose SQL type the application named ({@code setNull(i, Types.INTEGER)},
 * {@code setString(i, null)}, …), so a session can type the parameter without a value. An untyped NULL
 * ({@code setObject(i, null)}) reaches the session as plain {@code null}.
 */
public final class TypedNull {

    private final int sqlType;

    private TypedNull(int sqlType) {
        this.sqlType = sqlType;
    }

    /** A NULL of {@link java.sql.Types} code {@code sqlType} (any code; the session decides what it accepts). */
    public static TypedNull of(int sqlType) {
        return new TypedNull(sqlType);
    }

    /** The {@link java.sql.Types} code. */
    public int sqlType() {
        return sqlType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypedNull && ((TypedNull) other).sqlType == sqlType;
    }

    @Override
    public int hashCode() {
        return sqlType;
    }

    @Override
    public String toString() {
        BasaltType type = BasaltType.ofSqlType(sqlType);
        return "NULL::" + (type == null ? "java.sql.Types(" + sqlType + ")" : type.typeName());
    }
}
