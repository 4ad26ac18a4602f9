package io.basalt.jdbc;

import io.basalt.jdbc.testing.FakeDatabase;
import io.basalt.jdbc.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.basalt.jdbc.testing.Columns.varchar;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMetaDataTest {

    private final FakeDatabase database = FakeDatabase.create();
    private final Connection connection;
    private final DatabaseMetaData metaData;

    DatabaseMetaDataTest() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "analyst");
        info.setProperty("password", "secret");
        connection = DriverManager.getConnection(database.url() + "?password=secret", info);
        metaData = connection.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData columns = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            labels.add(columns.getColumnLabel(i));
        }
        return labels;
    }

    @Test
    void namesTheProductAndTheDriver() throws SQLException {
        assertThat(metaData.getDatabaseProductName()).isEqualTo("Basalt");
        assertThat(metaData.getDatabaseProductVersion()).isEqualTo(BasaltDriver.version());
        assertThat(metaData.getDriverName()).isEqualTo("Basalt JDBC Driver");
        assertThat(metaData.getDriverVersion()).isEqualTo(BasaltDriver.version());
        assertThat(metaData.getDriverMajorVersion()).isEqualTo(new BasaltDriver().getMajorVersion());
        assertThat(metaData.getJDBCMajorVersion()).isEqualTo(4);
        assertThat(metaData.getJDBCMinorVersion()).isEqualTo(2);
        assertThat(metaData.getURL()).endsWith("?password=***");
        assertThat(metaData.getUserName()).isEqualTo("analyst");
        assertThat(metaData.getConnection()).isSameAs(connection);
        assertThat(metaData.getSQLStateType()).isEqualTo(DatabaseMetaData.sqlStateSQL);
    }

    @Test
    void answersWhatTheDriverSupports() throws SQLException {
        assertThat(metaData.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
        assertThat(metaData.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
        assertThat(metaData.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)).isTrue();
        assertThat(metaData.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)).isFalse();
        assertThat(metaData.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT)).isTrue();
        assertThat(metaData.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT)).isFalse();
        assertThat(metaData.supportsBatchUpdates()).isTrue();
        assertThat(metaData.supportsTransactions()).isTrue();
        assertThat(metaData.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE)).isFalse();
        assertThat(metaData.supportsSavepoints()).isFalse();
        assertThat(metaData.supportsStoredProcedures()).isFalse();
        assertThat(metaData.supportsGetGeneratedKeys()).isTrue();
        assertThat(metaData.supportsMultipleOpenResults()).isFalse();
        assertThat(metaData.supportsOuterJoins()).isTrue();
        assertThat(metaData.supportsFullOuterJoins()).isTrue();
        assertThat(metaData.supportsCorrelatedSubqueries()).isTrue();
        assertThat(metaData.getIdentifierQuoteString()).isEqualTo("\"");
        assertThat(metaData.storesLowerCaseIdentifiers()).isTrue();
        assertThat(metaData.supportsMixedCaseQuotedIdentifiers()).isTrue();
        assertThat(metaData.getCatalogSeparator()).isEmpty();
        assertThat(metaData.getSchemaTerm()).isEqualTo("schema");
        assertThat(metaData.getSearchStringEscape()).isEqualTo("\\");
        assertThat(metaData.getNumericFunctions()).isEmpty();
        assertThat(metaData.getSQLKeywords()).contains("EXPLAIN").doesNotContain("SELECT");
        assertThat(metaData.supportsAlterTableWithAddColumn()).isTrue();
        assertThat(metaData.supportsLikeEscapeClause()).isTrue();
        assertThat(metaData.isReadOnly()).isFalse();
        connection.setReadOnly(true);
        assertThat(metaData.isReadOnly()).isTrue();
        assertThat(metaData.nullsAreSortedHigh()).isTrue();
        assertThat(metaData.usesLocalFiles()).isFalse();
        assertThat(metaData.getMaxColumnsInTable()).isZero();
    }

    @Test
    void catalogMethodsReturnEmptyResultsWithTheJdbcColumns() throws SQLException {
        // A catalog Basalt does not have: no query is sent (the real answer comes from information_schema).
        ResultSet tables = metaData.getTables("elsewhere", null, "%", null);
        assertThat(labels(tables)).containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
                "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
        assertThat(tables.next()).isFalse();
        assertThat(tables.getStatement()).isNull();

        ResultSet columns = metaData.getColumns("elsewhere", "main", "lineitem", "%");
        assertThat(labels(columns)).hasSize(24).startsWith("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                "DATA_TYPE").endsWith("IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        assertThat(columns.getMetaData().getColumnType(5)).isEqualTo(Types.INTEGER);
        assertThat(columns.getMetaData().getColumnType(22)).isEqualTo(Types.SMALLINT);
        assertThat(columns.next()).isFalse();

        assertThat(labels(metaData.getPrimaryKeys("elsewhere", null, "t")))
                .containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
        assertThat(labels(metaData.getSchemas("elsewhere", null))).containsExactly("TABLE_SCHEM", "TABLE_CATALOG");
        assertThat(labels(metaData.getImportedKeys("elsewhere", null, "t"))).hasSize(14).contains("FK_NAME", "DEFERRABILITY");
        assertThat(labels(metaData.getIndexInfo("elsewhere", null, "t", false, true))).hasSize(13).contains("NON_UNIQUE", "CARDINALITY");

        ResultSet[] everyCatalogMethod = {
            metaData.getSchemas("elsewhere", "%"), metaData.getCatalogs(), metaData.getPrimaryKeys("elsewhere", null, "t"),
            metaData.getImportedKeys("elsewhere", null, "t"), metaData.getExportedKeys("elsewhere", null, "t"),
            metaData.getCrossReference("elsewhere", null, "a", null, null, "b"),
            metaData.getIndexInfo("elsewhere", null, "t", true, true),
            metaData.getProcedures(null, null, "%"), metaData.getProcedureColumns(null, null, "%", "%"),
            metaData.getFunctions("elsewhere", null, "%"), metaData.getFunctionColumns("elsewhere", null, "%", "%"),
            metaData.getColumnPrivileges(null, null, "t", "%"), metaData.getTablePrivileges("elsewhere", null, "%"),
            metaData.getBestRowIdentifier("elsewhere", null, "t", DatabaseMetaData.bestRowSession, true),
            metaData.getVersionColumns(null, null, "t"), metaData.getUDTs(null, null, "%", null),
            metaData.getSuperTypes(null, null, "%"), metaData.getSuperTables(null, null, "%"),
            metaData.getAttributes(null, null, "%", "%"), metaData.getClientInfoProperties(),
            metaData.getPseudoColumns(null, null, "%", "%"),
        };
        for (ResultSet result : everyCatalogMethod) {
            assertThat(result.getMetaData().getColumnCount()).isPositive();
            assertThat(result.next()).isFalse();
        }
    }

    /** Exact names reach the server as parameters of the catalog query; patterns with wildcards are matched here. */
    @Test
    void exactNamesArePushedIntoTheCatalogQueryAsParameters() throws SQLException {
        database.answer(execution -> Rows.of(varchar("table_schema"), varchar("table_name"),
                varchar("table_type"))
                .row("main", "t_1", "BASE TABLE").row("main", "tx1", "BASE TABLE").result());
        ResultSet exact = metaData.getTables(null, "main", "t\\_1", null);
        assertThat(database.lastExecution().sql()).endsWith("WHERE table_schema = ? AND table_name = ?");
        assertThat(database.lastExecution().parameters()).containsExactly("main", "t_1");
        assertThat(exact.next()).isTrue();
        assertThat(exact.getString("TABLE_NAME")).isEqualTo("t_1");
        assertThat(exact.next()).isFalse();

        ResultSet pattern = metaData.getTables(null, null, "t_1", null);
        assertThat(database.lastExecution().sql()).doesNotContain("WHERE");
        assertThat(database.lastExecution().parameters()).isEmpty();
        int rows = 0;
        while (pattern.next()) {
            rows++;
        }
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void typeInfoListsBasaltsTypesInDataTypeOrder() throws SQLException {
        ResultSet types = metaData.getTypeInfo();
        assertThat(labels(types)).hasSize(18).startsWith("TYPE_NAME", "DATA_TYPE", "PRECISION");
        List<String> names = new ArrayList<>();
        int previousType = Integer.MIN_VALUE;
        while (types.next()) {
            names.add(types.getString("TYPE_NAME"));
            assertThat(types.getInt("DATA_TYPE")).isGreaterThanOrEqualTo(previousType);
            previousType = types.getInt("DATA_TYPE");
            assertThat(types.getShort("NULLABLE")).isEqualTo((short) DatabaseMetaData.typeNullable);
        }
        assertThat(names).containsExactly("TINYINT", "BIGINT", "CHAR", "DECIMAL", "INTEGER", "SMALLINT", "REAL",
                "DOUBLE", "VARCHAR", "BOOLEAN", "DATE", "TIME", "TIMESTAMP");
    }

    @Test
    void tableTypesAreReal() throws SQLException {
        ResultSet types = metaData.getTableTypes();
        assertThat(types.next()).isTrue();
        assertThat(types.getString("TABLE_TYPE")).isEqualTo("TABLE");
        assertThat(types.next()).isTrue();
        assertThat(types.getString("TABLE_TYPE")).isEqualTo("VIEW");
        assertThat(types.next()).isFalse();
    }

    @Test
    void catalogResultsNeedAnOpenConnection() throws SQLException {
        connection.close();
        assertSqlState(() -> metaData.getTables(null, null, "%", null), "08003");
        assertThat(metaData.getDatabaseProductName()).isEqualTo("Basalt");
    }
}
