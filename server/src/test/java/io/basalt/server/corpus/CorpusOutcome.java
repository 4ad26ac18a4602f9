package io.basalt.server.corpus;

/**
 * What became of one record (a statement or a query) of a corpus file.
 *
 * @param key the record's stable name, {@code <file>:<n>}: the file's resource name without {@code test/} and the
 *     record's position among the file's records that apply to Basalt (counted from 1)
 * @param query true for a query, false for a statement
 * @param sql the record's SQL text
 * @param failure why it failed, or null when it passed
 */
record CorpusOutcome(String key, boolean query, String sql, String failure) {

    boolean passed() {
        return failure == null;
    }
}
