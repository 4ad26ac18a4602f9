package io.basalt.optimizer.dml;

/** The statements that change existing rows. */
public enum DmlKind {
    DELETE, UPDATE, MERGE
}
