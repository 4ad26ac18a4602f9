package io.basalt.server.auth;

import io.basalt.jdbc.protocol.ScramSha256;

/**
 * What the server keeps of a user's password: SCRAM-SHA-256's salt, iteration count, StoredKey and ServerKey. The
 * password itself is never stored; checking a login needs only these (the client proves it knows the password).
 */
public record UserCredentials(String name, int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

    /** Derives the credentials of {@code password} with a fresh random salt. */
    public static UserCredentials derive(String name, String password, int iterations) {
        byte[] salt = ScramSha256.randomBytes(16);
        byte[] salted = ScramSha256.saltedPassword(password, salt, iterations);
        return new UserCredentials(name, iterations, salt,
                ScramSha256.storedKey(ScramSha256.clientKey(salted)), ScramSha256.serverKey(salted));
    }
}
