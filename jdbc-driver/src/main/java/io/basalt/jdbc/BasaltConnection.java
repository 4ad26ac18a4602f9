package io.basalt.jdbc;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A connection to a Basalt database, over whichever transport served its URL. Statements run through the
 * connection's {@link SessionChannel}, one call at a time.
 *
 * <p>Transactions: connections start in auto-commit mode; {@code setAutoCommit}, {@code commit} and
 * {@code rollback} are passed to the session. Basalt runs transactions under snapshot isolation, reported as
 * {@link Connection#TRANSACTION_REPEATABLE_READ}. Result sets are closed at commit and rollback
 * ({@link ResultSet#CLOSE_CURSORS_AT_COMMIT}). Result sets are forward-only and read-only; asking for
 * another kind gives that kind with a warning on the connection, as JDBC prescribes.
 */
public final class BasaltConnection implements Connection {

    /** Basalt's default schema (the storage engine creates it with every database). */
    static final String DEFAULT_SCHEMA = "main";

    private final SessionChannel channel;
    private final String url;
    private final Properties properties;
    private final int defaultFetchSize;
    private final Set<BasaltStatement> openStatements = Collections.synchronizedSet(new LinkedHashSet<BasaltStatement>());
    private final Properties clientInfo = new Properties();

    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int networkTimeoutMillis;
    private SQLWarning warnings;

    BasaltConnection(ServerSession session, String url, Properties properties, int defaultFetchSize) {
        this.channel = new SessionChannel(session, this::connectionLost);
        this.url = url;
        this.properties = properties;
        this.defaultFetchSize = defaultFetchSize;
    }

    SessionChannel channel() {
        return channel;
    }

    String url() {
        return url;
    }

    String userName() {
        return properties.getProperty(DriverProperties.USER);
    }

    int defaultFetchSize() {
        return defaultFetchSize;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptionFactory.create(SqlStates.CONNECTION_DOES_NOT_EXIST, "the connection is closed");
        }
    }

    void statementClosed(BasaltStatement statement) {
        openStatements.remove(statement);
    }

    private <T extends BasaltStatement> T register(T statement) {
        openStatements.add(statement);
        return statement;
    }

    // ---- statements

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return register(new BasaltStatement(this));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkOpen();
        checkResultSetKind(resultSetType, resultSetConcurrency, resultSetHoldability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepare(sql, GeneratedKeyRequest.NONE);
    }

    private PreparedStatement prepare(String sql, GeneratedKeyRequest keys) throws SQLException {
        checkOpen();
        if (sql == null) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "the SQL text is null");
        }
        PreparedHandle handle = channel.prepare(keys.rewrite(sql));
        return register(new BasaltPreparedStatement(this, handle, keys.appliesTo(sql)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        checkOpen();
        checkResultSetKind(resultSetType, resultSetConcurrency, resultSetHoldability);
        return prepareStatement(sql);
    }

    /** Generated keys: an INSERT gets a RETURNING clause, whose rows each execution keeps (see GeneratedKeyRequest). */
    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql, GeneratedKeyRequest.of(autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        return prepare(sql, GeneratedKeyRequest.ofIndexes(columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return prepare(sql, GeneratedKeyRequest.ofColumns(columnNames));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no stored procedures, so prepareCall is not supported");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepareCall(sql);
    }

    /** The text unchanged: the driver does not translate JDBC escape syntax ({@code {fn …}}, {@code {d …}}). */
    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    private void checkResultSetKind(int type, int concurrency, int holdability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "unknown result set type " + type);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "unknown result set concurrency " + concurrency);
        }
        checkHoldability(holdability);
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            addWarning(new SQLWarning("Basalt result sets are forward-only; the statement was created with "
                    + "TYPE_FORWARD_ONLY instead of the scrollable type asked for", "01000"));
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            addWarning(new SQLWarning("Basalt result sets are read-only; the statement was created with "
                    + "CONCUR_READ_ONLY instead of CONCUR_UPDATABLE", "01000"));
        }
    }

    // ---- transactions

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit == this.autoCommit) {
            return;
        }
        if (autoCommit) {
            closeResultSets(); // switching auto-commit on commits the transaction
        }
        channel.setAutoCommit(autoCommit);
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkTransaction("commit");
        closeResultSets();
        channel.commit();
    }

    @Override
    public void rollback() throws SQLException {
        checkTransaction("roll back");
        closeResultSets();
        channel.rollback();
    }

    private void checkTransaction(String action) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_TRANSACTION_STATE,
                    "cannot " + action + " in auto-commit mode; call setAutoCommit(false) first");
        }
    }

    private void closeResultSets() throws SQLException {
        List<BasaltStatement> statements;
        synchronized (openStatements) {
            statements = new ArrayList<>(openStatements);
        }
        for (BasaltStatement statement : statements) {
            statement.closeResultSetAtCommit();
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        switch (level) {
            case TRANSACTION_READ_UNCOMMITTED:
            case TRANSACTION_READ_COMMITTED:
                addWarning(new SQLWarning("Basalt runs every transaction under snapshot isolation; "
                        + "TRANSACTION_REPEATABLE_READ applies", "01000"));
                return;
            case TRANSACTION_REPEATABLE_READ:
                return;
            case TRANSACTION_SERIALIZABLE:
                throw SqlExceptionFactory.notSupported("Basalt runs transactions under snapshot isolation "
                        + "(TRANSACTION_REPEATABLE_READ); TRANSACTION_SERIALIZABLE is not available");
            default:
                throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "unknown transaction isolation level " + level);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        checkHoldability(holdability);
    }

    private static void checkHoldability(int holdability) throws SQLException {
        if (holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw SqlExceptionFactory.notSupported("Basalt closes result sets at commit; HOLD_CURSORS_OVER_COMMIT is not supported");
        }
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "unknown result set holdability " + holdability);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return setSavepoint();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        setSavepoint();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        setSavepoint();
    }

    // ---- state

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "isValid timeout must not be negative: " + timeoutSeconds);
        }
        if (closed) {
            return false;
        }
        try {
            return channel.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false; // JDBC: a connection that cannot answer is not valid
        }
    }

    /**
     * The session enforces it: {@code SET default_transaction_read_only}, after which the server refuses every
     * statement that writes with SQLSTATE 25006 (embedded and network alike, as both run SQL on a server session).
     */
    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        if (readOnly != this.readOnly) {
            channel.execute("SET default_transaction_read_only = " + (readOnly ? "on" : "off"), List.of(),
                    ExecutionOptions.DEFAULT);
            this.readOnly = readOnly;
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    /** Basalt has no catalogs; JDBC asks drivers without catalogs to ignore this. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (!DEFAULT_SCHEMA.equals(schema)) {
            throw SqlExceptionFactory.notSupported("choosing a current schema is not supported yet; the current schema is "
                    + DEFAULT_SCHEMA + ", qualify other tables as schema.table");
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return DEFAULT_SCHEMA;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw SqlExceptionFactory.notSupported("Basalt has no user-defined types to map");
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new BasaltDatabaseMetaData(this);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        synchronized (this) {
            return warnings;
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        synchronized (this) {
            warnings = null;
        }
    }

    private synchronized void addWarning(SQLWarning warning) {
        if (warnings == null) {
            warnings = warning;
        } else {
            warnings.setNextWarning(warning);
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            failed.put(name, ClientInfoStatus.REASON_UNKNOWN);
            throw new SQLClientInfoException("the connection is closed", SqlStates.CONNECTION_DOES_NOT_EXIST, 0, failed);
        }
        synchronized (clientInfo) {
            if (value == null) {
                clientInfo.remove(name);
            } else {
                clientInfo.setProperty(name, value);
            }
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            for (String name : properties.stringPropertyNames()) {
                failed.put(name, ClientInfoStatus.REASON_UNKNOWN);
            }
            throw new SQLClientInfoException("the connection is closed", SqlStates.CONNECTION_DOES_NOT_EXIST, 0, failed);
        }
        synchronized (clientInfo) {
            clientInfo.clear();
            for (String name : properties.stringPropertyNames()) {
                clientInfo.setProperty(name, properties.getProperty(name));
            }
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            return clientInfo.getProperty(name);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            Properties copy = new Properties();
            copy.putAll(clientInfo);
            return copy;
        }
    }

    /**
     * How long a call waits for the server's answer (0: forever). The socket transport uses it as its read timeout:
     * a call that times out fails with 08006 and the connection is closed, since the answer may still arrive and
     * the stream would be out of step. An embedded session has no network, so it only records it.
     */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "network timeout must not be negative: " + milliseconds);
        }
        channel.setNetworkTimeout(milliseconds);
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    // ---- objects Basalt has no types for

    @Override
    public Clob createClob() throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no CLOB type; use VARCHAR and String values");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no BLOB type");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no NCLOB type; use VARCHAR and String values");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no XML type");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no ARRAY type");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no structured types");
    }

    // ---- closing

    @Override
    public void close() throws SQLException {
        if (beginClose()) {
            release();
        }
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "abort needs an executor");
        }
        if (!beginClose()) {
            return;
        }
        try {
            channel.cancel();
        } catch (SQLException e) {
            // The connection is being thrown away; release() below frees what can be freed.
        }
        executor.execute(() -> {
            try {
                release();
            } catch (SQLException e) {
                // Nobody waits for an abort; the session is gone either way.
            }
        });
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** The session reported the server unreachable (08006): the connection is closed, its statements released. */
    private void connectionLost() {
        if (beginClose()) {
            try {
                release();
            } catch (SQLException e) {
                // the session is broken; what could be freed was freed
            }
        }
    }

    private synchronized boolean beginClose() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Closes the statements (and so their cursors and prepared handles), then the session. */
    private void release() throws SQLException {
        List<BasaltStatement> statements;
        synchronized (openStatements) {
            statements = new ArrayList<>(openStatements);
        }
        SQLException failure = null;
        for (BasaltStatement statement : statements) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = chain(failure, e);
            }
        }
        try {
            channel.close();
        } catch (SQLException e) {
            failure = chain(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static SQLException chain(SQLException first, SQLException next) {
        if (first == null) {
            return next;
        }
        first.setNextException(next);
        return first;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "a Basalt connection is not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "BasaltConnection[" + ConnectionUrl.redact(url) + (closed ? ", closed" : "") + "]";
    }
}
