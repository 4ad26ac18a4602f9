package io.basalt.shell.render;

import java.sql.Types;
import java.util.Objects;

/** A result column as rendering needs it: its label, and whether its values are numbers or booleans. */
public record ResultColumn(String label, Kind kind) {

    /** What a column's values are, which decides alignment (numbers right) and JSON spelling. */
    public enum Kind { TEXT, NUMBER, BOOLEAN }

    public ResultColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    public static ResultColumn text(String label) {
        return new ResultColumn(label, Kind.TEXT);
    }

    public static ResultColumn number(String label) {
        return new ResultColumn(label, Kind.NUMBER);
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public static Kind kindOf(int sqlType) {
        switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
                    Types.FLOAT, Types.DOUBLE:
                return Kind.NUMBER;
            case Types.BOOLEAN, Types.BIT:
                return Kind.BOOLEAN;
            default:
                return Kind.TEXT;
        }
    }
}
