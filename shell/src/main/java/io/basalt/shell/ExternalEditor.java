package io.basalt.shell;

import org.jline.terminal.Terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code \e}: opens text in the user's editor ({@code $VISUAL}, {@code $EDITOR}, else {@code vi}) and
 * returns what was saved. The terminal is paused meanwhile, so that JLine does not read the keys meant for
 * the editor.
 */
final class ExternalEditor {

    private ExternalEditor() {
    }

    static String edit(Terminal terminal, String text) throws IOException, InterruptedException {
        Path file = Files.createTempFile("basalt-edit-", ".sql");
        try {
            Files.writeString(file, text.isEmpty() || text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            terminal.pause();
            try {
                // Through sh, so that EDITOR="code --wait" works as in git.
                Process editor = new ProcessBuilder("sh", "-c", editorCommand() + " \"$1\"", "basalt-editor", file.toString())
                        .inheritIO().start();
                int status = editor.waitFor();
                if (status != 0) {
                    throw new IOException("the editor exited with status " + status);
                }
            } finally {
                terminal.resume();
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String editorCommand() {
        for (String variable : new String[] {"VISUAL", "EDITOR"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "vi";
    }
}
