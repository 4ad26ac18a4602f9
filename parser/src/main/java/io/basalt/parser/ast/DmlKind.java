package io.basalt.parser.ast;

/** The data-changing statements that go to Calcite as text (INSERT has its own record). */
public enum DmlKind {
    DELETE,
    UPDATE,
    MERGE
}
