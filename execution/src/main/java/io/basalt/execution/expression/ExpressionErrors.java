package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;

/**
 * The runtime errors expressions raise, with PostgreSQL's SQLSTATEs so that clients see the codes they
 * know. Kept in one place so that every kernel words the same failure the same way.
 */
final class ExpressionErrors {

    static final String DATETIME_FIELD_OVERFLOW = "22008";
    static final String INVALID_ARGUMENT_FOR_POWER = "2201F";
    static final String INVALID_ARGUMENT_FOR_LOGARITHM = "2201E";
    static final String SUBSTRING_ERROR = "22011";
    static final String INVALID_ESCAPE_CHARACTER = "22019";
    static final String INVALID_ESCAPE_SEQUENCE = "22025";
    static final String INVALID_PARAMETER_VALUE = "22023";
    static final String INVALID_REGULAR_EXPRESSION = "2201B";
    static final String PROGRAM_LIMIT_EXCEEDED = "54000";

    private ExpressionErrors() {
    }

    static ExecutionException overflow(LogicalType type) {
        return new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, type + " value out of range");
    }

    static ExecutionException numericOverflow(LogicalType type) {
        return new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "numeric field overflow: the value does not fit "
                + type);
    }

    static ExecutionException divisionByZero() {
        return new ExecutionException(ExecutionException.DIVISION_BY_ZERO, "division by zero");
    }

    static ExecutionException invalidText(LogicalType type, String text) {
        return new ExecutionException(ExecutionException.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + type + ": \"" + text + "\"");
    }

    static ExecutionException invalidDateTime(LogicalType type, String text) {
        return new ExecutionException(ExecutionException.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + type + ": \"" + text + "\"");
    }

    static ExecutionException dateTimeOutOfRange(LogicalType type) {
        return new ExecutionException(DATETIME_FIELD_OVERFLOW, type + " out of range");
    }

    static ExecutionException dateTimeFieldOutOfRange(LogicalType type, String text) {
        return new ExecutionException(DATETIME_FIELD_OVERFLOW, "date/time field value out of range for type " + type + ": \""
                + text + "\"");
    }

    static ExecutionException notSupported(String what) {
        return new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED, "not supported yet: " + what);
    }
}
