package io.basalt.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.type.LogicalType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relations a plan reads, as privilege checks need them: a view apart from what its own text reads. */
class RelationReadsTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    private static final RelationName EVENTS = new RelationName("main", "events");
    private static final RelationName TAGS = new RelationName("main", "tags");
    private static final RelationName TAGGED = new RelationName("main", "tagged");
    private static final RelationName LABELS = new RelationName("main", "labels");

    @BeforeAll
    static void createCatalog() {
        SmallCatalog.create(directory);
        try (StorageEngine engine = StorageEngine.open(directory)) {
            try (Transaction transaction = engine.begin()) {
                // tagged reads both tables; labels reads tagged and tags again, which it names itself too
                transaction.createView(new ViewDefinition("main", "tagged",
                        "SELECT e.id, t.label FROM events e JOIN tags t ON e.tag_id = t.tag_id",
                        List.of(ColumnDefinition.of("id", LogicalType.BIGINT), ColumnDefinition.of("label", LogicalType.TEXT)),
                        List.of("main"), List.of(EVENTS, TAGS)), false);
                transaction.createView(new ViewDefinition("main", "labels",
                        "SELECT label FROM tagged WHERE id IN (SELECT tag_id FROM tags)",
                        List.of(ColumnDefinition.of("label", LogicalType.TEXT)),
                        List.of("main"), List.of(TAGGED, EVENTS, TAGS)), false);
                transaction.commit();
            }
            catalog = engine.current();
        }
    }

    private static RelationReads reads(String query) {
        return new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS).reads();
    }

    @Test
    void aQueryOverTablesReadsThemDirectly() {
        RelationReads reads = reads("SELECT * FROM events WHERE tag_id IN (SELECT tag_id FROM tags)");
        assertThat(reads.direct()).containsExactlyInAnyOrder(EVENTS, TAGS);
        assertThat(reads.viewReads()).isEmpty();
    }

    @Test
    void aViewIsReadAsAWholeAndItsOwnReadsAreKeptApart() {
        RelationReads reads = reads("SELECT * FROM labels");
        assertThat(reads.direct()).containsExactly(LABELS);
        assertThat(reads.viewReads()).isEqualTo(Map.of(LABELS, Set.of(TAGGED, TAGS), TAGGED, Set.of(EVENTS, TAGS)));
        assertThat(reads.all()).containsExactlyInAnyOrder(LABELS, TAGGED, EVENTS, TAGS);
    }

    @Test
    void aTableTheQueryNamesBesidesAViewIsADirectRead() {
        RelationReads reads = reads("SELECT t.id FROM tagged t JOIN events e ON t.id = e.id");
        assertThat(reads.direct()).containsExactlyInAnyOrder(TAGGED, EVENTS);
        assertThat(reads.viewReads()).isEqualTo(Map.of(TAGGED, Set.of(EVENTS, TAGS)));
    }

    @Test
    void informationSchemaViewsAreReadsToo() {
        RelationReads reads = reads("SELECT table_name FROM information_schema.tables");
        assertThat(reads.direct()).containsExactly(new RelationName("information_schema", "tables"));
    }
}
