package io.basalt.jdbc;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.List;

/**
 * What Basalt is and supports, for tools that adapt to the database they reach.
 *
 * <p>The answers describe the SQL of Basalt's query engine (Calcite-parsed, PostgreSQL-like: unquoted
 * identifiers fold to lower case, NULLs sort high) and the driver's own limits (forward-only, read-only
 * results; no escape processing, so the escape function lists are empty).
 *
 * <p><b>Catalog browsing answers from information_schema</b>: getSchemas, getTables, getColumns
 * ({@link CatalogTables}, {@link CatalogColumns}), getPrimaryKeys, the foreign key methods, getIndexInfo and
 * getBestRowIdentifier ({@link CatalogKeys}). Methods about things Basalt does not have (procedures, functions,
 * user-defined types, privileges, pseudo-columns, version columns) return empty results with the JDBC columns, as
 * DESIGN.md asks of methods with nothing to report. getTypeInfo and getTableTypes answer from the driver's types.
 */
final class BasaltDatabaseMetaData implements DatabaseMetaData {

    private final BasaltConnection connection;

    BasaltDatabaseMetaData(BasaltConnection connection) {
        this.connection = connection;
    }

    private ResultSet empty(String shape) throws SQLException {
        connection.checkOpen();
        return MetadataResultShapes.empty(shape);
    }

    // ---- the product

    @Override
    public String getDatabaseProductName() {
        return "Basalt";
    }

    /** The embedded engine ships in the same build as the driver. */
    @Override
    public String getDatabaseProductVersion() {
        return DriverVersion.VERSION;
    }

    @Override
    public int getDatabaseMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return DriverVersion.MINOR;
    }

    @Override
    public String getDriverName() {
        return "Basalt JDBC Driver";
    }

    @Override
    public String getDriverVersion() {
        return DriverVersion.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return DriverVersion.MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() {
        return ConnectionUrl.redact(connection.url());
    }

    @Override
    public String getUserName() {
        return connection.userName();
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    /** Whether this connection's session refuses writes ({@link Connection#setReadOnly}). */
    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    /** An embedded database keeps its tables in local files (many per table: segments and manifests). */
    @Override
    public boolean usesLocalFiles() {
        return connection.url().startsWith(ConnectionUrl.PREFIX + "file:");
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    // ---- identifiers and text

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    /** The keywords of Basalt's statement grammar (parser/'s lexer) that are not SQL:2003 keywords. */
    @Override
    public String getSQLKeywords() {
        return "ANALYZE,COPY,CSV,DELIMITER,DESCRIBE,ENCODING,EXPLAIN,HEADER,ILIKE,LIMIT,OFFSET,QUOTE,RENAME,REPLACE,"
                + "RETURNING,SCHEMAS,SHOW,STRING,TABLES,TEXT,TINYINT,TRUNCATE";
    }

    /**
     * Empty, as are the string, system and time/date lists: JDBC defines them as the Open Group CLI names usable in
     * {fn …} escapes, which neither the driver nor the server translates, so listing a name would invite an escape
     * that fails. Basalt's own functions are called by their SQL names.
     */
    @Override
    public String getNumericFunctions() {
        return "";
    }

    @Override
    public String getStringFunctions() {
        return "";
    }

    @Override
    public String getSystemFunctions() {
        return "";
    }

    @Override
    public String getTimeDateFunctions() {
        return "";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart() {
        return false;
    }

    /** Basalt has no catalogs. */
    @Override
    public String getCatalogSeparator() {
        return "";
    }

    // ---- SQL

    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean allProceduresAreCallable() {
        return true; // there are none
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true; // no privileges yet
    }

    /** ALTER TABLE … ADD COLUMN and DROP COLUMN (see docs/sql-statements.md). */
    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    /** No {fn CONVERT} escape; use CAST. */
    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    /** Not all of entry-level SQL-92 yet (no privileges, and key constraints are not enforced). */
    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    /** Keys are recorded for the planner but not enforced. */
    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
    }

    /** Basalt has no CREATE INDEX. */
    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    // ---- limits: 0 means none or unknown

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    // ---- transactions

    /** Snapshot isolation, which JDBC has no constant for; REPEATABLE_READ is the closest. */
    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_REPEATABLE_READ;
    }

    /** DDL and data changes commit together in one manifest version. */
    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    // ---- the driver's results and statements

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    /** An INSERT's generated keys come back through a RETURNING clause the driver adds (GeneratedKeyRequest). */
    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    /** Only INSERTs return keys; other statements answer an empty result. */
    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    // ---- results that answer for real

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        connection.checkOpen();
        return MetadataResultShapes.rows(MetadataResultShapes.TYPE_INFO, TypeInfoRows.rows());
    }

    /** Tables and views; materialized views will add their type when they exist. */
    @Override
    public ResultSet getTableTypes() throws SQLException {
        connection.checkOpen();
        return MetadataResultShapes.rows(MetadataResultShapes.TABLE_TYPES,
                List.of(new Object[] {"TABLE"}, new Object[] {"VIEW"}));
    }

    /** Basalt has no catalogs. */
    @Override
    public ResultSet getCatalogs() throws SQLException {
        return empty(MetadataResultShapes.CATALOGS);
    }

    /** The connection records any client info; there is no fixed list. */
    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty(MetadataResultShapes.CLIENT_INFO_PROPERTIES);
    }

    /** Basalt has no stored procedures. */
    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return empty(MetadataResultShapes.PROCEDURES);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) throws SQLException {
        return empty(MetadataResultShapes.PROCEDURE_COLUMNS);
    }

    /** Basalt has no user-defined types. */
    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return empty(MetadataResultShapes.UDTS);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return empty(MetadataResultShapes.SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return empty(MetadataResultShapes.SUPER_TABLES);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) throws SQLException {
        return empty(MetadataResultShapes.ATTRIBUTES);
    }

    /** Basalt has no pseudo-columns. */
    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        return empty(MetadataResultShapes.PSEUDO_COLUMNS);
    }

    /** No column is updated automatically on change. */
    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataResultShapes.ROW_IDENTIFIER);
    }

    // ---- catalog browsing

    /** From information_schema.schemata. */
    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        connection.checkOpen();
        return CatalogColumns.schemas(connection, catalog, schemaPattern);
    }

    /** From information_schema.tables: tables (TABLE) and views (VIEW). */
    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        connection.checkOpen();
        return CatalogTables.tables(connection, catalog, schemaPattern, tableNamePattern, types);
    }

    /** From information_schema.columns: the columns of tables and views. */
    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        connection.checkOpen();
        return CatalogColumns.columns(connection, catalog, schemaPattern, tableNamePattern, columnNamePattern);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return empty(MetadataResultShapes.COLUMN_PRIVILEGES);
    }

    /** From information_schema.table_privileges; Basalt has no column privileges, so getColumnPrivileges is empty. */
    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        connection.checkOpen();
        return CatalogTables.privileges(connection, catalog, schemaPattern, tableNamePattern);
    }

    /** The primary key's columns (see {@link CatalogKeys#bestRowIdentifier}); every scope gets the same answer. */
    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        connection.checkOpen();
        return CatalogKeys.bestRowIdentifier(connection, catalog, schema, table);
    }

    /** From information_schema.table_constraints and key_column_usage. */
    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        connection.checkOpen();
        return CatalogKeys.primaryKeys(connection, catalog, schema, table);
    }

    /** The foreign keys of {@code table}, from information_schema.referential_constraints and key_column_usage. */
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        connection.checkOpen();
        return CatalogKeys.foreignKeys(connection, null, null, null, catalog, schema, table, true);
    }

    /** The foreign keys that reference {@code table}. */
    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        connection.checkOpen();
        return CatalogKeys.foreignKeys(connection, catalog, schema, table, null, null, null, false);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        connection.checkOpen();
        return CatalogKeys.foreignKeys(connection, parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema,
                foreignTable, false);
    }

    /** Primary keys and unique constraints as unique indexes: Basalt has no other indexes yet. */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        connection.checkOpen();
        return CatalogKeys.indexInfo(connection, catalog, schema, table, unique);
    }

    /** Basalt's built-in functions, one row per overload (see CatalogFunctions); Basalt has no user-defined ones. */
    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        connection.checkOpen();
        return CatalogFunctions.functions(connection, catalog, schemaPattern, functionNamePattern);
    }

    /** The built-in functions' results (ORDINAL_POSITION 0) and arguments. */
    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) throws SQLException {
        connection.checkOpen();
        return CatalogFunctions.functionColumns(connection, catalog, schemaPattern, functionNamePattern, columnNamePattern);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
