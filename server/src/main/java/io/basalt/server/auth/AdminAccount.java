package io.basalt.server.auth;

import io.basalt.jdbc.protocol.ScramSha256;

import java.io.PrintStream;
import java.util.Base64;

/**
 * Creates the first user, {@code admin}, when a data directory has none: its password comes from
 * {@code BASALT_ADMIN_PASSWORD}, or is generated and printed once (it cannot be shown again: only its hash is kept).
 */
public final class AdminAccount {

    public static final String NAME = "admin";
    public static final String PASSWORD_VARIABLE = "BASALT_ADMIN_PASSWORD";

    private AdminAccount() {
    }

    /** Creates {@code admin} if the store has no user; {@code configuredPassword} may be null (then one is generated). */
    public static void ensure(UserStore users, String configuredPassword, int iterations, PrintStream out) {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(ScramSha256.randomBytes(18))
                : configuredPassword;
        users.put(UserCredentials.derive(NAME, password, iterations));
        if (generated) {
            out.println("Created user '" + NAME + "' with the generated password: " + password);
            out.println("It is shown this once (only a salted hash is stored). Set " + PASSWORD_VARIABLE
                    + " before the first start to choose it.");
        } else {
            out.println("Created user '" + NAME + "' with the password from " + PASSWORD_VARIABLE + ".");
        }
    }
}
