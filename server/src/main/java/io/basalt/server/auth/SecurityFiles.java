package io.basalt.server.auth;

import io.basalt.storage.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of {@code DIR/security/}: small text files of space-separated fields, one record a line, names
 * URL-encoded (so a name may hold spaces or any character), each replaced atomically on every change (write, fsync,
 * rename), so a crash leaves the old or the new file, never half of one.
 */
public final class SecurityFiles {

    private SecurityFiles() {
    }

    /** The file {@code name} of data directory {@code dataDirectory}'s security folder. */
    public static Path file(Path dataDirectory, String name) {
        return dataDirectory.resolve("security").resolve(name);
    }

    /** The records of {@code file}, each split into its fields (blank lines and {@code #} comments skipped). */
    public static List<String[]> read(Path file, String what) {
        List<String[]> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    records.add(line.trim().split(" "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Replaces {@code file} with {@code text} atomically and durably. */
    public static void publish(Path file, String text, String what) {
        try {
            Files.createDirectories(file.getParent());
            DurableFiles.publishAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    public static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    public static String decode(String field) {
        return URLDecoder.decode(field, StandardCharsets.UTF_8);
    }
}
