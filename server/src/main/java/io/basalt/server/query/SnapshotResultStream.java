package io.basalt.server.query;

import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.Column;
import io.basalt.server.transaction.ReadView;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;

/**
 * A query's rows together with the snapshot they are read from: the snapshot stays pinned (vacuum keeps its
 * files) until the client has read or closed the result, however slowly it reads.
 */
final class SnapshotResultStream implements ResultStream {

    private final ResultStream rows;
    private final ReadView snapshot;
    private boolean closed;

    SnapshotResultStream(ResultStream rows, ReadView snapshot) {
        this.rows = rows;
        this.snapshot = snapshot;
    }

    @Override
    public List<Column> columns() {
        return rows.columns();
    }

    @Override
    public ColumnBatch next() {
        ColumnBatch batch = rows.next();
        if (batch == null) {
            close();
        }
        return batch;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                rows.close();
            } finally {
                snapshot.close();
            }
        }
    }
}
