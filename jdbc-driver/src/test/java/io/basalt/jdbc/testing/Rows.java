package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.RowBatchBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link ScriptedCursor} from rows of Java values: {@code Rows.of(columns).row(1L, "a")
 * .nextBatch().row(2L, "b").cursor()}. Rows go into the current batch until {@link #nextBatch()}.
 */
public final class Rows {

    private final List<ColumnDescriptor> columns;
    private final List<ResultBatch> batches = new ArrayList<>();
    private RowBatchBuilder current;

    private Rows(List<ColumnDescriptor> columns) {
        this.columns = columns;
        this.current = new RowBatchBuilder(columns);
    }

    public static Rows of(ColumnDescriptor... columns) {
        return new Rows(Arrays.asList(columns));
    }

    public Rows row(Object... values) {
        current.addRow(values);
        return this;
    }

    /** Ends the current batch (even an empty one: sessions may send those). */
    public Rows nextBatch() {
        batches.add(current.build());
        current = new RowBatchBuilder(columns);
        return this;
    }

    public ScriptedCursor cursor() {
        List<ResultBatch> all = new ArrayList<>(batches);
        if (current.rowCount() > 0) {
            all.add(current.build());
        }
        return new ScriptedCursor(columns, all);
    }

    public ExecutionResult result() {
        return ExecutionResult.rows(cursor());
    }
}
