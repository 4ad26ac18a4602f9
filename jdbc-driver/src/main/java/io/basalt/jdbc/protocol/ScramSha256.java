package io.basalt.jdbc.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of SCRAM-SHA-256 (RFC 5802, RFC 7677), shared by the driver (client proof) and the server (stored
 * keys, verification), all from the JDK's own providers. The password never crosses the wire and the server keeps
 * only {@code StoredKey} and {@code ServerKey}, from which the password cannot be recovered short of brute force
 * through PBKDF2.
 */
public final class ScramSha256 {

    /** RFC 7677's minimum iteration count; the server may ask for more, the client refuses fewer. */
    public static final int MINIMUM_ITERATIONS = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramSha256() {
    }

    /** {@code Hi(password, salt, i)}: PBKDF2 with HMAC-SHA-256, 32 bytes (the password as UTF-8, without SASLprep). */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    public static byte[] clientKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Client Key");
    }

    public static byte[] serverKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Server Key");
    }

    public static byte[] storedKey(byte[] clientKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(clientKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** {@code ClientKey XOR HMAC(StoredKey, AuthMessage)}. */
    public static byte[] clientProof(byte[] clientKey, byte[] storedKey, String authMessage) {
        return xor(clientKey, hmac(storedKey, authMessage));
    }

    /** Whether {@code proof} shows knowledge of the password behind {@code storedKey}; constant time. */
    public static boolean verifyClientProof(byte[] proof, byte[] storedKey, String authMessage) {
        byte[] signature = hmac(storedKey, authMessage);
        if (proof.length != signature.length) {
            return false;
        }
        return MessageDigest.isEqual(storedKey(xor(proof, signature)), storedKey);
    }

    public static byte[] serverSignature(byte[] serverKey, String authMessage) {
        return hmac(serverKey, authMessage);
    }

    public static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static byte[] xor(byte[] left, byte[] right) {
        byte[] result = new byte[left.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = (byte) (left[i] ^ right[i]);
        }
        return result;
    }

    /** A printable random nonce (base64 of 18 random bytes: no ',' in it, as SCRAM requires). */
    public static String nonce() {
        return base64(randomBytes(18));
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] fromBase64(String text) throws ProtocolException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("SCRAM: not base64: " + text);
        }
    }

    /** A user name as SCRAM's {@code saslname}: '=' and ',' escaped. */
    public static String saslName(String user) {
        return user.replace("=", "=3D").replace(",", "=2C");
    }

    public static String fromSaslName(String name) {
        return name.replace("=2C", ",").replace("=3D", "=");
    }

    /** A SCRAM message's {@code k=value} attributes by their letter. */
    public static Map<Character, String> attributes(String message) throws ProtocolException {
        Map<Character, String> attributes = new HashMap<>();
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new ProtocolException("SCRAM: malformed attribute '" + part + "'");
            }
            attributes.putIfAbsent(part.charAt(0), part.substring(2));
        }
        return attributes;
    }

    public static String required(Map<Character, String> attributes, char name) throws ProtocolException {
        String value = attributes.get(name);
        if (value == null) {
            throw new ProtocolException("SCRAM: attribute '" + name + "' is missing");
        }
        return value;
    }
}
