package io.basalt.jdbc.protocol;

import java.security.MessageDigest;
import java.util.Map;

/**
 * The client's side of one SCRAM-SHA-256 exchange, step by step: {@link #clientFirst()}, then
 * {@link #clientFinal(String)} with the server's first message, then {@link #verifyServerFinal(String)}, which proves
 * the server knew the password's keys too (a server that does not is an impostor: the driver stops there).
 * Without channel binding ({@code n,,}).
 */
public final class ScramClient {

    private final String user;
    private final String password;
    private final String clientNonce;
    private String authMessage;
    private byte[] saltedPassword;

    public ScramClient(String user, String password) {
        this(user, password, ScramSha256.nonce());
    }

    ScramClient(String user, String password, String clientNonce) {
        this.user = user;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    private String clientFirstBare() {
        return "n=" + ScramSha256.saslName(user) + ",r=" + clientNonce;
    }

    public String clientFirst() {
        return "n,," + clientFirstBare();
    }

    /** The client's final message (with its proof), computed from the server's first message. */
    public String clientFinal(String serverFirst) throws ProtocolException {
        Map<Character, String> attributes = ScramSha256.attributes(serverFirst);
        String nonce = ScramSha256.required(attributes, 'r');
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new ProtocolException("SCRAM: the server's nonce does not extend the client's");
        }
        byte[] salt = ScramSha256.fromBase64(ScramSha256.required(attributes, 's'));
        int iterations;
        try {
            iterations = Integer.parseInt(ScramSha256.required(attributes, 'i'));
        } catch (NumberFormatException e) {
            throw new ProtocolException("SCRAM: the iteration count is not a number");
        }
        if (iterations < ScramSha256.MINIMUM_ITERATIONS) {
            throw new ProtocolException("SCRAM: the server asks for " + iterations + " iterations; at least "
                    + ScramSha256.MINIMUM_ITERATIONS + " are required");
        }
        String withoutProof = "c=biws,r=" + nonce;
        authMessage = clientFirstBare() + "," + serverFirst + "," + withoutProof;
        saltedPassword = ScramSha256.saltedPassword(password, salt, iterations);
        byte[] clientKey = ScramSha256.clientKey(saltedPassword);
        byte[] proof = ScramSha256.clientProof(clientKey, ScramSha256.storedKey(clientKey), authMessage);
        return withoutProof + ",p=" + ScramSha256.base64(proof);
    }

    /** Checks the server's signature; fails when the server does not hold this password's keys. */
    public void verifyServerFinal(String serverFinal) throws ProtocolException {
        Map<Character, String> attributes = ScramSha256.attributes(serverFinal);
        byte[] signature = ScramSha256.fromBase64(ScramSha256.required(attributes, 'v'));
        byte[] expected = ScramSha256.serverSignature(ScramSha256.serverKey(saltedPassword), authMessage);
        if (!MessageDigest.isEqual(signature, expected)) {
            throw new ProtocolException("SCRAM: the server's signature is wrong; it does not know this user's keys");
        }
    }
}
