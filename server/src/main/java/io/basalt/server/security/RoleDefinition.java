package io.basalt.server.security;

import java.util.Objects;

/**
 * A role: PostgreSQL's model, where a user is a role that may log in. Its password, if any, is kept apart as SCRAM
 * credentials ({@code io.basalt.server.auth.UserStore}).
 *
 * @param login whether it may open a session (with a password)
 * @param superuser whether every privilege check passes for it
 */
public record RoleDefinition(String name, boolean login, boolean superuser) {

    public RoleDefinition {
        Objects.requireNonNull(name, "name");
    }
}
