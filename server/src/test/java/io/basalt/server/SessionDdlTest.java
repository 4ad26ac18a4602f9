package io.basalt.server;

import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionDdlTest {

    @TempDir
    Path directory;

    private Database database;
    private Session session;

    @BeforeEach
    void open() {
        database = Database.open(directory);
        session = database.newSession();
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void aStarSchemaAsADataEngineerWritesIt() {
        session.execute("CREATE TABLE dim_date (date_key INT PRIMARY KEY, date_value DATE, day_of_week VARCHAR(10), "
                + "month_of_year INT, quarter_of_year INT, year INT)");
        session.execute("CREATE TABLE fact_sales (sale_id BIGINT PRIMARY KEY, date_key INT REFERENCES dim_date, "
                + "product_key INT, store_key INT, sale_amount NUMERIC(10,2), sale_quantity INT)");
        TableDefinition fact = database.storage().current().table("main", "fact_sales").orElseThrow().definition();
        assertThat(fact.columns()).extracting(c -> c.type()).containsExactly(LogicalType.BIGINT, LogicalType.INTEGER,
                LogicalType.INTEGER, LogicalType.INTEGER, LogicalType.decimal(10, 2), LogicalType.INTEGER);
        assertThat(fact.columns().get(0).nullable()).as("a primary key implies NOT NULL").isFalse();
        assertThat(fact.constraints()).containsExactly(new Constraint.PrimaryKey("fact_sales_pkey", List.of("sale_id")),
                new Constraint.ForeignKey("fact_sales_date_key_fkey", List.of("date_key"), "main", "dim_date", List.of("date_key")));
        assertThat(ResultRows.text(session.execute("SHOW TABLES"))).containsExactly(List.of("dim_date", "BASE TABLE"), List.of("fact_sales", "BASE TABLE"));
        assertThat(ResultRows.text(session.execute("DESCRIBE dim_date"))).first().isEqualTo(List.of("date_key", "INTEGER", "NO", "PRI", "NULL"));
    }

    @Test
    void errorsCarrySqlStatesAndPositions() {
        session.execute("CREATE TABLE t (a INT PRIMARY KEY)");
        assertThatThrownBy(() -> session.execute("CREATE TABLE t (a INT)"))
                .isInstanceOf(StatementException.class).hasMessageContaining("relation \"t\" already exists")
                .extracting(e -> ((StatementException) e).sqlState()).isEqualTo("42P07");
        session.execute("CREATE TABLE IF NOT EXISTS t (a INT)");
        assertThatThrownBy(() -> session.execute("CREATE TABLE u (a INT,)"))
                .satisfies(e -> {
                    StatementException error = (StatementException) e;
                    assertThat(error.sqlState()).isEqualTo("42601");
                    assertThat(error.line()).hasValue(1);
                    assertThat(error.column()).hasValue(23);
                });
        assertThatThrownBy(() -> session.execute("CREATE TABLE u (b INT REFERENCES nowhere (a))"))
                .hasMessageContaining("\"main.nowhere\" referenced by a foreign key does not exist");
        session.execute("CREATE TABLE child (id INT, parent INT REFERENCES t (a))");
        assertThatThrownBy(() -> session.execute("DROP TABLE t"))
                .hasMessageContaining("constraint child_parent_fkey on table child depends on it");
        session.execute("DROP TABLE child, t");
        assertThat(database.storage().current().tables()).isEmpty();
        session.execute("DROP TABLE IF EXISTS t");
        assertThatThrownBy(() -> session.execute("DROP TABLE t")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> session.execute("CREATE TABLE v (a NUMERIC(40,2))")).hasMessageContaining("precision");
        assertThatThrownBy(() -> session.execute("CREATE TABLE v (a INT) WITH (colour = 'red')"))
                .hasMessageContaining("unrecognized table option \"colour\"");
        assertThatThrownBy(() -> session.execute("CREATE VIEW v AS SELECT 1 FROM missing"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void schemasAndSettings() {
        session.execute("CREATE SCHEMA sales");
        session.execute("SET schema = 'sales'");
        session.execute("CREATE TABLE orders (id BIGINT, total NUMERIC(12,2)) WITH (compression = 'zstd')");
        assertThat(database.storage().current().table("sales", "orders")).isPresent();
        assertThatThrownBy(() -> session.execute("DROP SCHEMA sales")).hasMessageContaining("DROP SCHEMA … CASCADE");
        session.execute("DROP SCHEMA sales CASCADE");
        assertThatThrownBy(() -> session.execute("SET schema = 'sales'")).hasMessageContaining("does not exist");
        session.execute("SET memory_limit = '8GB'");
        assertThat(session.settings().memoryLimitBytes()).isEqualTo(8L << 30);
        assertThatThrownBy(() -> session.execute("SET memory_limit = 'lots'")).hasMessageContaining("invalid memory size");
        assertThatThrownBy(() -> session.execute("SET colour = 1")).hasMessageContaining("unrecognized configuration parameter");
    }

    @Test
    void copyLoadsACsvFileAndABadRowLoadsNothing() throws java.io.IOException {
        session.execute("CREATE TABLE items (id INT NOT NULL, name VARCHAR(20), price NUMERIC(8,2), added DATE)");
        Path good = directory.resolve("items.csv");
        java.nio.file.Files.writeString(good, "id,name,price,added\n1,apple,0.5,2024-01-02\n2,,1.25,2024-02-29\n");
        StatementResult result = session.execute("COPY items FROM '" + good + "' (FORMAT csv, HEADER)");
        assertThat(result).isEqualTo(new StatementResult.RowCount("COPY", 2));
        Path bad = directory.resolve("bad.tbl");
        java.nio.file.Files.writeString(bad, "3|pear|x|2024-01-01|\n");
        assertThatThrownBy(() -> session.execute("COPY items FROM '" + bad + "' (DELIMITER '|')"))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining("bad.tbl:1: column 3 (price)")
                .extracting(e -> ((StatementException) e).sqlState()).isEqualTo("22P02");
        assertThat(database.storage().current().table("main", "items").orElseThrow().rowCount()).isEqualTo(2);
        assertThatThrownBy(() -> session.execute("COPY items FROM '" + good + "' (FORMAT parquet)"))
                .hasMessageContaining("not supported yet: COPY format parquet");
        assertThatThrownBy(() -> session.execute("COPY items FROM '" + good + "' (COLOUR 'red')"))
                .hasMessageContaining("option \"colour\" not recognized");
    }
}
