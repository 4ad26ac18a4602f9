package io.basalt.parser.ast;

/** A privilege GRANT and REVOKE name: the first four apply to tables and views, the last two to schemas. */
public enum Privilege {
    SELECT, INSERT, UPDATE, DELETE, CREATE, USAGE
}
