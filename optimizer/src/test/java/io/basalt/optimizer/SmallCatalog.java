package io.basalt.optimizer;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.type.LogicalType;

import java.nio.file.Path;
import java.util.List;

/**
 * Two small tables for expression and error tests, created through storage like user tables:
 * {@code events} (one column of each common type, most nullable) and {@code tags} (keys of another width).
 */
final class SmallCatalog {

    private SmallCatalog() {
    }

    static Manifest create(Path directory) {
        TableDefinition events = new TableDefinition(Manifest.DEFAULT_SCHEMA, "events", List.of(
                ColumnDefinition.notNull("id", LogicalType.BIGINT),
                ColumnDefinition.of("kind", LogicalType.varchar(20)),
                ColumnDefinition.of("code", LogicalType.character(4)),
                ColumnDefinition.of("amount", LogicalType.decimal(12, 2)),
                ColumnDefinition.of("big_amount", LogicalType.decimal(30, 4)),
                ColumnDefinition.of("quantity", LogicalType.INTEGER),
                ColumnDefinition.of("ratio", LogicalType.DOUBLE),
                ColumnDefinition.of("event_day", LogicalType.DATE),
                ColumnDefinition.of("moment", LogicalType.TIMESTAMP),
                ColumnDefinition.of("flag", LogicalType.BOOLEAN),
                ColumnDefinition.of("tag_id", LogicalType.INTEGER)),
                List.of(new Constraint.PrimaryKey("events_pk", List.of("id"))), TableOptions.DEFAULT);
        TableDefinition tags = new TableDefinition(Manifest.DEFAULT_SCHEMA, "tags", List.of(
                ColumnDefinition.notNull("tag_id", LogicalType.BIGINT),
                ColumnDefinition.of("label", LogicalType.TEXT),
                ColumnDefinition.of("parent_id", LogicalType.BIGINT)),
                List.of(new Constraint.PrimaryKey("tags_pk", List.of("tag_id"))), TableOptions.DEFAULT);
        try (StorageEngine engine = StorageEngine.open(directory)) {
            try (Transaction transaction = engine.begin()) {
                transaction.createTable(events);
                transaction.createTable(tags);
                transaction.commit();
            }
            return engine.current();
        }
    }
}
