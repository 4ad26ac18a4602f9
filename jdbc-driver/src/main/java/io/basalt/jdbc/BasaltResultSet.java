package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.ResultCursor;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.value.ColumnAccessor;
import io.basalt.jdbc.value.ColumnAccessors;
import io.basalt.jdbc.value.LegacyDateTimes;
import io.basalt.jdbc.value.ValueConverter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only view of a {@link ResultCursor}'s rows. Batches are pulled from the cursor only
 * when {@link #next()} runs past the current one, so a large result streams with one batch in memory; the
 * cursor is closed as soon as the rows run out, the row limit is reached, or the result set is closed.
 *
 * <p>Getters read the current row through one {@link ColumnAccessor} per column and convert with
 * {@link ValueConverter}: impossible conversions fail with SQLSTATE 22018, values out of the target's range
 * with 22003. A NULL gives {@code null}, {@code 0} or {@code false} and sets {@link #wasNull()}. Columns are
 * found by label case-insensitively (an exact match first).
 */
public final class BasaltResultSet extends ReadOnlyResultSet {

    private final BasaltStatement statement;
    private final SessionChannel channel;
    private final ResultCursor cursor;
    private final List<ColumnDescriptor> columns;
    private final ColumnAccessor[] accessors;
    private final long maxRows;
    private final RunningQuery query;
    private final Map<String, Integer> labelLookups = new HashMap<>();

    private ResultBatch batch;
    private ResultBatch prefetched;
    private int row;
    private long rowNumber;
    private boolean exhausted;
    private boolean cursorClosed;
    private volatile boolean closed;
    private boolean lastWasNull;
    private int fetchSize;
    private BasaltResultSetMetaData metaData;

    /**
     * @param statement the statement that produced the rows, or null for metadata results
     * @param channel the session to fetch through, or null for a cursor that needs no session
     * @param maxRows the statement's row limit (0: none), enforced here whatever the session did
     * @param query the execution the rows belong to, finished when they end; null when there is none
     */
    BasaltResultSet(BasaltStatement statement, SessionChannel channel, ResultCursor cursor, long maxRows,
            RunningQuery query) throws SQLException {
        this.statement = statement;
        this.channel = channel;
        this.cursor = cursor;
        this.maxRows = maxRows;
        this.query = query;
        List<ColumnDescriptor> described = cursor.columns();
        if (described == null || described.contains(null)) {
            closeQuietly();
            throw SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION,
                    "the Basalt transport returned rows without a description of every column");
        }
        this.columns = described;
        this.accessors = new ColumnAccessor[described.size()];
        for (int i = 0; i < accessors.length; i++) {
            accessors[i] = ColumnAccessors.create(described.get(i), i + 1);
        }
    }

    /** A result built by the driver itself (generated keys, metadata), outside any execution. */
    static BasaltResultSet detached(BasaltStatement statement, ResultCursor cursor) throws SQLException {
        return new BasaltResultSet(statement, null, cursor, 0, null);
    }

    // ---- moving

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (exhausted) {
            return false;
        }
        if (maxRows > 0 && rowNumber >= maxRows) {
            endOfRows();
            return false;
        }
        if (batch != null && row + 1 < batch.rowCount()) {
            row++;
            rowNumber++;
            return true;
        }
        batch = null; // the session may reuse its arrays once we ask for more
        ResultBatch next = nextNonEmptyBatch();
        if (next == null) {
            endOfRows();
            return false;
        }
        bind(next);
        row = 0;
        rowNumber++;
        return true;
    }

    private ResultBatch nextNonEmptyBatch() throws SQLException {
        if (prefetched != null) {
            ResultBatch next = prefetched;
            prefetched = null;
            return next;
        }
        try {
            while (true) {
                ResultBatch next = channel == null ? cursor.nextBatch() : channel.nextBatch(cursor);
                if (next == null || next.rowCount() > 0) {
                    return next;
                }
            }
        } catch (SQLException e) {
            SQLException reported = query == null ? e : query.translate(e);
            closeAfterFailure();
            throw reported;
        }
    }

    private void bind(ResultBatch next) throws SQLException {
        try {
            if (next.columnCount() != accessors.length) {
                throw SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION, "the Basalt transport sent a batch of "
                        + next.columnCount() + " columns for a result of " + accessors.length);
            }
            for (int i = 0; i < accessors.length; i++) {
                accessors[i].bind(next.column(i));
            }
        } catch (SQLException e) {
            closeAfterFailure();
            throw e;
        }
        batch = next;
    }

    /** The rows ended (or the row limit was reached): the query is done and its cursor can go. */
    private void endOfRows() throws SQLException {
        exhausted = true;
        batch = null;
        try {
            closeCursor();
        } finally {
            finishQuery();
        }
    }

    private void closeAfterFailure() {
        closeQuietly();
        try {
            close();
        } catch (SQLException e) {
            // the failure being reported matters more than a failure to clean up after it
        }
    }

    private void closeCursor() throws SQLException {
        if (!cursorClosed) {
            cursorClosed = true;
            if (channel == null) {
                cursor.close();
            } else {
                channel.close(cursor);
            }
        }
    }

    private void closeQuietly() {
        try {
            closeCursor();
        } catch (SQLException | RuntimeException e) {
            // already failing; the cursor is abandoned
        }
    }

    private void finishQuery() {
        if (statement != null) {
            statement.resultSetFinished(query);
        } else if (query != null) {
            query.finish();
        }
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        if (rowNumber > 0 || exhausted) {
            return false;
        }
        // JDBC: false when there are no rows, so look at the first batch (no batch is being read yet)
        if (prefetched == null) {
            prefetched = nextNonEmptyBatch();
            if (prefetched == null) {
                endOfRows();
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return exhausted && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return batch != null && rowNumber == 1;
    }

    /** Would need the next batch while the current one is still read, which the SPI does not allow. */
    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        throw SqlExceptionFactory.notSupported("isLast() would have to read ahead of the current row; "
                + "forward-only Basalt result sets do not (JDBC makes isLast optional for them)");
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return batch == null || rowNumber > Integer.MAX_VALUE ? 0 : (int) rowNumber;
    }

    // ---- closing

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        batch = null;
        prefetched = null;
        try {
            closeCursor();
        } finally {
            finishQuery();
            if (statement != null) {
                statement.resultSetClosed(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptionFactory.create(SqlStates.FUNCTION_SEQUENCE_ERROR, "the result set is closed");
        }
    }

    // ---- reading the current row

    /** The accessor of {@code columnIndex} on the current row; records whether the value is NULL. */
    private ColumnAccessor column(int columnIndex) throws SQLException {
        checkOpen();
        if (batch == null) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_CURSOR_STATE, exhausted
                    ? "the result set is past its last row" : "the result set is before its first row; call next()");
        }
        if (columnIndex < 1 || columnIndex > accessors.length) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_DESCRIPTOR_INDEX, "column index " + columnIndex
                    + " is out of range; the result has " + accessors.length + " columns");
        }
        ColumnAccessor accessor = accessors[columnIndex - 1];
        lastWasNull = accessor.isNull(row);
        return accessor;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return lastWasNull;
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        if (columnLabel == null) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "the column label is null");
        }
        Integer known = labelLookups.get(columnLabel);
        if (known != null) {
            return known;
        }
        int found = searchLabel(columnLabel);
        labelLookups.put(columnLabel, found);
        return found;
    }

    private int searchLabel(String columnLabel) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(columnLabel)) {
                return i + 1;
            }
        }
        String lower = columnLabel.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().toLowerCase(Locale.ROOT).equals(lower)) {
                return i + 1;
            }
        }
        StringBuilder labels = new StringBuilder();
        for (ColumnDescriptor column : columns) {
            labels.append(labels.length() == 0 ? "" : ", ").append(column.label());
        }
        throw SqlExceptionFactory.create(SqlStates.UNDEFINED_COLUMN, "the result has no column labelled \""
                + columnLabel + "\"; its columns are " + labels);
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? null : accessor.getString(row);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return !lastWasNull && accessor.getBoolean(row);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? 0 : (byte) integer(accessor, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? 0 : (short) integer(accessor, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? 0 : (int) integer(accessor, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    /** The current row's value as an integer within {@code [min, max]}, else a range error (22003). */
    private long integer(ColumnAccessor accessor, long min, long max, String target) throws SQLException {
        long value = accessor.getLong(row);
        if (value < min || value > max) {
            throw ValueConverter.outOfRange(accessor.value(row), target, accessor);
        }
        return value;
    }

    private float floatValue(ColumnAccessor accessor) throws SQLException {
        double value = accessor.getDouble(row);
        if (!Double.isInfinite(value) && Math.abs(value) > Float.MAX_VALUE) {
            throw ValueConverter.outOfRange(accessor.value(row), "float", accessor);
        }
        return (float) value;
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? 0 : accessor.getLong(row);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? 0 : floatValue(accessor);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? 0 : accessor.getDouble(row);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? null : accessor.getBigDecimal(row);
    }

    /** @deprecated as in JDBC; rounds half up to {@code scale} digits. */
    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, java.util.Calendar calendar) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? null : LegacyDateTimes.toSqlDate(accessor.getLocalDate(row), calendar);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex, java.util.Calendar calendar) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? null : LegacyDateTimes.toSqlTime(accessor.getLocalTime(row), calendar);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, java.util.Calendar calendar) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? null : LegacyDateTimes.toSqlTimestamp(accessor.getLocalDateTime(row), calendar);
    }

    /** The value in the class {@link ResultSetMetaData#getColumnClassName} names. */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        return lastWasNull ? null : accessor.object(row);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "getObject needs a class");
        }
        ColumnAccessor accessor = column(columnIndex);
        if (lastWasNull) {
            return null;
        }
        return type.cast(convertTo(accessor, type));
    }

    private Object convertTo(ColumnAccessor accessor, Class<?> type) throws SQLException {
        if (type == String.class) {
            return accessor.getString(row);
        }
        if (type == Integer.class) {
            return (int) integer(accessor, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
        }
        if (type == Long.class) {
            return accessor.getLong(row);
        }
        if (type == Short.class) {
            return (short) integer(accessor, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        }
        if (type == Byte.class) {
            return (byte) integer(accessor, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        }
        if (type == Boolean.class) {
            return accessor.getBoolean(row);
        }
        if (type == Double.class) {
            return accessor.getDouble(row);
        }
        if (type == Float.class) {
            return floatValue(accessor);
        }
        if (type == BigDecimal.class) {
            return accessor.getBigDecimal(row);
        }
        if (type == BigInteger.class) {
            return accessor.getBigDecimal(row).setScale(0, RoundingMode.DOWN).toBigInteger();
        }
        if (type == LocalDate.class) {
            return accessor.getLocalDate(row);
        }
        if (type == LocalTime.class) {
            return accessor.getLocalTime(row);
        }
        if (type == LocalDateTime.class) {
            return accessor.getLocalDateTime(row);
        }
        if (type == Date.class) {
            return LegacyDateTimes.toSqlDate(accessor.getLocalDate(row), null);
        }
        if (type == Time.class) {
            return LegacyDateTimes.toSqlTime(accessor.getLocalTime(row), null);
        }
        if (type == Timestamp.class) {
            return LegacyDateTimes.toSqlTimestamp(accessor.getLocalDateTime(row), null);
        }
        Object natural = accessor.object(row);
        if (type.isInstance(natural)) {
            return natural; // Object, Number, Comparable, java.util.Date for a Timestamp, …
        }
        throw ValueConverter.impossible(accessor.value(row), type.getName(), accessor, null);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptionFactory.notSupported("Basalt has no user-defined types to map");
        }
        return getObject(columnIndex);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String text = textOf(columnIndex, "a character stream");
        return text == null ? null : new StringReader(text);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String text = textOf(columnIndex, "an ASCII stream");
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    /** Streams are for text columns only (JDBC table B-6). */
    private String textOf(int columnIndex, String what) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        if (lastWasNull) {
            return null;
        }
        if (!accessor.descriptor().type().isText()) {
            throw ValueConverter.impossible(accessor.value(row), what, accessor, "only text columns stream");
        }
        return accessor.getString(row);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        if (lastWasNull) {
            return null;
        }
        throw ValueConverter.impossible(accessor.value(row), "byte[]", accessor, "Basalt has no binary types");
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        ColumnAccessor accessor = column(columnIndex);
        if (lastWasNull) {
            return null;
        }
        throw ValueConverter.impossible(accessor.value(row), "a binary stream", accessor, "Basalt has no binary types");
    }

    /** @deprecated as in JDBC. */
    @Deprecated
    @Override
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("getUnicodeStream is deprecated and not supported; use getCharacterStream");
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no REF type");
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no BLOB type");
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no CLOB type; read text with getString or getCharacterStream");
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no NCLOB type; read text with getString or getCharacterStream");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no ARRAY type");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no DATALINK type; read URLs with getString");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no ROWID type");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no XML type");
    }

    // ---- the same getters by label

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    /** @deprecated as in JDBC. */
    @Deprecated
    @Override
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, java.util.Calendar calendar) throws SQLException {
        return getDate(findColumn(columnLabel), calendar);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel, java.util.Calendar calendar) throws SQLException {
        return getTime(findColumn(columnLabel), calendar);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, java.util.Calendar calendar) throws SQLException {
        return getTimestamp(findColumn(columnLabel), calendar);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    /** @deprecated as in JDBC. */
    @Deprecated
    @Override
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getNCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        return getRef(findColumn(columnLabel));
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        return getURL(findColumn(columnLabel));
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        return getRowId(findColumn(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        return getSQLXML(findColumn(columnLabel));
    }

    // ---- the result set itself

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new BasaltResultSetMetaData(columns);
        }
        return metaData;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    /** Basalt reports warnings on the statement; a result set has none of its own. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw SqlExceptionFactory.notSupported("Basalt has no positioned updates, so cursors have no names");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw forwardOnly("fetching in another direction than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** A hint recorded for getFetchSize; batches already follow the statement's fetch size. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "fetch size must not be negative: " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "a Basalt result set is not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
