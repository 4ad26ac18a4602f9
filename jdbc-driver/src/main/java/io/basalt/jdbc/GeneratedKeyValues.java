package io.basalt.jdbc;

import io.basalt.jdbc.spi.BasaltType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** A returned key's value as {@link io.basalt.jdbc.spi.RowBatchBuilder} takes it back, so that keys can be kept in memory. */
final class GeneratedKeyValues {

    private GeneratedKeyValues() {
    }

    static Object read(ResultSet rows, int column, BasaltType type) throws SQLException {
        switch (type) {
            case DATE:
                return rows.getObject(column, LocalDate.class);
            case TIME:
                return rows.getObject(column, LocalTime.class);
            case TIMESTAMP:
                return rows.getObject(column, LocalDateTime.class);
            case DECIMAL:
            case NUMERIC:
                return rows.getBigDecimal(column);
            case NULL:
                return null;
            default:
                return rows.getObject(column);
        }
    }
}
