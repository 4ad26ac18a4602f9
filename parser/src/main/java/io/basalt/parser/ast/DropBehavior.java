package io.basalt.parser.ast;

/** What a DROP does to dependent objects; RESTRICT (refuse) unless CASCADE is written, as in SQL. */
public enum DropBehavior {
    RESTRICT,
    CASCADE
}
