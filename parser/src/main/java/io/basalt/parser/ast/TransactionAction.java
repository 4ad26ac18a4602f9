package io.basalt.parser.ast;

/** BEGIN (also START TRANSACTION), COMMIT or ROLLBACK. */
public enum TransactionAction {
    BEGIN,
    COMMIT,
    ROLLBACK
}
