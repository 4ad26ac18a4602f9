package io.basalt.shell;

import io.basalt.storage.StorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShellCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    @Test
    void runsSqlAndMetaCommandsOnAnEmbeddedDatabase() {
        int status = ShellCommand.run(new String[] {"--data", directory.toString(),
                "-c", "CREATE TABLE orders (o_orderkey BIGINT PRIMARY KEY, o_totalprice DECIMAL(15,2), o_comment VARCHAR(20));",
                "-c", "INSERT INTO orders VALUES (1, 10.50, 'first'), (2, NULL, '日本語');",
                "-c", "SELECT o_orderkey, o_totalprice, o_comment FROM orders ORDER BY o_orderkey;",
                "-c", "\\dt", "-c", "\\d orders"});
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isZero();
        assertThat(text).contains("OK, 2 rows")
                .contains("o_orderkey | o_totalprice | o_comment")
                .contains("         1 |        10.50 | first")
                .contains("         2 |         NULL | 日本語")
                .contains("orders")
                .contains("o_totalprice | DECIMAL(15,2)");
    }

    @Test
    void anErrorShowsItsStateAndACaretAndTheShellGoesOn() {
        int status = ShellCommand.run(new String[] {"--data", directory.toString(), "-c", "SELECT nope FROM nowhere;",
                "-c", "SELECT 1 + 1 AS two;"});
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(text).contains("ERROR 42P01").contains("nowhere").contains("^").contains("two").contains("  2");
    }

    @Test
    void aDirectoryOpenElsewhereGivesAClearError() {
        try (StorageEngine ignored = StorageEngine.open(directory)) {
            int status = ShellCommand.run(new String[] {"--data", directory.toString(), "-c", "\\dt"});
            assertThat(status).isEqualTo(1);
        }
    }
}
