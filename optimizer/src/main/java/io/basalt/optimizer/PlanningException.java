package io.basalt.optimizer;

import java.util.OptionalInt;

/**
 * A query could not be planned: a syntax error, a name or type the catalog does not know, or SQL Basalt does not
 * support yet. The SQLSTATE says which (PostgreSQL's codes); the position, when known, is the 1-based line and
 * column in the query text the planner was given, so a caller that cut the query out of a longer statement
 * adds its own offset.
 */
public class PlanningException extends RuntimeException {

    public static final String SYNTAX_ERROR = "42601";
    public static final String UNDEFINED_TABLE = "42P01";
    public static final String UNDEFINED_COLUMN = "42703";
    public static final String UNDEFINED_FUNCTION = "42883";
    public static final String DATATYPE_MISMATCH = "42804";
    public static final String AMBIGUOUS_COLUMN = "42702";
    public static final String CANNOT_COERCE = "42846";
    public static final String GROUPING_ERROR = "42803";
    /** A parameter whose type its context does not determine ({@code SELECT ?}). */
    public static final String INDETERMINATE_DATATYPE = "42P18";
    public static final String INVALID_SCHEMA_NAME = "3F000";
    /** Any other error the validator reports (PostgreSQL's class 42: syntax error or access rule violation). */
    public static final String SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION = "42000";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String INTERNAL_ERROR = "XX000";

    private final String sqlState;
    private final int line;
    private final int column;

    public PlanningException(String sqlState, String message) {
        this(sqlState, message, 0, 0, null);
    }

    public PlanningException(String sqlState, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.line = line;
        this.column = column;
    }

    /** SQLSTATE 0A000 with the message {@code not supported yet: <what>}. */
    public static PlanningException notSupported(String what) {
        return new PlanningException(FEATURE_NOT_SUPPORTED, "not supported yet: " + what);
    }

    public String sqlState() {
        return sqlState;
    }

    /** The 1-based line of the error in the query text, if known. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The 1-based column of the error in the query text, if known. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }
}
