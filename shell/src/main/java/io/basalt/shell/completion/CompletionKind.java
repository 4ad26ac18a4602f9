package io.basalt.shell.completion;

/** A kind of word that fits where the cursor is. */
enum CompletionKind {
    STATEMENT_KEYWORD,
    KEYWORD,
    SCHEMA,
    TABLE,
    COLUMN,
    FUNCTION
}
