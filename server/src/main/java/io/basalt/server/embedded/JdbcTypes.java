package io.basalt.server.embedded;

import io.basalt.execution.plan.Column;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.storage.type.LogicalType;

import java.sql.ResultSetMetaData;
import java.sql.Types;

/** How Basalt's types appear to JDBC clients: the {@code java.sql.Types} code, name, precision and scale. */
final class JdbcTypes {

    private JdbcTypes() {
    }

    static ColumnDescriptor describe(Column column) {
        LogicalType type = column.type();
        ColumnDescriptor.Builder builder = ColumnDescriptor.builder(column.name(), sqlType(type))
                .nullable(column.nullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls);
        switch (type.kind()) {
            case DECIMAL -> builder.precision(type.precision()).scale(type.scale()).typeName(type.toString());
            case VARCHAR, CHAR -> {
                builder.typeName(type.toString());
                if (type.isBoundedLength()) {
                    builder.precision(type.length());
                }
            }
            default -> builder.typeName(type.kind().name());
        }
        return builder.build();
    }

    static int sqlType(LogicalType type) {
        return switch (type.kind()) {
            case BOOLEAN -> Types.BOOLEAN;
            case TINYINT -> Types.TINYINT;
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case VARCHAR -> Types.VARCHAR;
            case CHAR -> Types.CHAR;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
        };
    }
}
