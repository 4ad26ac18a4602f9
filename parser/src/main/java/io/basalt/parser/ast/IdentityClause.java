package io.basalt.parser.ast;

/**
 * A column's {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(START WITH n INCREMENT BY m)]}, or the generator a
 * {@code SERIAL} type implies (BY DEFAULT, 1, 1). Without START WITH an ascending sequence starts at 1 and a
 * descending one at -1, as PostgreSQL's.
 */
public record IdentityClause(boolean always, long start, long increment) {

    public static IdentityClause serial() {
        return new IdentityClause(false, 1, 1);
    }
}
