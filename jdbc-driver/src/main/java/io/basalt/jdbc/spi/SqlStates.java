package io.basalt.jdbc.spi;

/**
 * The SQLSTATEs the driver and its transports use. The first two characters are the class (SQL standard;
 * PostgreSQL's codes where the standard has none, since client tools know them).
 */
public final class SqlStates {

    /** The statement ran, but {@code executeQuery} wanted rows and got none. */
    public static final String NO_DATA = "02000";
    /** {@code executeUpdate} or a batch got rows where it wanted a count. */
    public static final String UNEXPECTED_RESULT_SET = "0100E";
    /** A parameter was not given a value. */
    public static final String WRONG_NUMBER_OF_PARAMETERS = "07001";
    /** A column or parameter index that does not exist. */
    public static final String INVALID_DESCRIPTOR_INDEX = "07009";
    /** No transport could open the URL, or the database could not be opened. */
    public static final String UNABLE_TO_CONNECT = "08001";
    /** The connection is closed. */
    public static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** The connection broke while in use. */
    public static final String CONNECTION_FAILURE = "08006";
    /** A transport answered outside its contract (a bug on the other side). */
    public static final String PROTOCOL_VIOLATION = "08P01";
    /** Basalt does not do this (yet). */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** A value is too large or too small for the type asked for. */
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** A value cannot be converted to the type asked for. */
    public static final String INVALID_CHARACTER_VALUE_FOR_CAST = "22018";
    /** The cursor is not on a row. */
    public static final String INVALID_CURSOR_STATE = "24000";
    /** commit or rollback in auto-commit mode, and similar misuse of transactions. */
    public static final String INVALID_TRANSACTION_STATE = "25000";
    public static final String SYNTAX_ERROR = "42601";
    public static final String UNDEFINED_COLUMN = "42703";
    public static final String UNDEFINED_TABLE = "42P01";
    /** The statement was canceled, by {@code Statement.cancel()} or a query timeout. */
    public static final String QUERY_CANCELED = "57014";
    /** A closed statement or result set was used, or a method was called where it is not allowed. */
    public static final String FUNCTION_SEQUENCE_ERROR = "HY010";
    /** An argument outside its allowed values (negative fetch size, unknown constant, …). */
    public static final String INVALID_ARGUMENT = "HY024";
    /** A bug: something that should not happen did. */
    public static final String INTERNAL_ERROR = "XX000";

    private SqlStates() {
    }
}
