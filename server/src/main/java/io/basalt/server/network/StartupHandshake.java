package io.basalt.server.network;

import io.basalt.jdbc.protocol.ErrorCodec;
import io.basalt.jdbc.protocol.Frame;
import io.basalt.jdbc.protocol.FrameReader;
import io.basalt.jdbc.protocol.MessageReader;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.protocol.ProtocolException;
import io.basalt.server.auth.LoginThrottle;
import io.basalt.server.auth.ScramServerExchange;
import io.basalt.server.security.Security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The server's side of startup (docs/protocol.md, "Startup"): the client's STARTUP names versions and a user; the
 * server picks the highest common version and runs SCRAM-SHA-256. A wrong password is answered with 28P01 only
 * after the throttle's delay; a role without LOGIN (ALTER USER … NOLOGIN) is refused with 28000.
 */
final class StartupHandshake {

    /** Who connected, once authenticated. */
    record Result(String user, String database, int version) {
    }

    /** Thrown after the client was sent an ERROR: the connection just closes. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final FrameReader in;
    private final ResponseChannel out;
    private final Security security;
    private final LoginThrottle throttle;
    private final byte[] processSecret;
    private final int defaultIterations;

    StartupHandshake(FrameReader in, ResponseChannel out, Security security, LoginThrottle throttle, byte[] processSecret,
                     int defaultIterations) {
        this.in = in;
        this.out = out;
        this.security = security;
        this.throttle = throttle;
        this.processSecret = processSecret;
        this.defaultIterations = defaultIterations;
    }

    Result perform(MessageReader startup, String address) throws IOException, Refused {
        if (startup.getInt() != MessageTypes.MAGIC) {
            throw new ProtocolException("STARTUP without Basalt's magic number");
        }
        int clientMin = startup.getShort();
        int clientMax = startup.getShort();
        String user = startup.getRequiredString("the user");
        String database = startup.getString();
        int options = startup.getShort();
        for (int i = 0; i < options; i++) {
            startup.getString();
            startup.getString();
        }
        startup.expectEnd();
        int version = Math.min(clientMax, MessageTypes.MAX_VERSION);
        if (version < Math.max(clientMin, MessageTypes.MIN_VERSION)) {
            refuse("08P01", "the client speaks protocol versions " + clientMin + " to " + clientMax
                    + ", this server " + MessageTypes.MIN_VERSION + " to " + MessageTypes.MAX_VERSION);
        }
        out.sendNow(new MessageWriter(MessageTypes.AUTHENTICATION_SASL).putShort(version).putInt(1)
                .putString(MessageTypes.SCRAM_SHA_256));

        MessageReader initial = expect(MessageTypes.SASL_INITIAL_RESPONSE);
        String mechanism = initial.getRequiredString("the mechanism");
        String clientFirst = utf8(initial.getBytes());
        initial.expectEnd();
        if (!MessageTypes.SCRAM_SHA_256.equals(mechanism)) {
            refuse("28000", "unsupported authentication mechanism " + mechanism + "; use " + MessageTypes.SCRAM_SHA_256);
        }
        ScramServerExchange scram = new ScramServerExchange(security.users(), user, processSecret, defaultIterations);
        out.sendNow(new MessageWriter(MessageTypes.SASL_CONTINUE).putBytes(bytes(scram.serverFirst(clientFirst))));

        MessageReader response = expect(MessageTypes.SASL_RESPONSE);
        String clientFinal = utf8(response.getBytes());
        response.expectEnd();
        String serverFinal = scram.serverFinal(clientFinal);
        if (serverFinal == null) {
            long delay = throttle.recordFailure(user, address);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the same message for an unknown user and a wrong password: names are not revealed
            refuse("28P01", "password authentication failed for user \"" + user + "\"");
        }
        throttle.recordSuccess(user, address);
        if (!security.canLogIn(user)) {
            // the password was right, so saying why reveals nothing a guesser could use
            refuse("28000", "role \"" + user + "\" is not permitted to log in");
        }
        out.sendNow(new MessageWriter(MessageTypes.SASL_FINAL).putBytes(bytes(serverFinal)));
        return new Result(user, database == null ? "" : database, version);
    }

    private MessageReader expect(byte type) throws IOException {
        Frame frame = in.read();
        if (frame == null) {
            throw new java.io.EOFException("the client closed the connection during startup");
        }
        if (frame.type() != type) {
            throw new ProtocolException("expected message '" + (char) type + "' during startup, got '" + (char) frame.type() + "'");
        }
        return frame.reader();
    }

    private void refuse(String sqlState, String message) throws IOException, Refused {
        out.sendNow(ErrorCodec.error(sqlState, message, 0, 0));
        throw new Refused(message);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
