package io.basalt.server.auth;

import io.basalt.storage.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    private final Path file;
    private final Map<String, UserCredentials> users = new LinkedHashMap<>();

    private UserStore(Path file) {
        this.file = file;
    }

    /** Reads the users of data directory {@code dataDirectory} (none when the file does not exist yet). */
    public static UserStore open(Path dataDirectory) {
        UserStore store = new UserStore(dataDirectory.resolve("security").resolve("users"));
        store.load();
        return store;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split(" ");
                if (fields.length != 6 || !fields[1].equals("SCRAM-SHA-256")) {
                    throw new IllegalStateException("malformed line in " + file + ": " + line);
                }
                Base64.Decoder base64 = Base64.getDecoder();
                String name = URLDecoder.decode(fields[0], StandardCharsets.UTF_8);
                users.put(name, new UserCredentials(name, Integer.parseInt(fields[2]), base64.decode(fields[3]),
                        base64.decode(fields[4]), base64.decode(fields[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the user list " + file + ": " + e.getMessage(), e);
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
            text.append(URLEncoder.encode(user.name(), StandardCharsets.UTF_8)).append(" SCRAM-SHA-256 ")
                    .append(user.iterations()).append(' ').append(base64.encodeToString(user.salt())).append(' ')
                    .append(base64.encodeToString(user.storedKey())).append(' ')
                    .append(base64.encodeToString(user.serverKey())).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            DurableFiles.publishAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the user list " + file + ": " + e.getMessage(), e);
        }
    }
}
