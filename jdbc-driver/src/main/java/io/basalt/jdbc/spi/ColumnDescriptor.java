package io.basalt.jdbc.spi;

import java.sql.ResultSetMetaData;
import java.util.Objects;

/**
 * One result column, as {@link java.sql.ResultSetMetaData} reports it. Built with {@link #builder}, which
 * fills the type's defaults (precision, display size, type name) so a session only states what varies:
 *
 * <pre>{@code
 * ColumnDescriptor.builder("l_extendedprice", Types.DECIMAL).precision(15).scale(2)
 *         .nullable(ResultSetMetaData.columnNoNulls).build();
 * ColumnDescriptor.builder("n_name", Types.CHAR).precision(25).build();
 * }</pre>
 */
public final class ColumnDescriptor {

    private final String name;
    private final String label;
    private final BasaltType type;
    private final String typeName;
    private final int precision;
    private final int scale;
    private final int nullable;
    private final int displaySize;
    private final String schemaName;
    private final String tableName;

    private ColumnDescriptor(Builder builder) {
        this.name = builder.name;
        this.label = builder.label == null ? builder.name : builder.label;
        this.type = builder.type;
        this.typeName = builder.typeName == null ? builder.type.typeName() : builder.typeName;
        this.precision = builder.precision;
        this.scale = builder.scale;
        this.nullable = builder.nullable;
        this.displaySize = builder.displaySize >= 0 ? builder.displaySize : defaultDisplaySize(builder);
        this.schemaName = builder.schemaName;
        this.tableName = builder.tableName;
    }

    private static int defaultDisplaySize(Builder builder) {
        if (builder.type.isDecimal()) {
            // sign, digits, and the decimal point when there is a fraction
            return builder.precision + 1 + (builder.scale > 0 ? 1 : 0);
        }
        if (builder.type.isText()) {
            return builder.precision;
        }
        return builder.type.defaultDisplaySize();
    }

    /**
     * Starts a descriptor for a column named {@code name} of SQL type {@code sqlType} (a
     * {@link java.sql.Types} code that {@link BasaltType} lists).
     *
     * @throws IllegalArgumentException when Basalt has no such type
     */
    public static Builder builder(String name, int sqlType) {
        BasaltType type = BasaltType.ofSqlType(sqlType);
        if (type == null) {
            throw new IllegalArgumentException("Basalt has no SQL type with java.sql.Types code " + sqlType
                    + " (column " + name + ")");
        }
        return new Builder(name, type);
    }

    /** The column's name in its table, or the expression's derived name. */
    public String name() {
        return name;
    }

    /** The name the query gave the column ({@code AS}); the name when it gave none. */
    public String label() {
        return label;
    }

    public BasaltType type() {
        return type;
    }

    /** The {@link java.sql.Types} code. */
    public int sqlType() {
        return type.sqlType();
    }

    /** The type as the database spells it, e.g. {@code DECIMAL} or {@code TEXT}. */
    public String typeName() {
        return typeName;
    }

    /** Digits for numbers, the maximum length for text ({@link Integer#MAX_VALUE} when unbounded). */
    public int precision() {
        return precision;
    }

    /** Digits after the decimal point for DECIMAL, of a second's fraction for TIME and TIMESTAMP (6); 0 otherwise. */
    public int scale() {
        return scale;
    }

    /** {@link ResultSetMetaData#columnNoNulls}, {@link ResultSetMetaData#columnNullable} or
     * {@link ResultSetMetaData#columnNullableUnknown}. */
    public int nullable() {
        return nullable;
    }

    public int displaySize() {
        return displaySize;
    }

    /** The schema of the column's table, or "" when the column is computed. */
    public String schemaName() {
        return schemaName;
    }

    /** The column's table, or "" when the column is computed. */
    public String tableName() {
        return tableName;
    }

    @Override
    public String toString() {
        return label + " " + typeName + (type.isDecimal() ? "(" + precision + "," + scale + ")" : "");
    }

    /** Fills a {@link ColumnDescriptor}; see {@link ColumnDescriptor#builder}. */
    public static final class Builder {
        private final String name;
        private final BasaltType type;
        private String label;
        private String typeName;
        private int precision;
        private int scale;
        private int nullable = ResultSetMetaData.columnNullableUnknown;
        private int displaySize = -1;
        private String schemaName = "";
        private String tableName = "";

        private Builder(String name, BasaltType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = type;
            this.precision = type.defaultPrecision();
            this.scale = type.fixedScale();
        }

        public Builder label(String label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Overrides the type name, e.g. {@code TEXT} for an unbounded VARCHAR. */
        public Builder typeName(String typeName) {
            this.typeName = Objects.requireNonNull(typeName, "typeName");
            return this;
        }

        /** Digits of a DECIMAL (1 to 38) or the length of a CHAR/VARCHAR. */
        public Builder precision(int precision) {
            if (!type.isParameterized()) {
                throw new IllegalArgumentException(type + " has a fixed precision");
            }
            this.precision = precision;
            return this;
        }

        public Builder scale(int scale) {
            if (!type.isDecimal()) {
                throw new IllegalArgumentException(type + " has no scale");
            }
            this.scale = scale;
            return this;
        }

        public Builder nullable(int nullable) {
            if (nullable != ResultSetMetaData.columnNoNulls && nullable != ResultSetMetaData.columnNullable
                    && nullable != ResultSetMetaData.columnNullableUnknown) {
                throw new IllegalArgumentException("nullable must be one of ResultSetMetaData.columnNoNulls, "
                        + "columnNullable, columnNullableUnknown; got " + nullable);
            }
            this.nullable = nullable;
            return this;
        }

        public Builder displaySize(int displaySize) {
            if (displaySize < 0) {
                throw new IllegalArgumentException("display size must not be negative: " + displaySize);
            }
            this.displaySize = displaySize;
            return this;
        }

        /** The table the column comes from, for {@code getSchemaName}/{@code getTableName}. */
        public Builder table(String schemaName, String tableName) {
            this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
            this.tableName = Objects.requireNonNull(tableName, "tableName");
            return this;
        }

        public ColumnDescriptor build() {
            if (type.isDecimal() && (precision < 1 || precision > 38 || scale < 0 || scale > precision)) {
                throw new IllegalArgumentException("column " + name + ": DECIMAL(" + precision + "," + scale
                        + ") needs a precision of 1 to 38 and a scale between 0 and the precision");
            }
            if (type.isText() && precision < 1) {
                throw new IllegalArgumentException("column " + name + ": " + type + " length must be positive");
            }
            return new ColumnDescriptor(this);
        }
    }
}
