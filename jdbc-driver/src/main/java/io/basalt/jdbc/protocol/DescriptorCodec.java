package io.basalt.jdbc.protocol;

import io.basalt.jdbc.spi.BasaltType;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ParameterDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * Result columns and parameter types on the wire: every field of the SPI's descriptors, so a client sees the same
 * {@code ResultSetMetaData} and {@code ParameterMetaData} over the network as embedded.
 */
public final class DescriptorCodec {

    private DescriptorCodec() {
    }

    /** An int16 count and the columns. */
    public static void writeColumns(MessageWriter writer, List<ColumnDescriptor> columns) {
        writer.putShort(columns.size());
        for (ColumnDescriptor column : columns) {
            writer.putString(column.name()).putString(column.label()).putInt(column.sqlType())
                    .putString(column.typeName()).putInt(column.precision()).putInt(column.scale())
                    .putByte(column.nullable()).putInt(column.displaySize())
                    .putString(column.schemaName()).putString(column.tableName());
        }
    }

    public static List<ColumnDescriptor> readColumns(MessageReader reader) throws ProtocolException {
        int count = reader.getShort() & 0xffff;
        List<ColumnDescriptor> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = reader.getRequiredString("a column name");
            String label = reader.getRequiredString("a column label");
            int sqlType = reader.getInt();
            String typeName = reader.getRequiredString("a type name");
            int precision = reader.getInt();
            int scale = reader.getInt();
            int nullable = reader.getByte();
            int displaySize = reader.getInt();
            String schema = reader.getRequiredString("a schema name");
            String table = reader.getRequiredString("a table name");
            try {
                ColumnDescriptor.Builder builder = ColumnDescriptor.builder(name, sqlType).label(label).typeName(typeName)
                        .nullable(nullable).displaySize(displaySize).table(schema, table);
                BasaltType type = BasaltType.ofSqlType(sqlType);
                if (type.isParameterized()) {
                    builder.precision(precision);
                }
                if (type.isDecimal()) {
                    builder.scale(scale);
                }
                columns.add(builder.build());
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("column " + (i + 1) + " is not a valid Basalt column: " + e.getMessage());
            }
        }
        return columns;
    }

    public static void writeParameters(MessageWriter writer, List<ParameterDescriptor> parameters) {
        writer.putShort(parameters.size());
        for (ParameterDescriptor parameter : parameters) {
            writer.putInt(parameter.sqlType()).putInt(parameter.precision()).putInt(parameter.scale())
                    .putByte(parameter.nullable());
        }
    }

    public static List<ParameterDescriptor> readParameters(MessageReader reader) throws ProtocolException {
        int count = reader.getShort() & 0xffff;
        List<ParameterDescriptor> parameters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int sqlType = reader.getInt();
            int precision = reader.getInt();
            int scale = reader.getInt();
            int nullable = reader.getByte();
            try {
                parameters.add(new ParameterDescriptor(sqlType, precision, scale, nullable));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("parameter " + (i + 1) + " is not a valid Basalt parameter: " + e.getMessage());
            }
        }
        return parameters;
    }
}
