package io.basalt.parser.ast;

import java.util.Objects;

/**
 * {@code CREATE USER name [WITH] option …} or {@code CREATE ROLE name [WITH] option …}: as in PostgreSQL a user is a
 * role that may log in, so {@code user} only changes the default of {@code LOGIN}.
 */
public record CreateRoleStatement(String name, boolean user, RoleOptions options, SourceSpan span) implements Statement {

    public CreateRoleStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(span, "span");
    }

    /** Whether the role may log in: {@code LOGIN}/{@code NOLOGIN} when given, else true for a user. */
    public boolean login() {
        return options.login().orElse(user);
    }
}
