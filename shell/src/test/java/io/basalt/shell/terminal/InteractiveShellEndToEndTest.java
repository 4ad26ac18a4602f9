package io.basalt.shell.terminal;

import io.basalt.shell.ShellCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell as a person uses it, in a real terminal (tmux): typing a multi-line query and seeing the table,
 * completing a table name with Tab, cancelling a long query with Ctrl-C and getting the prompt back, and
 * leaving with Ctrl-C twice. Skipped where tmux is not installed and cannot be.
 */
class InteractiveShellEndToEndTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String PROMPT = "basalt> ";
    /** SELECT after escape codes that include blue (34), however tmux spells them. */
    private static final Pattern BLUE_SELECT = Pattern.compile("(\u001b\\[[0-9;]*m)*\u001b\\[([0-9;]*;)?34(;[0-9;]*)?m(\u001b\\[[0-9;]*m)*SELECT");

    @TempDir
    Path directory;

    @Test
    void typeCompleteCancelAndQuit() throws IOException, InterruptedException {
        Assumptions.assumeTrue(TmuxTerminal.available(), "tmux is not installed and cannot be installed here");
        try (TmuxTerminal terminal = TmuxTerminal.start(directory, shellScript(), 120, 40)) {
            terminal.waitFor("the prompt", START, screen -> screen.contains(PROMPT));

            run(terminal, "CREATE TABLE weather_stations (id INT, name VARCHAR(20), temp DOUBLE);", "OK");
            run(terminal, "INSERT INTO weather_stations VALUES (1, 'Oslo', -3.5), (2, NULL, 20.25), (3, '東京', 15);",
                    "OK, 3 rows");

            terminal.type("SELECT id, name, temp");
            terminal.press("Enter");
            terminal.waitFor("the continuation prompt", STEP, screen -> screen.contains("   ...> "));
            String table = run(terminal, "FROM weather_stations ORDER BY id;", "(3 rows)");
            assertThat(table).contains("id | name |  temp", " 1 | Oslo |  -3.5", " 2 | NULL | 20.25", " 3 | 東京 |  15.0")
                    .containsPattern("Time: [0-9.]+ ms");

            terminal.type("SELECT count(*) AS stations FROM weather_st");
            terminal.press("Tab");
            terminal.waitFor("Tab to complete the table name", STEP, screen -> screen.contains("FROM weather_stations "));
            assertThat(terminal.screenWithColours()).as("keywords are highlighted (blue)").containsPattern(BLUE_SELECT);
            String count = run(terminal, ";", "(1 row)");
            assertThat(count).contains("stations").contains("       3");

            run(terminal, "CREATE TABLE ten (d INT);", "OK");
            run(terminal, "INSERT INTO ten VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);", "OK, 10 rows");
            run(terminal, "CREATE TABLE numbers AS SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n "
                    + "FROM ten a, ten b, ten c, ten e;", "OK, 10,000 rows");
            // A billion joined rows: many seconds of work, to be cancelled after the progress line shows.
            terminal.type("SELECT count(*) FROM numbers a, numbers b, ten c WHERE a.n + b.n + c.d > 5;");
            terminal.press("Enter");
            // The embedded driver reports scan progress: rows scanned of the three scans' 20,010 rows.
            terminal.waitFor("the progress line", STEP, screen -> screen.contains(" / 20,010 rows scanned (")
                    && screen.contains("(Ctrl-C cancels)"));
            terminal.press("C-c");
            terminal.waitFor("the cancellation", STEP, screen -> screen.contains("Cancelled after"));
            run(terminal, "SELECT 42 AS answer;", "(1 row)");

            terminal.press("C-c");
            terminal.waitFor("the hint to press Ctrl-C again", STEP, screen -> screen.contains("Ctrl-C again to quit"));
            terminal.press("C-c");
            terminal.waitForExit(STEP);
        }
        assertThat(Files.readString(directory.resolve(".basalt_history"), StandardCharsets.UTF_8))
                .as("history is kept in the home directory").contains("SELECT id, name, temp").contains("AS answer");
    }

    /** Types a line, presses Enter, waits for {@code expected} and the next prompt; returns the screen. */
    private static String run(TmuxTerminal terminal, String line, String expected) throws IOException, InterruptedException {
        int prompts = count(terminal.screen(), PROMPT);
        terminal.type(line);
        terminal.press("Enter");
        return terminal.waitFor("'" + expected + "' after " + line, STEP,
                screen -> screen.contains(expected) && count(screen, PROMPT) > prompts && screen.stripTrailing().endsWith(PROMPT.strip()));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * The shell as {@code bin/basalt shell} starts it, from this test's class path, with the home directory
     * (where history goes) and the data directory in the test's temporary directory.
     */
    private Path shellScript() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "#!/bin/sh\n"
                + "export HOME=" + quoted(directory.toString()) + " LANG=C.UTF-8 LC_ALL=C.UTF-8\n"
                + "exec " + quoted(java) + " -Duser.home=" + quoted(directory.toString())
                + " -Xmx1g -Dfile.encoding=UTF-8 --add-opens=java.base/java.nio=ALL-UNNAMED -cp " + quoted(classPath)
                + " " + ShellCommand.class.getName() + " --data " + quoted(directory.resolve("data").toString()) + "\n";
        Path file = directory.resolve("basalt-shell.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
