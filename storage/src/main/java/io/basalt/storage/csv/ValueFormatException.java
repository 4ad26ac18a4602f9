package io.basalt.storage.csv;

/**
 * A field's text is not a valid value of its column type. Thrown by the value parsers, which know nothing of
 * files and lines; {@link ChunkParser} catches it and raises a {@link CsvFormatException} with the location.
 * It carries no stack trace because it is only a message on its way to being wrapped.
 */
final class ValueFormatException extends RuntimeException {

    private final String sqlState;

    ValueFormatException(String sqlState, String problem) {
        super(problem, null, false, false);
        this.sqlState = sqlState;
    }

    String sqlState() {
        return sqlState;
    }

    /** What is wrong, without the text, e.g. {@code invalid DECIMAL(15,2) value}. */
    String problem() {
        return getMessage();
    }
}
