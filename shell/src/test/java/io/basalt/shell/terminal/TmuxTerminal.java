package io.basalt.shell.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for end-to-end tests: a private tmux server (its own socket, so it never touches the
 * user's tmux) running one program in a pane of a fixed size. Tests type into it with {@code send-keys}
 * and read the screen with {@code capture-pane}, polling until what they expect appears, so they are as
 * fast as the program and never depend on fixed sleeps.
 */
final class TmuxTerminal implements AutoCloseable {

    private static final String SESSION = "basalt-test";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final Path socket;

    private TmuxTerminal(Path socket) {
        this.socket = socket;
    }

    /** Whether tmux runs here; if it is missing, tries to install it where that is possible (root with apt-get). */
    static boolean available() {
        if (works("tmux", "-V")) {
            return true;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            works("apt-get", "install", "-y", "-q", "tmux");
            return works("tmux", "-V");
        }
        return false;
    }

    /** Starts {@code script} (a shell script) in a pane of {@code columns} x {@code rows}; the pane stays after it exits. */
    static TmuxTerminal start(Path directory, Path script, int columns, int rows) throws IOException {
        TmuxTerminal terminal = new TmuxTerminal(directory.resolve("tmux.socket"));
        terminal.tmux("new-session", "-d", "-s", SESSION, "-x", String.valueOf(columns), "-y", String.valueOf(rows), "sh");
        terminal.tmux("set-option", "-t", SESSION, "remain-on-exit", "on");
        terminal.tmux("respawn-pane", "-k", "-t", SESSION, "sh " + script);
        return terminal;
    }

    /** Types text as a person would. */
    void type(String text) throws IOException {
        // tmux reads an argument ending in ';' as a command separator unless the ';' is escaped.
        tmux("send-keys", "-t", SESSION, "-l", text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text);
    }

    /** Presses keys by tmux's names: Enter, Tab, C-c, C-r, … */
    void press(String... keys) throws IOException {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        command.addAll(List.of(keys));
        tmux(command.toArray(String[]::new));
    }

    /** The screen and its scrollback, wrapped lines joined. */
    String screen() throws IOException {
        return tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", SESSION);
    }

    /** The screen with colours as escape codes. */
    String screenWithColours() throws IOException {
        return tmux("capture-pane", "-p", "-e", "-J", "-t", SESSION);
    }

    /** Waits until the screen satisfies {@code condition}; fails with the screen after {@code timeout}. */
    String waitFor(String what, Duration timeout, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the screen shows:\n" + screen);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
            screen = screen();
        }
        return screen;
    }

    /** Waits until the program in the pane has exited. */
    void waitForExit(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!tmux("display-message", "-p", "-t", SESSION, "#{pane_dead}").strip().equals("1")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the program did not exit; the screen shows:\n" + screen());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    @Override
    public void close() throws IOException {
        tmux("kill-server");
    }

    private String tmux(String... arguments) throws IOException {
        // -u: the screen holds UTF-8 whatever the locale of the machine running the tests.
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-S", socket.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tmux " + String.join(" ", arguments) + " did not finish");
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running tmux", e);
        }
    }

    private static boolean works(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
