package io.basalt.tpch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TpchDataGeneratorTest {

    @TempDir
    Path directory;

    @Test
    void writesDbgenStyleFilesForEveryTable() throws IOException {
        List<Path> files = TpchDataGenerator.generate(0.01, directory, 2);
        assertThat(files).hasSize(8).allMatch(Files::exists);
        assertThat(Files.readAllLines(TpchDataGenerator.fileOf(directory, "region")))
                .hasSize(5)
                .first().asString().startsWith("0|AFRICA|").endsWith("|");
        try (var lines = Files.lines(TpchDataGenerator.fileOf(directory, "lineitem"))) {
            assertThat(lines.count()).isEqualTo(60_175);
        }
        try (var lines = Files.lines(TpchDataGenerator.fileOf(directory, "orders"))) {
            assertThat(lines.count()).isEqualTo(15_000);
        }
        long before = Files.getLastModifiedTime(files.get(0)).toMillis();
        TpchDataGenerator.generate(0.01, directory, 2);
        assertThat(Files.getLastModifiedTime(files.get(0)).toMillis()).as("existing files are reused").isEqualTo(before);
        assertThat(directory.resolve("lineitem.tbl.partial")).doesNotExist();
    }
}
