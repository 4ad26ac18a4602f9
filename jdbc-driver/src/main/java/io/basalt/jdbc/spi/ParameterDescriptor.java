package io.basalt.jdbc.spi;

import java.sql.ParameterMetaData;

/**
 * What a session knows about one {@code ?} parameter of a prepared statement, as
 * {@link java.sql.ParameterMetaData} reports it. Every parameter is an input parameter.
 */
public final class ParameterDescriptor {

    private final BasaltType type;
    private final String typeName;
    private final int precision;
    private final int scale;
    private final int nullable;

    /**
     * @param sqlType a {@link java.sql.Types} code that {@link BasaltType} lists
     * @param precision digits of a DECIMAL, length of text; ignored (the type's default is used) for
     *     types with a fixed precision
     * @param scale digits after the point of a DECIMAL; other types have their {@link BasaltType#fixedScale()}
     * @param nullable {@link ParameterMetaData#parameterNoNulls}, {@link ParameterMetaData#parameterNullable}
     *     or {@link ParameterMetaData#parameterNullableUnknown}
     */
    public ParameterDescriptor(int sqlType, int precision, int scale, int nullable) {
        this.type = BasaltType.ofSqlType(sqlType);
        if (type == null) {
            throw new IllegalArgumentException("Basalt has no SQL type with java.sql.Types code " + sqlType);
        }
        if (nullable != ParameterMetaData.parameterNoNulls && nullable != ParameterMetaData.parameterNullable
                && nullable != ParameterMetaData.parameterNullableUnknown) {
            throw new IllegalArgumentException("nullable must be a ParameterMetaData constant, got " + nullable);
        }
        this.typeName = type.typeName();
        this.precision = type.isParameterized() ? precision : type.defaultPrecision();
        this.scale = type.isDecimal() ? scale : type.fixedScale();
        this.nullable = nullable;
    }

    public BasaltType type() {
        return type;
    }

    public int sqlType() {
        return type.sqlType();
    }

    public String typeName() {
        return typeName;
    }

    public int precision() {
        return precision;
    }

    public int scale() {
        return scale;
    }

    public int nullable() {
        return nullable;
    }

    @Override
    public String toString() {
        return typeName + (type.isDecimal() ? "(" + precision + "," + scale + ")" : "");
    }
}
