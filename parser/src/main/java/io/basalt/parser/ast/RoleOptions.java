package io.basalt.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code CREATE/ALTER USER|ROLE}: each is empty when the statement does not name it.
 *
 * @param password {@code PASSWORD 'p'}: kept only until the server derives its SCRAM keys
 * @param login {@code LOGIN} / {@code NOLOGIN}
 * @param superuser {@code SUPERUSER} / {@code NOSUPERUSER}
 */
public record RoleOptions(Optional<String> password, Optional<Boolean> login, Optional<Boolean> superuser) {

    public RoleOptions {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(superuser, "superuser");
    }

    /** The password is never shown: statements are logged and printed in errors. */
    @Override
    public String toString() {
        return "RoleOptions[password=" + (password.isPresent() ? "***" : "none") + ", login=" + login
                + ", superuser=" + superuser + "]";
    }
}
