package io.basalt.server.embedded;

import io.basalt.execution.plan.Column;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.sql.ParameterMetaData;
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

    /** A parameter of {@code type}; NULL is always accepted by the statement, so nullability is left unknown. */
    static ParameterDescriptor parameter(LogicalType type) {
        int precision = switch (type.kind()) {
            case DECIMAL -> type.precision();
            case VARCHAR, CHAR -> type.isBoundedLength() ? type.length() : Integer.MAX_VALUE;
            default -> 0;
        };
        int scale = type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
        return new ParameterDescriptor(sqlType(type), precision, scale, ParameterMetaData.parameterNullableUnknown);
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
