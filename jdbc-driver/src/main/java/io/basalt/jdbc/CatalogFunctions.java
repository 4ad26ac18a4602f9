package io.basalt.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code DatabaseMetaData.getFunctions} and {@code getFunctionColumns}, answered from
 * {@code information_schema.basalt_functions} and {@code basalt_function_arguments}: Basalt's built-in functions, one
 * row per overload (SPECIFIC_NAME tells them apart). They belong to no schema, so they are listed when the schema
 * pattern is null (do not narrow), empty (objects without a schema) or {@code %}, and not for a named schema.
 */
final class CatalogFunctions {

    private static final String FUNCTIONS = "SELECT function_name, specific_name, description, result_type, function_kind "
            + "FROM information_schema.basalt_functions";
    private static final String ARGUMENTS = "SELECT function_name, specific_name, ordinal_position, argument_name, data_type "
            + "FROM information_schema.basalt_function_arguments";

    /** The list's type names as JDBC types; ANY (the arguments' type) and NUMERIC (any number) are generic. */
    private static final Map<String, Integer> TYPES = new HashMap<>();

    static {
        TYPES.put("TEXT", Types.VARCHAR);
        TYPES.put("INTEGER", Types.INTEGER);
        TYPES.put("BIGINT", Types.BIGINT);
        TYPES.put("DOUBLE", Types.DOUBLE);
        TYPES.put("NUMERIC", Types.NUMERIC);
        TYPES.put("BOOLEAN", Types.BOOLEAN);
        TYPES.put("DATE", Types.DATE);
        TYPES.put("TIMESTAMP", Types.TIMESTAMP);
        TYPES.put("ANY", Types.OTHER);
    }

    private CatalogFunctions() {
    }

    static ResultSet functions(Connection connection, String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (listsBuiltIns(catalog, schemaPattern)) {
            Pattern names = CatalogTables.likePattern(functionNamePattern);
            new CatalogQuery(FUNCTIONS).matching("function_name", functionNamePattern).forEachRow(connection, row -> {
                if (names.matcher(row.getString(1)).matches()) {
                    rows.add(new Object[] {null, null, row.getString(1), row.getString(5) + " function: " + row.getString(3),
                        DatabaseMetaData.functionNoTable, row.getString(2)});
                }
            });
        }
        // JDBC orders by FUNCTION_CAT, FUNCTION_SCHEM, FUNCTION_NAME and SPECIFIC_NAME.
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[2]).thenComparing(row -> (String) row[5]));
        return MetadataResultShapes.rows(MetadataResultShapes.FUNCTIONS, rows);
    }

    static ResultSet functionColumns(Connection connection, String catalog, String schemaPattern, String functionNamePattern,
                                     String columnNamePattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (listsBuiltIns(catalog, schemaPattern)) {
            Pattern names = CatalogTables.likePattern(functionNamePattern);
            Pattern columns = CatalogTables.likePattern(columnNamePattern);
            // the result first (ORDINAL_POSITION 0, named ""), as JDBC's ordering puts it
            new CatalogQuery(FUNCTIONS).matching("function_name", functionNamePattern).forEachRow(connection, row -> {
                if (names.matcher(row.getString(1)).matches() && columns.matcher("").matches()) {
                    rows.add(column(row.getString(1), row.getString(2), "", DatabaseMetaData.functionReturn,
                            row.getString(4), 0));
                }
            });
            new CatalogQuery(ARGUMENTS).matching("function_name", functionNamePattern)
                    .matching("argument_name", columnNamePattern).forEachRow(connection, row -> {
                        if (names.matcher(row.getString(1)).matches() && columns.matcher(row.getString(4)).matches()) {
                            rows.add(column(row.getString(1), row.getString(2), row.getString(4),
                                    DatabaseMetaData.functionColumnIn, row.getString(5), row.getInt(3)));
                        }
                    });
        }
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[2]).thenComparing(row -> (String) row[16])
                .thenComparing(row -> (Integer) row[14]));
        return MetadataResultShapes.rows(MetadataResultShapes.FUNCTION_COLUMNS, rows);
    }

    private static boolean listsBuiltIns(String catalog, String schemaPattern) {
        return (catalog == null || catalog.isEmpty())
                && (schemaPattern == null || schemaPattern.isEmpty() || schemaPattern.equals("%"));
    }

    private static Object[] column(String function, String specificName, String name, int columnType, String typeName,
                                   int position) throws SQLException {
        Integer sqlType = TYPES.get(typeName);
        if (sqlType == null) {
            throw new SQLException("information_schema.basalt_functions names a type the driver does not know: " + typeName,
                    "XX000");
        }
        return new Object[] {
            null, null, function, name, columnType, sqlType, typeName, null, null, null, null,
            DatabaseMetaData.functionNullable, null, null, position, "YES", specificName};
    }
}
