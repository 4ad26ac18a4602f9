package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.basalt.parser.ast.ColumnDefinition;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.ForeignKeyConstraint;
import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.ast.PrimaryKeyConstraint;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.SourceSpan;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.parser.ast.TypeName;
import io.basalt.parser.ast.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreateTableTest {

    private static CreateTableStatement createTable(String sql) {
        return (CreateTableStatement) StatementParser.parse(sql);
    }

    private static List<String> columnNames(CreateTableStatement table) {
        return table.columns().stream().map(ColumnDefinition::name).toList();
    }

    private static List<TypeName> columnTypes(CreateTableStatement table) {
        return table.columns().stream().map(ColumnDefinition::type).toList();
    }

    @Test
    void factTableOfTheIssue() {
        String sql = "CREATE TABLE fact_sales (sale_id BIGINT PRIMARY KEY, date_key INT, product_key INT, store_key INT, "
                + "sale_amount NUMERIC(10,2), sale_quantity INT)";
        CreateTableStatement table = createTable(sql);
        assertThat(table.name()).isEqualTo(QualifiedName.of("fact_sales"));
        assertThat(table.ifNotExists()).isFalse();
        assertThat(columnNames(table)).containsExactly("sale_id", "date_key", "product_key", "store_key", "sale_amount",
                "sale_quantity");
        assertThat(columnTypes(table)).containsExactly(TypeName.of("BIGINT"), TypeName.of("INTEGER"), TypeName.of("INTEGER"),
                TypeName.of("INTEGER"), TypeName.of("DECIMAL", 10, 2), TypeName.of("INTEGER"));
        int primaryKeyAt = sql.indexOf("PRIMARY");
        assertThat(table.constraints()).containsExactly(new PrimaryKeyConstraint(Optional.empty(), List.of("sale_id"),
                new SourceSpan(primaryKeyAt, primaryKeyAt + "PRIMARY KEY".length(), 1, primaryKeyAt + 1)));
        assertThat(table.options()).isEmpty();
        assertThat(table.span()).isEqualTo(new SourceSpan(0, sql.length(), 1, 1));
    }

    @Test
    void dimensionTableWithYearAsAnUnquotedColumn() {
        CreateTableStatement table = createTable("CREATE TABLE dim_date (date_key INT PRIMARY KEY, date_value DATE, "
                + "day_of_week VARCHAR(10), month_of_year INT, quarter_of_year INT, year INT)");
        assertThat(columnNames(table)).containsExactly("date_key", "date_value", "day_of_week", "month_of_year",
                "quarter_of_year", "year");
        assertThat(columnTypes(table)).containsExactly(TypeName.of("INTEGER"), TypeName.of("DATE"), TypeName.of("VARCHAR", 10),
                TypeName.of("INTEGER"), TypeName.of("INTEGER"), TypeName.of("INTEGER"));
        assertThat(table.constraints()).extracting(c -> c.columns()).containsExactly(List.of("date_key"));
    }

    @Test
    void unquotedNamesFoldToLowerCaseAndQuotedNamesKeepTheirCase() {
        CreateTableStatement table = createTable("create table Sales.Fact_Sales (Sale_ID int, \"Mixed\"\"Case\" int)");
        assertThat(table.name()).isEqualTo(QualifiedName.of("sales", "fact_sales"));
        assertThat(table.name().schema()).contains("sales");
        assertThat(table.name().name()).isEqualTo("fact_sales");
        assertThat(columnNames(table)).containsExactly("sale_id", "Mixed\"Case");
    }

    @Test
    void keywordsThatAreNotReservedNameColumns() {
        CreateTableStatement table = createTable("CREATE TABLE t (date DATE, text TEXT, key INT, name TEXT, time TIME, "
                + "timestamp TIMESTAMP, value INT, format TEXT, header TEXT, quote TEXT, schema TEXT, view TEXT)");
        assertThat(columnNames(table)).containsExactly("date", "text", "key", "name", "time", "timestamp", "value", "format",
                "header", "quote", "schema", "view");
    }

    @Test
    void everyTypeSynonymIsNormalised() {
        CreateTableStatement table = createTable("CREATE TABLE t (a BOOLEAN, b BOOL, c TINYINT, d SMALLINT, e INT2, "
                + "f INTEGER, g INT, h INT4, i BIGINT, j INT8, k DECIMAL, l NUMERIC(12), m DEC(5,1), n REAL, o FLOAT4, "
                + "p DOUBLE, q DOUBLE PRECISION, r FLOAT8, s FLOAT, t FLOAT(10), u FLOAT(30), v VARCHAR, w VARCHAR(20), "
                + "x CHARACTER VARYING(7), y CHAR, z CHAR(3), aa CHARACTER(4), ab CHARACTER, ac TEXT, ad STRING, ae DATE, "
                + "af TIME, ag TIME WITHOUT TIME ZONE, ah TIMESTAMP, ai TIMESTAMP WITHOUT TIME ZONE)");
        assertThat(columnTypes(table)).extracting(TypeName::toString).containsExactly(
                "BOOLEAN", "BOOLEAN", "TINYINT", "SMALLINT", "SMALLINT",
                "INTEGER", "INTEGER", "INTEGER", "BIGINT", "BIGINT", "DECIMAL", "DECIMAL(12,0)", "DECIMAL(5,1)", "REAL", "REAL",
                "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "REAL", "DOUBLE", "VARCHAR", "VARCHAR(20)",
                "VARCHAR(7)", "CHAR(1)", "CHAR(3)", "CHAR(4)", "CHAR(1)", "VARCHAR", "VARCHAR", "DATE",
                "TIME", "TIME", "TIMESTAMP", "TIMESTAMP");
    }

    @Test
    void nullabilityAndDefaultsKeepTheExpressionText() {
        String sql = "CREATE TABLE t (\n  a INT NOT NULL DEFAULT 1 + (2 * 3),\n  b TEXT DEFAULT 'x, y' NULL,"
                + "\n  c DATE DEFAULT current_date, d INT DEFAULT NULL NOT NULL, e INT DEFAULT -1)";
        CreateTableStatement table = createTable(sql);
        ColumnDefinition a = table.columns().get(0);
        assertThat(a.notNull()).isTrue();
        int defaultAt = sql.indexOf("1 + (2 * 3)");
        assertThat(a.defaultExpression()).contains(new SqlFragment("1 + (2 * 3)",
                new SourceSpan(defaultAt, defaultAt + 11, 2, 26)));
        assertThat(a.span()).isEqualTo(new SourceSpan(sql.indexOf("a INT"), sql.indexOf(",\n  b"), 2, 3));
        assertThat(table.columns()).extracting(ColumnDefinition::notNull).containsExactly(true, false, false, true, false);
        assertThat(table.columns()).extracting(column -> column.defaultExpression().map(SqlFragment::text).orElse("none"))
                .containsExactly("1 + (2 * 3)", "'x, y'", "current_date", "NULL", "-1");
    }

    @Test
    void columnAndTableConstraintsInTheOrderWritten() {
        CreateTableStatement table = createTable("CREATE TABLE IF NOT EXISTS fact (id BIGINT, "
                + "store_key INT REFERENCES dim_store (store_key), code TEXT CONSTRAINT code_unique UNIQUE, "
                + "date_key INT REFERENCES dim_date, "
                + "CONSTRAINT fact_pk PRIMARY KEY (id, date_key), UNIQUE (store_key, code), "
                + "FOREIGN KEY (date_key, store_key) REFERENCES sales.dim (a, b), FOREIGN KEY (id) REFERENCES other)");
        assertThat(table.ifNotExists()).isTrue();
        assertThat(table.constraints()).hasSize(7);
        assertThat(table.constraints().get(0)).isInstanceOfSatisfying(ForeignKeyConstraint.class, fk -> {
            assertThat(fk.columns()).containsExactly("store_key");
            assertThat(fk.referencedTable()).isEqualTo(QualifiedName.of("dim_store"));
            assertThat(fk.referencedColumns()).containsExactly("store_key");
        });
        assertThat(table.constraints().get(1)).isInstanceOfSatisfying(UniqueConstraint.class, unique -> {
            assertThat(unique.name()).contains("code_unique");
            assertThat(unique.columns()).containsExactly("code");
        });
        assertThat(table.constraints().get(2)).isInstanceOfSatisfying(ForeignKeyConstraint.class,
                fk -> assertThat(fk.referencedColumns()).isEmpty());
        assertThat(table.constraints().get(3)).isInstanceOfSatisfying(PrimaryKeyConstraint.class, primaryKey -> {
            assertThat(primaryKey.name()).contains("fact_pk");
            assertThat(primaryKey.columns()).containsExactly("id", "date_key");
        });
        assertThat(table.constraints().get(4)).isInstanceOfSatisfying(UniqueConstraint.class,
                unique -> assertThat(unique.columns()).containsExactly("store_key", "code"));
        assertThat(table.constraints().get(5)).isInstanceOfSatisfying(ForeignKeyConstraint.class, fk -> {
            assertThat(fk.name()).isEmpty();
            assertThat(fk.columns()).containsExactly("date_key", "store_key");
            assertThat(fk.referencedTable()).isEqualTo(QualifiedName.of("sales", "dim"));
            assertThat(fk.referencedColumns()).containsExactly("a", "b");
        });
        assertThat(table.constraints().get(6)).isInstanceOfSatisfying(ForeignKeyConstraint.class,
                fk -> assertThat(fk.referencedColumns()).isEmpty());
    }

    @Test
    void tableOptionsInOrder() {
        CreateTableStatement table = createTable("CREATE TABLE t (a INT) WITH (Compression = 'zstd', row_group_size = 65536, "
                + "sorted = true, codec = lz4)");
        assertThat(table.options()).containsExactly(
                entry("compression", OptionValue.string("zstd")),
                entry("row_group_size", OptionValue.number("65536")),
                entry("sorted", OptionValue.bool(true)),
                entry("codec", OptionValue.identifier("lz4")));
    }
}
