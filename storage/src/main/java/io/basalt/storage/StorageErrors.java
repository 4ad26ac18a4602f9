package io.basalt.storage;

/** The SQLSTATEs storage raises, named once so callers and tests agree on them (PostgreSQL's codes). */
public final class StorageErrors {

    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String DUPLICATE_SCHEMA = "42P06";
    public static final String UNDEFINED_SCHEMA = "3F000";
    public static final String DUPLICATE_TABLE = "42P07";
    public static final String UNDEFINED_TABLE = "42P01";
    public static final String DEPENDENT_OBJECTS = "2BP01";
    public static final String NOT_NULL_VIOLATION = "23502";
    public static final String STRING_TOO_LONG = "22001";
    public static final String OBJECT_IN_USE = "55006";
    public static final String INVALID_TRANSACTION_STATE = "25000";
    public static final String DATATYPE_MISMATCH = "42804";
    public static final String IO_ERROR = "58030";
    public static final String INVALID_PARAMETER = "22023";
    public static final String NUMERIC_OUT_OF_RANGE = "22003";

    /** Wrong number of fields, unterminated quote, stray character after a closing quote. */
    public static final String BAD_COPY_FILE_FORMAT = "22P04";
    public static final String INVALID_TEXT_REPRESENTATION = "22P02";
    public static final String INVALID_DATETIME_FORMAT = "22007";
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String UNDEFINED_FILE = "58P01";
    public static final String INSUFFICIENT_PRIVILEGE = "42501";
    public static final String QUERY_CANCELED = "57014";
    public static final String INTERNAL_ERROR = "XX000";

    private StorageErrors() {
    }
}
