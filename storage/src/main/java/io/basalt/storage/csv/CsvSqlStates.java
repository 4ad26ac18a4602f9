package io.basalt.storage.csv;

/** The SQLSTATEs the CSV reader raises (PostgreSQL's codes, so clients classify COPY errors as they do there). */
final class CsvSqlStates {

    /** Wrong number of fields, unterminated quote, stray character after a closing quote. */
    static final String BAD_COPY_FILE_FORMAT = "22P04";
    static final String INVALID_TEXT_REPRESENTATION = "22P02";
    static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    static final String INVALID_DATETIME_FORMAT = "22007";
    static final String DATETIME_FIELD_OVERFLOW = "22008";
    static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    static final String INVALID_PARAMETER_VALUE = "22023";
    static final String FEATURE_NOT_SUPPORTED = "0A000";
    static final String UNDEFINED_FILE = "58P01";
    static final String INSUFFICIENT_PRIVILEGE = "42501";
    static final String IO_ERROR = "58030";
    static final String QUERY_CANCELED = "57014";
    static final String INTERNAL_ERROR = "XX000";

    private CsvSqlStates() {
    }
}
