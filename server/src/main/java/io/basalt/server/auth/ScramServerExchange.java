package io.basalt.server.auth;

import io.basalt.jdbc.protocol.ProtocolException;
import io.basalt.jdbc.protocol.ScramSha256;

import java.util.Arrays;
import java.util.Map;

/**
 * The server's side of one SCRAM-SHA-256 exchange (RFC 5802) for the user named at startup. An unknown user gets
 * made-up credentials (a salt derived from the name and a per-process secret, so it is stable) and fails at the
 * proof exactly like a wrong password: the exchange does not reveal which user names exist.
 */
public final class ScramServerExchange {

    private final UserCredentials credentials;
    private final boolean known;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    public ScramServerExchange(UserStore users, String user, byte[] processSecret, int defaultIterations) {
        UserCredentials found = users.find(user).orElse(null);
        this.known = found != null;
        this.credentials = known ? found : madeUp(user, processSecret, defaultIterations);
    }

    private static UserCredentials madeUp(String user, byte[] processSecret, int iterations) {
        byte[] salt = Arrays.copyOf(ScramSha256.hmac(processSecret, "salt:" + user), 16);
        return new UserCredentials(user, iterations, salt, ScramSha256.randomBytes(32), ScramSha256.randomBytes(32));
    }

    /** Answers the client's first message ({@code n,,n=NAME,r=NONCE}) with the salt, iterations and combined nonce. */
    public String serverFirst(String clientFirst) throws ProtocolException {
        if (!clientFirst.startsWith("n,,") && !clientFirst.startsWith("y,,")) {
            throw new ProtocolException("SCRAM: channel binding is not supported; the message must start with n,, or y,,");
        }
        clientFirstBare = clientFirst.substring(3);
        Map<Character, String> attributes = ScramSha256.attributes(clientFirstBare);
        String clientNonce = ScramSha256.required(attributes, 'r');
        nonce = clientNonce + ScramSha256.nonce();
        serverFirst = "r=" + nonce + ",s=" + ScramSha256.base64(credentials.salt()) + ",i=" + credentials.iterations();
        return serverFirst;
    }

    /**
     * Checks the client's final message; returns the server's final message ({@code v=SIGNATURE}) when the proof is
     * right, {@code null} when it is not (wrong password or unknown user).
     */
    public String serverFinal(String clientFinal) throws ProtocolException {
        Map<Character, String> attributes = ScramSha256.attributes(clientFinal);
        if (!nonce.equals(ScramSha256.required(attributes, 'r'))) {
            throw new ProtocolException("SCRAM: the nonce of the final message is not the one agreed");
        }
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new ProtocolException("SCRAM: the final message has no proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] proof = ScramSha256.fromBase64(ScramSha256.required(attributes, 'p'));
        if (!ScramSha256.verifyClientProof(proof, credentials.storedKey(), authMessage) || !known) {
            return null;
        }
        return "v=" + ScramSha256.base64(ScramSha256.serverSignature(credentials.serverKey(), authMessage));
    }
}
