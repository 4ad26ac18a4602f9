package io.basalt.jdbc.spi;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement prepared by a {@link ServerSession}: what the session knows about it ahead of execution, and
 * the way to run it with parameters. The network transport will keep the server's statement id here; the
 * embedded transport may keep a cached plan, or nothing at all ({@link UnanalyzedPreparedHandle}).
 *
 * <p>The same threading rules as the session apply: the driver serialises calls on a handle with the
 * other calls on its session.
 */
public interface PreparedHandle extends AutoCloseable {

    /** The statement text as the application wrote it. */
    String sql();

    /** The number of {@code ?} parameters, or -1 when the session has not analysed the statement. */
    int parameterCount();

    /**
     * One descriptor per parameter when the session knows their types, else {@code null} (then
     * {@link java.sql.ParameterMetaData} can only tell the count).
     */
    List<ParameterDescriptor> parameterDescriptors();

    /**
     * The columns the statement returns: {@code null} when unknown until it runs, an empty list when it
     * returns no rows (DML, DDL).
     */
    List<ColumnDescriptor> resultColumns();

    /**
     * Runs the statement; {@code parameters} follows the rules of
     * {@link ServerSession#execute(String, List, ExecutionOptions)} and has exactly
     * {@link #parameterCount()} values when that count is known.
     */
    ExecutionResult execute(List<Object> parameters, ExecutionOptions options) throws SQLException;

    /**
     * Runs the statement once per parameter set ({@link java.sql.Statement#executeBatch()}) in one call, when the
     * session can do so better than one {@link #execute} per set: one update count per set, in order. The sets
     * run as one unit: either all take effect or, when one fails, none does, and the SQLException (its message
     * naming the failing entry) means nothing was applied. A session that cannot returns {@code null} (the
     * default), and the driver runs the sets one by one, each on its own.
     *
     * @param parameterSets at least one set, each with {@link #parameterCount()} values when that count is known
     */
    default long[] executeBatch(List<List<Object>> parameterSets, ExecutionOptions options) throws SQLException {
        return null;
    }

    /** Releases what the session keeps for this statement. Idempotent. */
    @Override
    void close() throws SQLException;
}
