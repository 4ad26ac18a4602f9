package io.basalt.shell;

import java.nio.file.Path;

/** File names as people type them at a prompt, where {@code ~/} means the home directory. */
final class HomePaths {

    private HomePaths() {
    }

    static Path expand(String name) {
        String text = name.strip();
        if (text.equals("~") || text.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), text.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(text);
    }
}
