package io.basalt.server.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DatabaseMetaData's key methods against a real embedded database (answers from information_schema). */
class DatabaseMetaDataKeysTest {

    private Connection connection;
    private DatabaseMetaData metaData;

    @BeforeEach
    void createTables() throws SQLException {
        connection = DriverManager.getConnection("jdbc:basalt:mem:");
        metaData = connection.getMetaData();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA sales");
            statement.execute("CREATE TABLE sales.customers (region INT, id BIGINT, name VARCHAR(30) UNIQUE, "
                    + "PRIMARY KEY (region, id))");
            statement.execute("CREATE TABLE sales.orders (id INT PRIMARY KEY, cust_region INT, cust_id BIGINT, "
                    + "amount DECIMAL(10,2), CONSTRAINT orders_customer FOREIGN KEY (cust_id, cust_region) "
                    + "REFERENCES sales.customers (id, region))");
            statement.execute("CREATE TABLE main.notes (body VARCHAR)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void primaryKeysListTheKeyColumnsWithTheirPositionInTheKey() throws SQLException {
        assertThat(rows(metaData.getPrimaryKeys(null, "sales", "customers"), "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                "KEY_SEQ", "PK_NAME")).containsExactly(
                "sales customers id 2 customers_pkey",
                "sales customers region 1 customers_pkey");
        assertThat(rows(metaData.getPrimaryKeys(null, null, "orders"), "COLUMN_NAME", "KEY_SEQ")).containsExactly("id 1");
        assertThat(rows(metaData.getPrimaryKeys(null, "sales", "notes"), "COLUMN_NAME")).isEmpty();
        assertThat(rows(metaData.getPrimaryKeys("", "", "orders"), "COLUMN_NAME")).isEmpty();
        // table names are names, not patterns
        assertThat(rows(metaData.getPrimaryKeys(null, "sales", "order%"), "COLUMN_NAME")).isEmpty();
    }

    @Test
    void importedExportedAndCrossReferencePairForeignKeyColumnsWithTheReferencedKey() throws SQLException {
        List<String> expected = List.of(
                "sales customers id sales orders cust_id 1 orders_customer customers_pkey",
                "sales customers region sales orders cust_region 2 orders_customer customers_pkey");
        String[] columns = {"PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_SCHEM", "FKTABLE_NAME",
            "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME", "PK_NAME"};
        assertThat(rows(metaData.getImportedKeys(null, "sales", "orders"), columns)).isEqualTo(expected);
        assertThat(rows(metaData.getExportedKeys(null, "sales", "customers"), columns)).isEqualTo(expected);
        assertThat(rows(metaData.getCrossReference(null, "sales", "customers", null, "sales", "orders"), columns))
                .isEqualTo(expected);
        assertThat(rows(metaData.getImportedKeys(null, "sales", "customers"), columns)).isEmpty();
        assertThat(rows(metaData.getExportedKeys(null, "sales", "orders"), columns)).isEmpty();
        assertThat(rows(metaData.getCrossReference(null, "sales", "orders", null, "sales", "customers"), columns)).isEmpty();
        try (ResultSet keys = metaData.getImportedKeys(null, "sales", "orders")) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getShort("UPDATE_RULE")).isEqualTo((short) DatabaseMetaData.importedKeyNoAction);
            assertThat(keys.getShort("DELETE_RULE")).isEqualTo((short) DatabaseMetaData.importedKeyNoAction);
            assertThat(keys.getShort("DEFERRABILITY")).isEqualTo((short) DatabaseMetaData.importedKeyNotDeferrable);
            assertThat(keys.getString("PKTABLE_CAT")).isNull();
        }
    }

    @Test
    void aForeignKeyNameSharedWithinASchemaIsRefusedRatherThanGuessed() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sales.returns (id INT, order_id INT, "
                    + "CONSTRAINT orders_customer FOREIGN KEY (order_id) REFERENCES sales.orders (id))");
        }
        assertThatThrownBy(() -> metaData.getImportedKeys(null, "sales", "returns"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("0A000");
                    assertThat(e.getMessage()).contains("orders_customer");
                });
    }

    @Test
    void indexInfoReportsPrimaryKeysAndUniqueConstraintsAsUniqueIndexes() throws SQLException {
        assertThat(rows(metaData.getIndexInfo(null, "sales", "customers", false, true), "TABLE_NAME", "NON_UNIQUE",
                "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME")).containsExactly(
                "customers false customers_name_key 3 1 name",
                "customers false customers_pkey 3 1 region",
                "customers false customers_pkey 3 2 id");
        assertThat(rows(metaData.getIndexInfo(null, "main", "notes", true, false), "INDEX_NAME")).isEmpty();
    }

    @Test
    void indexInfoReportsCreatedIndexesWithTheirKeyColumnsAndDirections() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX notes_body ON notes (body DESC)");
            statement.execute("CREATE UNIQUE INDEX orders_amount ON sales.orders (amount, cust_id) INCLUDE (cust_region)");
        }
        assertThat(rows(metaData.getIndexInfo(null, "main", "notes", false, true), "NON_UNIQUE", "INDEX_NAME",
                "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC")).containsExactly("true notes_body 1 body D");
        assertThat(rows(metaData.getIndexInfo(null, "main", "notes", true, true), "INDEX_NAME")).isEmpty();
        assertThat(rows(metaData.getIndexInfo(null, "sales", "orders", true, true), "NON_UNIQUE", "INDEX_NAME",
                "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC")).containsExactly(
                "false orders_amount 1 amount A",
                "false orders_amount 2 cust_id A",
                "false orders_pkey 1 id null");
    }

    @Test
    void bestRowIdentifierIsThePrimaryKeyWithItsTypes() throws SQLException {
        assertThat(rows(metaData.getBestRowIdentifier(null, "sales", "customers", DatabaseMetaData.bestRowSession, false),
                "SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "PSEUDO_COLUMN")).containsExactly(
                DatabaseMetaData.bestRowSession + " region " + Types.INTEGER + " INTEGER 10 " + DatabaseMetaData.bestRowNotPseudo,
                DatabaseMetaData.bestRowSession + " id " + Types.BIGINT + " BIGINT 19 " + DatabaseMetaData.bestRowNotPseudo);
        assertThat(rows(metaData.getBestRowIdentifier(null, "main", "notes", DatabaseMetaData.bestRowSession, true),
                "COLUMN_NAME")).isEmpty();
    }

    @Test
    void toolStyleCallsWithNullArgumentsAnswer() throws SQLException {
        assertThat(rows(metaData.getTables(null, null, "%", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"))
                .contains("main notes TABLE", "sales customers TABLE", "sales orders TABLE");
        assertThat(rows(metaData.getSchemas(), "TABLE_SCHEM")).contains("main", "sales", "information_schema");
        assertThat(rows(metaData.getColumns(null, null, null, null), "TABLE_NAME", "COLUMN_NAME"))
                .contains("customers region", "orders amount", "notes body");
        assertThat(rows(metaData.getPrimaryKeys(null, null, null), "TABLE_NAME", "COLUMN_NAME"))
                .containsExactly("customers id", "customers region", "orders id");
        assertThat(rows(metaData.getImportedKeys(null, null, null), "FKCOLUMN_NAME")).containsExactly("cust_id", "cust_region");
    }

    /** The named columns of every row, joined by blanks, and closes the result. */
    static List<String> rows(ResultSet result, String... columns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (result) {
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    values.add(result.getString(column));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
