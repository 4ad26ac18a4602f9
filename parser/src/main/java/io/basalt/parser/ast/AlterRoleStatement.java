package io.basalt.parser.ast;

import java.util.Objects;

/** {@code ALTER USER|ROLE name [WITH] option …}: changes only the options it names. */
public record AlterRoleStatement(String name, RoleOptions options, SourceSpan span) implements Statement {

    public AlterRoleStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(span, "span");
    }
}
