package io.basalt.shell;

import io.basalt.storage.StorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell run as a script: {@code -c}, {@code -f}, a pipe, with output formats and exit statuses. */
class ShellCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", directory.resolve("data").toString()));
        all.addAll(List.of(args));
        return ShellCommand.run(all.toArray(String[]::new), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void createOrders() {
        assertThat(run("", "-c", """
                CREATE TABLE orders (o_orderkey BIGINT PRIMARY KEY, o_totalprice DECIMAL(15,2), o_comment VARCHAR(20));
                INSERT INTO orders VALUES (1, 10.50, 'first; really'), (2, NULL, '日本語');""")).as(err()).isZero();
        out.reset();
        err.reset();
    }

    @Test
    void runsStatementsFromAPipeWithResultsOnStandardOutputAndMessagesOnStandardError() {
        int status = run("""
                CREATE TABLE orders (o_orderkey BIGINT PRIMARY KEY, o_totalprice DECIMAL(15,2), o_comment VARCHAR(20));
                INSERT INTO orders VALUES (1, 10.50, 'first; really'),
                                          (2, NULL, '日本語');
                SELECT o_orderkey, o_totalprice, o_comment -- the ; in a comment
                FROM orders ORDER BY o_orderkey;
                """);
        assertThat(status).as(err()).isZero();
        assertThat(out()).isEqualTo("""
                o_orderkey | o_totalprice | o_comment
                -----------+--------------+--------------
                         1 |        10.50 | first; really
                         2 |         NULL | 日本語
                (2 rows)
                """);
        assertThat(err()).contains("OK\n").contains("OK, 2 rows\n").doesNotContain("Time:");
    }

    @Test
    void formatsAndEcho() {
        createOrders();
        assertThat(run("", "--format", "csv", "-c", "SELECT o_orderkey, o_comment FROM orders ORDER BY 1")).isZero();
        assertThat(out()).isEqualTo("o_orderkey,o_comment\n1,first; really\n2,日本語\n");
        out.reset();
        assertThat(run("", "--format", "json", "--echo", "-c", "SELECT o_orderkey FROM orders WHERE o_orderkey = 2;")).isZero();
        assertThat(out()).isEqualTo("SELECT o_orderkey FROM orders WHERE o_orderkey = 2;\n[\n{\"o_orderkey\":2}\n]\n");
    }

    @Test
    void aFailedStatementShowsItsStateAndACaretAndTheScriptGoesOnButExitsWithOne() {
        int status = run("SELECT nope\nFROM nowhere;\nSELECT 1 + 1 AS two;\n");
        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("ERROR 42P01:").contains("nowhere").contains("LINE 2: FROM nowhere\n             ^\n");
        assertThat(out()).contains("two").contains("  2");
    }

    @Test
    void scriptsAndCommandsRunInOrderAndTheLastStatementNeedsNoSemicolon() throws IOException {
        Path script = directory.resolve("script.sql");
        Files.writeString(script, "CREATE TABLE t (x INT);\nINSERT INTO t VALUES (41)");
        assertThat(run("", "-f", script.toString(), "-c", "SELECT x + 1 AS answer FROM t")).as(err()).isZero();
        assertThat(out()).contains("answer").contains("42");
    }

    @Test
    void metaCommandsDescribeTheCatalog() {
        createOrders();
        assertThat(run("", "-c", "\\dt", "-c", "\\d orders", "-c", "\\dn", "-c", "\\dv", "-c", "\\dm", "-c", "\\di")).as(err()).isZero();
        assertThat(out()).contains("main   | orders | table")
                .contains("Table main.orders")
                .contains("o_totalprice | DECIMAL(15,2)")
                .contains("Primary key: (o_orderkey)")
                .contains("Partitions: none")
                // keys are Basalt's only indexes so far: the driver reports them as unique indexes
                .contains("Indexes:\n  orders_pkey (o_orderkey) UNIQUE")
                .contains("main   | orders_pkey | orders | o_orderkey | yes");
        assertThat(err()).contains("No views.").contains("No materialized views.");
    }

    @Test
    void describeShowsForeignKeysWithTheReferencedTableAndColumns() {
        createOrders();
        assertThat(run("", "-c", "CREATE SCHEMA sales", "-c", """
                CREATE TABLE sales.lines (l_orderkey BIGINT, l_number INT, l_note VARCHAR(10),
                    PRIMARY KEY (l_orderkey, l_number),
                    CONSTRAINT lines_order FOREIGN KEY (l_orderkey) REFERENCES main.orders (o_orderkey))""",
                "-c", """
                CREATE TABLE sales.notes (n_orderkey BIGINT, n_number INT,
                    FOREIGN KEY (n_number, n_orderkey) REFERENCES sales.lines (l_number, l_orderkey))""",
                "-c", "\\d sales.lines", "-c", "\\d sales.notes", "-c", "\\d orders")).as(err()).isZero();
        assertThat(out()).contains("Table sales.lines")
                .contains("Foreign key: (l_orderkey) REFERENCES main.orders (o_orderkey)")
                .contains("Table sales.notes")
                .contains("Foreign key: (n_number, n_orderkey) REFERENCES sales.lines (l_number, l_orderkey)");
        // orders has no foreign key of its own
        String orders = out().substring(out().indexOf("Table main.orders"));
        assertThat(orders).doesNotContain("Foreign key");
    }

    @Test
    void tablesAreListedBySchemaOrPattern() {
        createOrders();
        assertThat(run("", "-c", "CREATE SCHEMA sales", "-c", "CREATE TABLE sales.regions (r INT)", "-c", "\\dt ord*",
                "-c", "\\dt sales", "-c", "\\dt nothing*")).as(err()).isZero();
        assertThat(out()).contains("main   | orders | table").contains("sales  | regions | table");
        assertThat(out().lines().filter(line -> line.contains("| table")).count()).isEqualTo(2);
        assertThat(err()).contains("No tables match nothing*.");
    }

    @Test
    void describingAMissingTableFails() {
        assertThat(run("\\d nowhere\n")).isEqualTo(1);
        assertThat(err()).contains("ERROR 42P01");
    }

    @Test
    void settingsChangeTheOutput() {
        createOrders();
        int status = run("""
                \\timing on
                \\mode markdown
                SELECT o_orderkey FROM orders ORDER BY 1;
                \\mode table
                \\x
                SELECT o_orderkey FROM orders WHERE o_orderkey = 1;
                \\mode nonsense
                """);
        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("| o_orderkey |\n| ---------: |\n|          1 |")
                .contains("-[ RECORD 1 ]").contains("o_orderkey | 1");
        assertThat(err()).contains("Time: ").contains("unknown mode 'nonsense'");
    }

    @Test
    void resultsGoToAFileWithBackslashOAndScriptsRunWithBackslashI() throws IOException {
        Path results = directory.resolve("results.txt");
        Path included = directory.resolve("included.sql");
        Files.writeString(included, "SELECT 'from the file' AS origin;\n");
        int status = run("\\o " + results + "\n\\i " + included + "\n\\o\nSELECT 'on screen' AS origin;\n");
        assertThat(status).as(err()).isZero();
        assertThat(Files.readString(results)).contains("from the file").doesNotContain("on screen");
        assertThat(out()).contains("on screen").doesNotContain("from the file");
    }

    @Test
    void connectingElsewhereWorksForADirectoryAndAFailedConnectionKeepsTheCurrentOne() {
        Path other = directory.resolve("other");
        int status = run("""
                CREATE TABLE here (x INT);
                \\c jdbc:basalt://localhost:1/?user=nobody&password=x
                \\dt
                \\c jdbc:basalt:file:%s
                \\dt
                """.formatted(other));
        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("ERROR 08001").contains("Still connected to").contains("Connected to jdbc:basalt:file:" + other)
                .contains("No tables.");
        assertThat(out()).contains("here");
    }

    @Test
    void quitStopsTheScript() {
        assertThat(run("SELECT 1 AS one;\n\\q\nSELECT nope;\n")).as(err()).isZero();
        assertThat(out()).as(err()).contains("one");
    }

    @Test
    void aFailureBeforeQuitStillMakesTheExitStatusOne() {
        assertThat(run("SELECT nope;\n\\q\n")).isEqualTo(1);
    }

    @Test
    void unknownMetaCommandsAndOptions() {
        assertThat(run("\\frobnicate\n")).isEqualTo(1);
        assertThat(err()).contains("unknown meta-command \\frobnicate");
        assertThat(ShellCommand.run(new String[] {"--format", "xml"}, System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err()).contains("unknown format 'xml'");
        assertThat(ShellCommand.run(new String[] {"--data", "a", "--url", "b"}, System.in, System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8))).isEqualTo(2);
    }

    @Test
    void anUnreachableServerFailsWithTheDriversMessage() {
        int status = ShellCommand.run(new String[] {"--url", "jdbc:basalt://localhost:1/?user=nobody&password=x", "-c", "SELECT 1"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("ERROR 08001").contains("could not connect to the Basalt server at localhost:1");
    }

    @Test
    void aDirectoryOpenElsewhereGivesAClearError() {
        try (StorageEngine ignored = StorageEngine.open(directory.resolve("data"))) {
            assertThat(run("", "-c", "\\dt")).isEqualTo(1);
            assertThat(err()).contains("already open");
        }
    }
}
