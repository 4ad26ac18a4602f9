package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.InMemoryResultCursor;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.RowBatchBuilder;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of each {@link java.sql.DatabaseMetaData} result, exactly as the JDBC javadoc lists them
 * (names, order, types), and the result sets built on them. Tools read these columns by name and by
 * position, so the shapes matter even when a result has no rows.
 *
 * <p>A shape is written {@code NAME:T,…} with T one of {@code S} (VARCHAR), {@code h} (SMALLINT, Java
 * short), {@code i} (INTEGER), {@code l} (BIGINT) and {@code b} (BOOLEAN).
 */
final class MetadataResultShapes {

    static final String PROCEDURES = "PROCEDURE_CAT:S,PROCEDURE_SCHEM:S,PROCEDURE_NAME:S,RESERVED1:S,RESERVED2:S,"
            + "RESERVED3:S,REMARKS:S,PROCEDURE_TYPE:h,SPECIFIC_NAME:S";
    static final String PROCEDURE_COLUMNS = "PROCEDURE_CAT:S,PROCEDURE_SCHEM:S,PROCEDURE_NAME:S,COLUMN_NAME:S,"
            + "COLUMN_TYPE:h,DATA_TYPE:i,TYPE_NAME:S,PRECISION:i,LENGTH:i,SCALE:h,RADIX:h,NULLABLE:h,REMARKS:S,"
            + "COLUMN_DEF:S,SQL_DATA_TYPE:i,SQL_DATETIME_SUB:i,CHAR_OCTET_LENGTH:i,ORDINAL_POSITION:i,IS_NULLABLE:S,"
            + "SPECIFIC_NAME:S";
    static final String TABLES = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,TABLE_TYPE:S,REMARKS:S,TYPE_CAT:S,"
            + "TYPE_SCHEM:S,TYPE_NAME:S,SELF_REFERENCING_COL_NAME:S,REF_GENERATION:S";
    static final String SCHEMAS = "TABLE_SCHEM:S,TABLE_CATALOG:S";
    static final String CATALOGS = "TABLE_CAT:S";
    static final String TABLE_TYPES = "TABLE_TYPE:S";
    static final String COLUMNS = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,COLUMN_NAME:S,DATA_TYPE:i,TYPE_NAME:S,"
            + "COLUMN_SIZE:i,BUFFER_LENGTH:i,DECIMAL_DIGITS:i,NUM_PREC_RADIX:i,NULLABLE:i,REMARKS:S,COLUMN_DEF:S,"
            + "SQL_DATA_TYPE:i,SQL_DATETIME_SUB:i,CHAR_OCTET_LENGTH:i,ORDINAL_POSITION:i,IS_NULLABLE:S,"
            + "SCOPE_CATALOG:S,SCOPE_SCHEMA:S,SCOPE_TABLE:S,SOURCE_DATA_TYPE:h,IS_AUTOINCREMENT:S,IS_GENERATEDCOLUMN:S";
    static final String COLUMN_PRIVILEGES = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,COLUMN_NAME:S,GRANTOR:S,"
            + "GRANTEE:S,PRIVILEGE:S,IS_GRANTABLE:S";
    static final String TABLE_PRIVILEGES = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,GRANTOR:S,GRANTEE:S,"
            + "PRIVILEGE:S,IS_GRANTABLE:S";
    /** getBestRowIdentifier and getVersionColumns share it. */
    static final String ROW_IDENTIFIER = "SCOPE:h,COLUMN_NAME:S,DATA_TYPE:i,TYPE_NAME:S,COLUMN_SIZE:i,"
            + "BUFFER_LENGTH:i,DECIMAL_DIGITS:h,PSEUDO_COLUMN:h";
    static final String PRIMARY_KEYS = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,COLUMN_NAME:S,KEY_SEQ:h,PK_NAME:S";
    /** getImportedKeys, getExportedKeys and getCrossReference share it. */
    static final String FOREIGN_KEYS = "PKTABLE_CAT:S,PKTABLE_SCHEM:S,PKTABLE_NAME:S,PKCOLUMN_NAME:S,FKTABLE_CAT:S,"
            + "FKTABLE_SCHEM:S,FKTABLE_NAME:S,FKCOLUMN_NAME:S,KEY_SEQ:h,UPDATE_RULE:h,DELETE_RULE:h,FK_NAME:S,"
            + "PK_NAME:S,DEFERRABILITY:h";
    static final String TYPE_INFO = "TYPE_NAME:S,DATA_TYPE:i,PRECISION:i,LITERAL_PREFIX:S,LITERAL_SUFFIX:S,"
            + "CREATE_PARAMS:S,NULLABLE:h,CASE_SENSITIVE:b,SEARCHABLE:h,UNSIGNED_ATTRIBUTE:b,FIXED_PREC_SCALE:b,"
            + "AUTO_INCREMENT:b,LOCAL_TYPE_NAME:S,MINIMUM_SCALE:h,MAXIMUM_SCALE:h,SQL_DATA_TYPE:i,"
            + "SQL_DATETIME_SUB:i,NUM_PREC_RADIX:i";
    static final String INDEX_INFO = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,NON_UNIQUE:b,INDEX_QUALIFIER:S,"
            + "INDEX_NAME:S,TYPE:h,ORDINAL_POSITION:h,COLUMN_NAME:S,ASC_OR_DESC:S,CARDINALITY:l,PAGES:l,"
            + "FILTER_CONDITION:S";
    static final String UDTS = "TYPE_CAT:S,TYPE_SCHEM:S,TYPE_NAME:S,CLASS_NAME:S,DATA_TYPE:i,REMARKS:S,BASE_TYPE:h";
    static final String SUPER_TYPES = "TYPE_CAT:S,TYPE_SCHEM:S,TYPE_NAME:S,SUPERTYPE_CAT:S,SUPERTYPE_SCHEM:S,"
            + "SUPERTYPE_NAME:S";
    static final String SUPER_TABLES = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,SUPERTABLE_NAME:S";
    static final String ATTRIBUTES = "TYPE_CAT:S,TYPE_SCHEM:S,TYPE_NAME:S,ATTR_NAME:S,DATA_TYPE:i,ATTR_TYPE_NAME:S,"
            + "ATTR_SIZE:i,DECIMAL_DIGITS:i,NUM_PREC_RADIX:i,NULLABLE:i,REMARKS:S,ATTR_DEF:S,SQL_DATA_TYPE:i,"
            + "SQL_DATETIME_SUB:i,CHAR_OCTET_LENGTH:i,ORDINAL_POSITION:i,IS_NULLABLE:S,SCOPE_CATALOG:S,"
            + "SCOPE_SCHEMA:S,SCOPE_TABLE:S,SOURCE_DATA_TYPE:h";
    static final String CLIENT_INFO_PROPERTIES = "NAME:S,MAX_LEN:i,DEFAULT_VALUE:S,DESCRIPTION:S";
    static final String FUNCTIONS = "FUNCTION_CAT:S,FUNCTION_SCHEM:S,FUNCTION_NAME:S,REMARKS:S,FUNCTION_TYPE:h,"
            + "SPECIFIC_NAME:S";
    static final String FUNCTION_COLUMNS = "FUNCTION_CAT:S,FUNCTION_SCHEM:S,FUNCTION_NAME:S,COLUMN_NAME:S,"
            + "COLUMN_TYPE:h,DATA_TYPE:i,TYPE_NAME:S,PRECISION:i,LENGTH:i,SCALE:h,RADIX:h,NULLABLE:h,REMARKS:S,"
            + "CHAR_OCTET_LENGTH:i,ORDINAL_POSITION:i,IS_NULLABLE:S,SPECIFIC_NAME:S";
    static final String PSEUDO_COLUMNS = "TABLE_CAT:S,TABLE_SCHEM:S,TABLE_NAME:S,COLUMN_NAME:S,DATA_TYPE:i,"
            + "COLUMN_SIZE:i,DECIMAL_DIGITS:i,NUM_PREC_RADIX:i,COLUMN_USAGE:S,REMARKS:S,CHAR_OCTET_LENGTH:i,"
            + "IS_NULLABLE:S";

    private MetadataResultShapes() {
    }

    /** The columns of {@code shape}. */
    static List<ColumnDescriptor> columns(String shape) {
        List<ColumnDescriptor> columns = new ArrayList<>();
        for (String column : shape.split(",")) {
            int colon = column.indexOf(':');
            String name = column.substring(0, colon);
            columns.add(ColumnDescriptor.builder(name, sqlType(column.charAt(colon + 1)))
                    .nullable(ResultSetMetaData.columnNullable).build());
        }
        return columns;
    }

    private static int sqlType(char code) {
        switch (code) {
            case 'S':
                return Types.VARCHAR;
            case 'h':
                return Types.SMALLINT;
            case 'i':
                return Types.INTEGER;
            case 'l':
                return Types.BIGINT;
            case 'b':
                return Types.BOOLEAN;
            default:
                throw new IllegalArgumentException("unknown column type code " + code);
        }
    }

    /** A result of {@code shape} without rows. */
    static ResultSet empty(String shape) throws SQLException {
        return BasaltResultSet.detached(null, InMemoryResultCursor.empty(columns(shape)));
    }

    /** A result of {@code shape} holding {@code rows}. */
    static ResultSet rows(String shape, List<Object[]> rows) throws SQLException {
        List<ColumnDescriptor> columns = columns(shape);
        RowBatchBuilder builder = new RowBatchBuilder(columns);
        for (Object[] row : rows) {
            builder.addRow(row);
        }
        return BasaltResultSet.detached(null,
                new InMemoryResultCursor(columns, Collections.<ResultBatch>singletonList(builder.build())));
    }
}
