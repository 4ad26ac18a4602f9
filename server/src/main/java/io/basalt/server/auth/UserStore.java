package io.basalt.server.auth;


import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's users, in {@code DIR/security/users}: one line per user with SCRAM-SHA-256 credentials (salt,
 * iterations, StoredKey, ServerKey, base64), never a password. A small file rather than a table because it must be
 * readable before any session exists and must not be reachable by SQL; it is replaced atomically on every change
 * (write, fsync, rename), so a crash leaves the old or the new list, never half of one.
 */
public final class UserStore {

    private static final String HEADER = "# Basalt users: name SCRAM-SHA-256 iterations salt stored-key server-key "
            + "(base64). No passwords are stored. Edit through SQL, not by hand.";

    private static final String WHAT = "user list";

    private final Path file;
    private final Map<String, UserCredentials> users = new LinkedHashMap<>();

    private UserStore(Path file) {
        this.file = file;
    }

    /** Reads the users of data directory {@code dataDirectory} (none when the file does not exist yet). */
    public static UserStore open(Path dataDirectory) {
        UserStore store = new UserStore(SecurityFiles.file(dataDirectory, "users"));
        store.load();
        return store;
    }

    private void load() {
        for (String[] fields : SecurityFiles.read(file, WHAT)) {
            if (fields.length != 6 || !fields[1].equals("SCRAM-SHA-256")) {
                throw new IllegalStateException("malformed line in " + file + ": " + String.join(" ", fields));
            }
            Base64.Decoder base64 = Base64.getDecoder();
            String name = SecurityFiles.decode(fields[0]);
            users.put(name, new UserCredentials(name, Integer.parseInt(fields[2]), base64.decode(fields[3]),
                    base64.decode(fields[4]), base64.decode(fields[5])));
        }
    }

    public synchronized boolean isEmpty() {
        return users.isEmpty();
    }

    public synchronized Optional<UserCredentials> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** Adds or replaces a user's credentials and writes the file before returning. */
    public synchronized void put(UserCredentials credentials) {
        users.put(credentials.name(), credentials);
        save();
    }

    public synchronized boolean remove(String name) {
        boolean removed = users.remove(name) != null;
        if (removed) {
            save();
        }
        return removed;
    }

    private void save() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        Base64.Encoder base64 = Base64.getEncoder();
        for (UserCredentials user : users.values()) {
            text.append(SecurityFiles.encode(user.name())).append(" SCRAM-SHA-256 ")
                    .append(user.iterations()).append(' ').append(base64.encodeToString(user.salt())).append(' ')
                    .append(base64.encodeToString(user.storedKey())).append(' ')
                    .append(base64.encodeToString(user.serverKey())).append('\n');
        }
        SecurityFiles.publish(file, text.toString(), WHAT);
    }
}
