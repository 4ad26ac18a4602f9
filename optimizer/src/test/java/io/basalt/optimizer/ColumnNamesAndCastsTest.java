package io.basalt.optimizer;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Words PostgreSQL lets users name columns with, although Calcite's grammars reserve some of them, and
 * PostgreSQL's {@code ::} cast.
 */
class ColumnNamesAndCastsTest {

    private static final List<String> NAMES = List.of("year", "month", "day", "hour", "minute", "second", "value",
            "count", "timestamp", "date", "time", "one", "position", "rank", "type", "name", "key", "level", "data",
            "status", "text", "result", "language", "comment", "first", "last", "min", "max", "sum", "start",
            "end", "size", "role", "source", "target", "percent", "version", "zone", "format", "mode", "week",
            "quarter", "epoch", "label");

    @TempDir
    static Path directory;
    private static Manifest catalog;

    @BeforeAll
    static void createTableWithEveryName() {
        List<ColumnDefinition> columns = NAMES.stream()
                .map(name -> ColumnDefinition.of(name, LogicalType.INTEGER)).toList();
        TableDefinition table = new TableDefinition(Manifest.DEFAULT_SCHEMA, "t", columns, List.of(),
                TableOptions.DEFAULT);
        try (StorageEngine engine = StorageEngine.open(directory)) {
            try (Transaction transaction = engine.begin()) {
                transaction.createTable(table);
                transaction.commit();
            }
            catalog = engine.current();
        }
    }

    private static PlannedQuery plan(String query) {
        return new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"year", "month", "day", "hour", "minute", "second", "value", "count", "timestamp",
            "date", "time", "one", "position", "rank", "type", "name", "key", "level", "data", "status", "text",
            "result", "language", "comment", "first", "last", "min", "max", "sum", "start", "end", "size", "role",
            "source", "target", "percent", "version", "zone", "format", "mode", "week", "quarter", "epoch", "label"})
    void wordIsAColumnNameAndAnAliasUnquoted(String name) {
        assertThat(plan("SELECT " + name + ", t." + name + " AS other FROM t WHERE " + name + " > 1 ORDER BY " + name)
                .columns().get(0).name()).isEqualTo(name);
        assertThat(plan("SELECT x." + name + " FROM t AS x GROUP BY " + name).columns()).hasSize(1);
        assertThat(plan("SELECT 1 AS " + name).columns().get(0).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT date, CAST(date AS bigint) AS date, CAST('x' || date AS varchar) AS d2, CAST('2024-01-01' AS date) FROM t",
            "SELECT timestamp::bigint, '2024-01-01'::date, CAST('12:00:00' AS time) FROM t",
            "SELECT EXTRACT(YEAR FROM DATE '2024-01-01') AS year, DATE '2024-01-01' + INTERVAL '1' MONTH AS month",
            "SELECT TIMESTAMP '2024-01-01 10:00:00' AS timestamp, TIME '10:00:00' AS time"})
    void typeNamesStayTypesWhereATypeIsExpected(String query) {
        assertThat(plan(query).columns()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1::bigint AS v", "SELECT '42'::integer + 1 AS v", "SELECT ('2.5'::decimal(3,1)) AS v"})
    void doubleColonIsACast(String query) {
        assertThat(plan(query).columns().get(0).name()).isEqualTo("v");
    }
}
