package io.basalt.shell;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

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
    void describesTheCatalogOfAnEmbeddedDatabase() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            try (Transaction transaction = engine.begin()) {
                transaction.createTable(TableDefinition.of("main", "orders", List.of(
                        ColumnDefinition.notNull("o_orderkey", LogicalType.BIGINT),
                        ColumnDefinition.of("o_totalprice", LogicalType.decimal(15, 2)))));
                transaction.commit();
            }
        }
        int status = ShellCommand.run(new String[] {"--data", directory.toString(), "-c", "\\dt", "-c", "\\d orders"});
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(text).contains("main   | orders").contains("o_totalprice | DECIMAL(15,2) | yes").contains("(1 row)");
    }

    @Test
    void sqlFailsLoudlyUntilTheQueryEngineExists() {
        int status = ShellCommand.run(new String[] {"--data", directory.toString(), "-c", "select 1"});
        assertThat(status).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("ERROR 0A000: not supported yet");
    }

    @Test
    void aDirectoryOpenElsewhereGivesAClearError() {
        try (StorageEngine ignored = StorageEngine.open(directory)) {
            int status = ShellCommand.run(new String[] {"--data", directory.toString(), "-c", "\\dt"});
            assertThat(status).isEqualTo(1);
        }
    }
}
