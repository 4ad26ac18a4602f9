package io.basalt.storage.table;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.csv.CsvFormatException;
import io.basalt.storage.csv.CsvOptions;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableLoaderTest {

    @TempDir
    Path directory;

    @Test
    void loadsAFileAndABadRowCommitsNothing() throws IOException {
        Path good = directory.resolve("good.tbl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(i).append('|').append("name ").append(i).append('|').append("2024-01-").append(1 + i % 28).append("|\n");
        }
        Files.writeString(good, text);
        Path bad = directory.resolve("bad.tbl");
        Files.writeString(bad, text + "5000|name|2024-02-30|\n");
        CsvOptions options = CsvOptions.builder().delimiter('|').allowTrailingDelimiter(true).build();
        try (StorageEngine engine = StorageEngine.open(directory.resolve("data"))) {
            long table;
            try (Transaction transaction = engine.begin()) {
                table = transaction.createTable(TableDefinition.of(Manifest.DEFAULT_SCHEMA, "t", List.of(
                        ColumnDefinition.notNull("id", LogicalType.INTEGER), ColumnDefinition.of("name", LogicalType.varchar(20)),
                        ColumnDefinition.of("day", LogicalType.DATE))));
                transaction.commit();
            }
            try (Transaction transaction = engine.begin()) {
                assertThat(CsvTableLoader.load(transaction, table, good, options, 2)).isEqualTo(5000);
                transaction.commit();
            }
            try (Transaction transaction = engine.begin()) {
                assertThatThrownBy(() -> CsvTableLoader.load(transaction, table, bad, options, 2))
                        .isInstanceOf(CsvFormatException.class)
                        .hasMessageContaining("bad.tbl")
                        .hasMessageContaining(":5001")
                        .hasMessageContaining("day")
                        .hasMessageContaining("2024-02-30");
            }
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            TableReader.scan(engine.layout(), engine.current(), table, new int[] {0, 1}, batch -> {
                for (int i = 0; i < batch.rowCount(); i++) {
                    ids.add(((LongVector) batch.column(0)).get(i));
                    names.add(((BytesVector) batch.column(1)).getString(i));
                }
            });
            assertThat(ids).hasSize(5000);
            assertThat(ids.get(4999)).isEqualTo(4999);
            assertThat(names.get(17)).isEqualTo("name 17");
            try (Stream<Path> files = Files.walk(directory.resolve("data").resolve("tables"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".seg")).count()).as("the failed load left no files").isEqualTo(1);
            }
        }
    }
}
