package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.spi.TypedNull;
import io.basalt.jdbc.value.LegacyDateTimes;
import io.basalt.jdbc.value.ParameterValues;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

/**
 * A statement with {@code ?} parameters, prepared by the session ({@link PreparedHandle}). Each setter
 * stores the value as the Java type the session receives (see
 * {@link io.basalt.jdbc.spi.ServerSession#execute}): {@code setInt} an Integer, {@code setDate} a
 * LocalDate, {@code setNull} and null arguments a {@link TypedNull}, and so on. Every parameter must be set
 * before the statement runs; values stay set between executions until {@link #clearParameters()}.
 */
public final class BasaltPreparedStatement extends BasaltStatement implements java.sql.PreparedStatement {

    private final PreparedHandle handle;
    private final Object[] values;
    private final boolean[] set;
    private final List<List<Object>> batches = new ArrayList<>();
    // Prepared with a generated-key request that applies: the rows each execution returns are the keys.
    private final boolean rowsAreKeys;

    BasaltPreparedStatement(BasaltConnection connection, PreparedHandle handle, boolean rowsAreKeys) {
        super(connection);
        this.handle = handle;
        this.rowsAreKeys = rowsAreKeys;
        int count = handle.parameterCount() >= 0 ? handle.parameterCount()
                : SqlTextScanner.countPlaceholders(handle.sql());
        this.values = new Object[count];
        this.set = new boolean[count];
    }

    // ---- executing

    @Override
    public ResultSet executeQuery() throws SQLException {
        return requireResultSet(execute());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return toIntCount(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return requireUpdateCount(execute());
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        List<Object> parameters = currentParameters();
        return executeAndKeep(options -> channel.execute(handle, parameters, options), rowsAreKeys);
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batches.add(currentParameters());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batches.clear();
    }

    /**
     * Sessions that can run a whole batch at once (the embedded one for INSERT) get it in one call, which runs as
     * one unit; otherwise each set runs on its own and a failure reports the counts of the sets before it.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<List<Object>> parameterSets = new ArrayList<>(batches);
        batches.clear();
        if (!parameterSets.isEmpty() && !rowsAreKeys) {
            long[] counts = runWholeBatch(parameterSets.size(),
                    options -> channel.executeBatch(handle, parameterSets, options));
            if (counts != null) {
                return counts;
            }
        }
        return runBatch(parameterSets.size(),
                (index, options) -> channel.execute(handle, parameterSets.get(index), options), rowsAreKeys);
    }

    /** JDBC forbids the SQL-text methods on a prepared statement. */
    @Override
    void checkSqlAllowed(String sql) throws SQLException {
        checkOpen();
        throw SqlExceptionFactory.create(SqlStates.FUNCTION_SEQUENCE_ERROR,
                "a PreparedStatement runs its own SQL; use the methods without a SQL argument");
    }

    private List<Object> currentParameters() throws SQLException {
        for (int i = 0; i < set.length; i++) {
            if (!set[i]) {
                throw SqlExceptionFactory.create(SqlStates.WRONG_NUMBER_OF_PARAMETERS, "no value was given for parameter "
                        + (i + 1) + " of " + set.length);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    @Override
    void closeResources() throws SQLException {
        channel.close(handle);
    }

    // ---- parameters

    private void bind(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > values.length) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_DESCRIPTOR_INDEX, "parameter index " + index
                    + " is out of range; the statement has " + values.length
                    + (values.length == 1 ? " parameter" : " parameters"));
        }
        values[index - 1] = value;
        set[index - 1] = true;
    }

    /** {@code value}, or a NULL of {@code sqlType} when the application passed null. */
    private void bindOrNull(int index, Object value, int sqlType) throws SQLException {
        bind(index, value == null ? TypedNull.of(sqlType) : value);
    }

    private static String context(int index) {
        return "parameter " + index;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(values, null);
        Arrays.fill(set, false);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        bind(parameterIndex, TypedNull.of(sqlType));
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        setNull(parameterIndex, sqlType);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        bindOrNull(parameterIndex, x, Types.DECIMAL);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        bindOrNull(parameterIndex, x, Types.VARCHAR);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        setString(parameterIndex, value);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        setDate(parameterIndex, x, null);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        bindOrNull(parameterIndex, x == null ? null : LegacyDateTimes.toLocalDate(x, cal), Types.DATE);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        setTime(parameterIndex, x, null);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        bindOrNull(parameterIndex, x == null ? null : LegacyDateTimes.toLocalTime(x, cal), Types.TIME);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        setTimestamp(parameterIndex, x, null);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        bindOrNull(parameterIndex, x == null ? null : LegacyDateTimes.toLocalDateTime(x, cal), Types.TIMESTAMP);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        bind(parameterIndex, ParameterValues.normalize(x, context(parameterIndex)));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        bind(parameterIndex, ParameterValues.convert(x, targetSqlType, -1, context(parameterIndex)));
    }

    /** For DECIMAL and NUMERIC, {@code scaleOrLength} is the scale to round to (half up); otherwise unused. */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        bind(parameterIndex, ParameterValues.convert(x, targetSqlType, scaleOrLength, context(parameterIndex)));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        setObject(parameterIndex, x, typeCode(targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x, typeCode(targetSqlType), scaleOrLength);
    }

    private static int typeCode(SQLType type) throws SQLException {
        if (type instanceof JDBCType) {
            return type.getVendorTypeNumber();
        }
        throw SqlExceptionFactory.notSupported("Basalt understands java.sql.JDBCType types only, not "
                + (type == null ? "null" : type.getVendor() + " " + type.getName()));
    }

    // ---- streams of characters become strings (Basalt's text is VARCHAR)

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        bindOrNull(parameterIndex, reader == null ? null : read(reader, length, parameterIndex), Types.VARCHAR);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setCharacterStream(parameterIndex,
                x == null ? null : new InputStreamReader(x, StandardCharsets.US_ASCII), length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, -1L);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        bindOrNull(parameterIndex, x == null ? null : x.getSubString(1, toIntLength(x.length(), parameterIndex)), Types.VARCHAR);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setClob(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    /** Reads {@code length} characters, or all of them when {@code length} is negative. */
    private static String read(Reader reader, long length, int parameterIndex) throws SQLException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            while (remaining > 0) {
                int read = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    break;
                }
                text.append(buffer, 0, read);
                remaining -= read;
            }
        } catch (IOException e) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT,
                    "reading the stream of parameter " + parameterIndex + " failed: " + e.getMessage(), e);
        }
        if (length >= 0 && text.length() < length) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "the stream of parameter " + parameterIndex
                    + " ended after " + text.length() + " characters; " + length + " were announced");
        }
        return text.toString();
    }

    private static int toIntLength(long length, int parameterIndex) throws SQLException {
        if (length > Integer.MAX_VALUE) {
            throw SqlExceptionFactory.create(SqlStates.NUMERIC_VALUE_OUT_OF_RANGE,
                    "the CLOB of parameter " + parameterIndex + " is longer than a Java string can be");
        }
        return (int) length;
    }

    // ---- types Basalt does not have

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        throw noBinary();
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw noBinary();
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw noBinary();
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        throw noBinary();
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        throw noBinary();
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        throw noBinary();
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        throw noBinary();
    }

    private static SQLException noBinary() {
        return SqlExceptionFactory.notSupported("Basalt has no binary types (BINARY, VARBINARY, BLOB)");
    }

    /** @deprecated as in JDBC: UTF-16 byte streams are not supported; use setCharacterStream. */
    @Deprecated
    @Override
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw SqlExceptionFactory.notSupported("setUnicodeStream is deprecated and not supported; use setCharacterStream");
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no REF type");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no ARRAY type");
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no DATALINK type; pass the URL as a String");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no ROWID type");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no XML type");
    }

    // ---- metadata

    /** The result's columns when the session analysed the statement; null when unknown or when it returns no rows. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        List<ColumnDescriptor> columns = handle.resultColumns();
        return columns == null || columns.isEmpty() ? null : new BasaltResultSetMetaData(columns);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new BasaltParameterMetaData(values.length, handle.parameterDescriptors());
    }

    @Override
    public String toString() {
        return "BasaltPreparedStatement[" + handle.sql() + "]";
    }
}
