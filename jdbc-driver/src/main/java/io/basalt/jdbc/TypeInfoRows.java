package io.basalt.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@link DatabaseMetaData#getTypeInfo()}: the SQL types Basalt stores (the storage module's
 * {@code TypeKind}), ordered by DATA_TYPE as JDBC asks. Precisions agree with what
 * {@code ResultSetMetaData} reports for columns of each type.
 */
final class TypeInfoRows {

    private TypeInfoRows() {
    }

    static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(number("TINYINT", Types.TINYINT, 3));
        rows.add(number("BIGINT", Types.BIGINT, 19));
        rows.add(text("CHAR", Types.CHAR));
        rows.add(new Object[] {"DECIMAL", Types.DECIMAL, 38, null, null, "precision,scale", nullable(), false,
                searchable(), false, true, false, "DECIMAL", (short) 0, (short) 38, null, null, 10});
        rows.add(number("INTEGER", Types.INTEGER, 10));
        rows.add(number("SMALLINT", Types.SMALLINT, 5));
        rows.add(number("REAL", Types.REAL, 8));
        rows.add(number("DOUBLE", Types.DOUBLE, 17));
        rows.add(text("VARCHAR", Types.VARCHAR));
        rows.add(other("BOOLEAN", Types.BOOLEAN, 1, null, null));
        rows.add(other("DATE", Types.DATE, 10, "DATE '", "'"));
        rows.add(other("TIME", Types.TIME, 15, "TIME '", "'"));
        rows.add(other("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", "'"));
        return rows;
    }

    private static Object[] number(String name, int type, int precision) {
        return new Object[] {name, type, precision, null, null, null, nullable(), false, searchable(), false, false,
                false, name, (short) 0, (short) 0, null, null, 10};
    }

    private static Object[] text(String name, int type) {
        return new Object[] {name, type, Integer.MAX_VALUE, "'", "'", "length", nullable(), true, searchable(), true,
                false, false, name, (short) 0, (short) 0, null, null, null};
    }

    private static Object[] other(String name, int type, int precision, String prefix, String suffix) {
        return new Object[] {name, type, precision, prefix, suffix, null, nullable(), false, searchable(), true,
                false, false, name, (short) 0, (short) 0, null, null, null};
    }

    private static short nullable() {
        return (short) DatabaseMetaData.typeNullable;
    }

    private static short searchable() {
        return (short) DatabaseMetaData.typeSearchable;
    }
}
