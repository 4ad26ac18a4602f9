package io.basalt.server.ddl;

import io.basalt.optimizer.catalog.BasaltTypeSystem;
import io.basalt.parser.ast.TypeName;
import io.basalt.server.StatementException;
import io.basalt.storage.type.LogicalType;

/** Maps the parser's canonical type names to storage's logical types. */
final class ColumnTypes {

    /** {@code DECIMAL} without precision: the same as in a query's casts (BasaltTypeSystem says why). */
    static final LogicalType DEFAULT_DECIMAL = LogicalType.decimal(BasaltTypeSystem.DEFAULT_DECIMAL_PRECISION,
            BasaltTypeSystem.DEFAULT_DECIMAL_SCALE);

    private ColumnTypes() {
    }

    static LogicalType toLogicalType(TypeName type) {
        try {
            return switch (type.name()) {
                case "BOOLEAN" -> LogicalType.BOOLEAN;
                case "TINYINT" -> LogicalType.TINYINT;
                case "SMALLINT" -> LogicalType.SMALLINT;
                case "INTEGER" -> LogicalType.INTEGER;
                case "BIGINT" -> LogicalType.BIGINT;
                case "REAL" -> LogicalType.REAL;
                case "DOUBLE" -> LogicalType.DOUBLE;
                case "DATE" -> LogicalType.DATE;
                case "TIME" -> LogicalType.TIME;
                case "TIMESTAMP" -> LogicalType.TIMESTAMP;
                case "DECIMAL" -> type.parameters().isEmpty() ? DEFAULT_DECIMAL
                        : LogicalType.decimal(type.parameters().get(0), type.parameters().size() > 1 ? type.parameters().get(1) : 0);
                case "VARCHAR" -> type.parameters().isEmpty() ? LogicalType.TEXT : LogicalType.varchar(type.parameters().get(0));
                case "CHAR" -> LogicalType.character(type.parameters().isEmpty() ? 1 : type.parameters().get(0));
                default -> throw new StatementException("42704", "type \"" + type + "\" does not exist");
            };
        } catch (IllegalArgumentException e) {
            throw new StatementException("22023", "invalid type " + type + ": " + e.getMessage());
        }
    }
}
