package io.basalt.jdbc.protocol;

/**
 * The protocol's constants: the magic number, the versions this code speaks, and the type byte of every message
 * (docs/protocol.md lists each message's fields). Client and server types are separate namespaces; a byte means
 * one thing per direction.
 */
public final class MessageTypes {

    /** "BSLT": opens every startup and cancel request, so a stray client (HTTP, TLS to a plain port) is told apart. */
    public static final int MAGIC = 0x42534C54;
    /** The oldest and newest protocol versions this code speaks. */
    public static final int MIN_VERSION = 1;
    public static final int MAX_VERSION = 2;
    /** The first version with PROGRESS_REQUEST: a client sends it only to servers that chose at least this one. */
    public static final int PROGRESS_VERSION = 2;
    /** The SASL mechanism both sides implement. */
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

    // client → server: before authentication
    public static final byte STARTUP = 'V';
    public static final byte CANCEL_REQUEST = 'C';
    public static final byte PROGRESS_REQUEST = 'G';
    public static final byte SASL_INITIAL_RESPONSE = 'I';
    public static final byte SASL_RESPONSE = 'r';
    // client → server: requests
    public static final byte QUERY = 'Q';
    public static final byte PREPARE = 'P';
    public static final byte EXECUTE = 'E';
    public static final byte EXECUTE_BATCH = 'B';
    public static final byte FETCH = 'F';
    public static final byte CLOSE_CURSOR = 'c';
    public static final byte CLOSE_STATEMENT = 's';
    public static final byte SET_AUTO_COMMIT = 'a';
    public static final byte COMMIT = 'm';
    public static final byte ROLLBACK = 'b';
    public static final byte PING = 'y';
    public static final byte TERMINATE = 'X';

    // server → client
    public static final byte AUTHENTICATION_SASL = 'R';
    public static final byte SASL_CONTINUE = 'x';
    public static final byte SASL_FINAL = 'f';
    public static final byte READY = 'Z';
    public static final byte ERROR = 'E';
    public static final byte WARNING = 'W';
    public static final byte ROW_DESCRIPTION = 'T';
    public static final byte DATA_BATCH = 'D';
    public static final byte SUSPENDED = 'S';
    public static final byte NO_MORE_ROWS = 'N';
    public static final byte UPDATE_COUNT = 'U';
    public static final byte PREPARED = 'p';
    public static final byte BATCH_COUNTS = 'b';
    public static final byte OK = 'O';
    public static final byte PROGRESS = 'g';

    private MessageTypes() {
    }
}
