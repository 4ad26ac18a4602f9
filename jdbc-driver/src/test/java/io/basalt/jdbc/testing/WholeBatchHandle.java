package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ParameterDescriptor;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.UnanalyzedPreparedHandle;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A handle that runs whole batches in one call, as the embedded session does for INSERT; records each batch. */
public final class WholeBatchHandle implements PreparedHandle {

    private final PreparedHandle single;
    private final List<List<List<Object>>> batches = new ArrayList<>();
    private volatile SQLException failure;

    public WholeBatchHandle(ServerSession session, String sql) {
        this.single = new UnanalyzedPreparedHandle(session, sql);
    }

    /** Makes the next batches fail with {@code error}, as a batch that applied nothing. */
    public void failWith(SQLException error) {
        this.failure = error;
    }

    public synchronized List<List<List<Object>>> batches() {
        return new ArrayList<>(batches);
    }

    @Override
    public synchronized long[] executeBatch(List<List<Object>> parameterSets, ExecutionOptions options) throws SQLException {
        if (failure != null) {
            throw failure;
        }
        batches.add(parameterSets);
        long[] counts = new long[parameterSets.size()];
        Arrays.fill(counts, 1);
        return counts;
    }

    @Override
    public String sql() {
        return single.sql();
    }

    @Override
    public int parameterCount() {
        return single.parameterCount();
    }

    @Override
    public List<ParameterDescriptor> parameterDescriptors() {
        return single.parameterDescriptors();
    }

    @Override
    public List<ColumnDescriptor> resultColumns() {
        return single.resultColumns();
    }

    @Override
    public ExecutionResult execute(List<Object> parameters, ExecutionOptions options) throws SQLException {
        return single.execute(parameters, options);
    }

    @Override
    public void close() throws SQLException {
        single.close();
    }
}
