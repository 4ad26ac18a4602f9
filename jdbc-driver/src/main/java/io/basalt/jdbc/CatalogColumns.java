package io.basalt.jdbc;

import io.basalt.jdbc.spi.BasaltType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code DatabaseMetaData.getSchemas} and {@code getColumns}, answered from {@code information_schema.schemata} and
 * {@code information_schema.columns}, with the patterns matched here as {@link CatalogTables} does.
 */
final class CatalogColumns {

    private static final String SCHEMAS = "SELECT schema_name FROM information_schema.schemata";
    private static final String COLUMNS = "SELECT table_schema, table_name, column_name, ordinal_position, "
            + "column_default, is_nullable, data_type, character_maximum_length, numeric_precision, numeric_scale "
            + "FROM information_schema.columns";

    /** information_schema's type names (PostgreSQL's spelling) as the driver's types. */
    private static final Map<String, BasaltType> TYPES = new HashMap<>();

    static {
        TYPES.put("boolean", BasaltType.BOOLEAN);
        TYPES.put("tinyint", BasaltType.TINYINT);
        TYPES.put("smallint", BasaltType.SMALLINT);
        TYPES.put("integer", BasaltType.INTEGER);
        TYPES.put("bigint", BasaltType.BIGINT);
        TYPES.put("numeric", BasaltType.DECIMAL);
        TYPES.put("real", BasaltType.REAL);
        TYPES.put("double precision", BasaltType.DOUBLE);
        TYPES.put("character varying", BasaltType.VARCHAR);
        TYPES.put("text", BasaltType.VARCHAR);
        TYPES.put("character", BasaltType.CHAR);
        TYPES.put("date", BasaltType.DATE);
        TYPES.put("time without time zone", BasaltType.TIME);
        TYPES.put("timestamp without time zone", BasaltType.TIMESTAMP);
    }

    private CatalogColumns() {
    }

    static ResultSet schemas(Connection connection, String catalog, String schemaPattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (catalog == null || catalog.isEmpty()) {
            Pattern schemas = CatalogTables.likePattern(schemaPattern);
            new CatalogQuery(SCHEMAS).matching("schema_name", schemaPattern).forEachRow(connection, result -> {
                String schema = result.getString(1);
                if (schemas.matcher(schema).matches()) {
                    rows.add(new Object[] {schema, null});
                }
            });
        }
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[0]));
        return MetadataResultShapes.rows(MetadataResultShapes.SCHEMAS, rows);
    }

    static ResultSet columns(Connection connection, String catalog, String schemaPattern, String tableNamePattern,
                             String columnNamePattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (catalog == null || catalog.isEmpty()) {
            Pattern schemas = CatalogTables.likePattern(schemaPattern);
            Pattern tables = CatalogTables.likePattern(tableNamePattern);
            Pattern columns = CatalogTables.likePattern(columnNamePattern);
            new CatalogQuery(COLUMNS).matching("table_schema", schemaPattern).matching("table_name", tableNamePattern)
                    .matching("column_name", columnNamePattern).forEachRow(connection, result -> {
                        if (schemas.matcher(result.getString(1)).matches() && tables.matcher(result.getString(2)).matches()
                                && columns.matcher(result.getString(3)).matches()) {
                            rows.add(columnRow(result));
                        }
                    });
        }
        // JDBC orders by TABLE_CAT, TABLE_SCHEM, TABLE_NAME and ORDINAL_POSITION.
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[1]).thenComparing(row -> (String) row[2])
                .thenComparing(row -> (Integer) row[16]));
        return MetadataResultShapes.rows(MetadataResultShapes.COLUMNS, rows);
    }

    private static Object[] columnRow(ResultSet column) throws SQLException {
        String dataType = column.getString(7);
        BasaltType type = TYPES.get(dataType);
        if (type == null) {
            throw new SQLException("information_schema.columns names a type the driver does not know: " + dataType,
                    "XX000");
        }
        Integer characterLength = (Integer) column.getObject(8);
        Integer precision = (Integer) column.getObject(9);
        Integer scale = (Integer) column.getObject(10);
        if (scale == null && type.fixedScale() > 0) {
            scale = type.fixedScale(); // DECIMAL_DIGITS of TIME and TIMESTAMP: the digits of a second's fraction
        }
        boolean nullable = "YES".equals(column.getString(6));
        boolean text = type == BasaltType.VARCHAR || type == BasaltType.CHAR;
        // information_schema gives integer and floating-point precisions in bits (PostgreSQL's radix 2); JDBC wants
        // the decimal digits, which the driver's type knows. Only DECIMAL's precision is the column's own.
        boolean decimal = type == BasaltType.DECIMAL;
        Integer size = characterLength != null ? characterLength
                : decimal && precision != null ? precision : Integer.valueOf(type.defaultPrecision());
        return new Object[] {
            null, column.getString(1), column.getString(2), column.getString(3), type.sqlType(), type.typeName(),
            size, null, scale, precision != null ? Integer.valueOf(10) : null,
            nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, null, column.getString(5),
            null, null, text && characterLength != null ? Integer.valueOf(characterLength * 4) : null,
            column.getInt(4), nullable ? "YES" : "NO", null, null, null, null, "NO", "NO"};
    }
}
