package io.basalt.server.query;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.scan.RowIdentity;
import io.basalt.optimizer.dml.ChangeAction;
import io.basalt.optimizer.dml.DmlKind;
import io.basalt.optimizer.dml.PlannedDml;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.server.write.ForeignKeyCheck;
import io.basalt.server.write.TableWriter;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies what a DELETE, UPDATE or MERGE query returned ({@link PlannedDml}) to its transaction: the identities of
 * removed rows become new deletion vectors (one per touched segment, the union with the old one), the new rows of
 * UPDATE and INSERT actions are appended (storage validates them: NOT NULL, lengths, ranges). The query reads the
 * transaction's view as it was before the statement, so appended rows are never read again (no Halloween problem).
 * A target row that UPDATE or MERGE would change twice fails the statement (21000, as PostgreSQL's MERGE); DELETE
 * … USING simply deletes it once.
 */
final class RowChanges {

    private final PlannedDml planned;
    private final Transaction transaction;
    private final SessionSettings settings;
    private long[] removed = new long[1024];
    private int removedCount;
    private long affected;
    private TableWriter writer;

    private RowChanges(PlannedDml planned, Transaction transaction, SessionSettings settings) {
        this.planned = planned;
        this.transaction = transaction;
        this.settings = settings;
    }

    /** Runs {@code plan} (the bound change query) and applies its rows; returns how many rows were affected. */
    static long apply(PlannedDml planned, PhysicalNode plan, ExecutionContext context, Transaction transaction,
                      SessionSettings settings) {
        RowChanges changes = new RowChanges(planned, transaction, settings);
        try {
            try (ResultStream rows = QueryExecutor.execute(plan, context)) {
                ColumnBatch batch;
                while ((batch = rows.next()) != null) {
                    changes.accept(batch);
                }
            }
            changes.deleteRemovedRows();
            if (changes.writer != null) {
                changes.writer.finish();
            }
            if (changes.removedCount > 0) {
                ForeignKeyCheck.afterRemovals(transaction, planned.tableId());
            }
        } finally {
            if (changes.writer != null) {
                changes.writer.close();
            }
        }
        return changes.affected;
    }

    private void accept(ColumnBatch batch) {
        List<ChangeAction> actions = planned.actions();
        LongVector identities = (LongVector) batch.column(0);
        LongVector clauses = planned.choosesClauses() ? (LongVector) batch.column(1) : null;
        int[][] rowsOfAction = new int[actions.size()][];
        int[] counts = new int[actions.size()];
        for (int row = 0; row < batch.rowCount(); row++) {
            int action = clauses == null ? 0 : (int) clauses.get(row) - 1;
            if (action < 0 || actions.get(action).kind() == ChangeAction.Kind.NOTHING) {
                continue;
            }
            if (actions.get(action).removesRow()) {
                remember(identities.get(row));
            }
            if (rowsOfAction[action] == null) {
                rowsOfAction[action] = new int[batch.rowCount()];
            }
            rowsOfAction[action][counts[action]++] = row;
            affected++;
        }
        for (int action = 0; action < actions.size(); action++) {
            if (counts[action] > 0 && actions.get(action).addsRow()) {
                append(batch, actions.get(action), rowsOfAction[action], counts[action]);
            }
        }
    }

    /** The new rows: the action's columns (one per table column, already of its type) at {@code rows}. */
    private void append(ColumnBatch batch, ChangeAction action, int[] rows, int count) {
        int firstColumn = action.firstColumn();
        int tableColumns = planned.table().columns().size();
        List<ColumnVector> columns = new ArrayList<>(tableColumns);
        for (int c = 0; c < tableColumns; c++) {
            // A copy: the executor may reuse its vectors, and the writer keeps what it is given.
            columns.add(VectorCopier.select(batch.column(firstColumn + c), rows, count));
        }
        if (writer == null) {
            writer = TableWriter.open(transaction, planned.tableId(), settings.threads());
        }
        writer.append(new ColumnBatch(count, columns), action.generatedColumns());
    }

    private void remember(long identity) {
        if (removedCount == removed.length) {
            removed = Arrays.copyOf(removed, removed.length * 2);
        }
        removed[removedCount++] = identity;
    }

    /** One new deletion vector per segment that lost rows. */
    private void deleteRemovedRows() {
        if (removedCount == 0) {
            return;
        }
        long[] identities = Arrays.copyOf(removed, removedCount);
        Arrays.sort(identities);
        int distinct = 0;
        for (int i = 0; i < identities.length; i++) {
            if (i > 0 && identities[i] == identities[i - 1]) {
                if (planned.kind() != DmlKind.DELETE) {
                    throw new StatementException("21000", planned.kind() == DmlKind.MERGE
                            ? "MERGE command cannot affect row a second time"
                            : "UPDATE command cannot affect row a second time",
                            -1, -1, null);
                }
                continue;
            }
            identities[distinct++] = identities[i];
        }
        if (planned.kind() == DmlKind.DELETE) {
            affected = distinct;
        }
        Map<Long, Long> rowCounts = new HashMap<>();
        for (SegmentEntry segment : transaction.requireTable(planned.tableId()).allSegments()) {
            rowCounts.put(segment.segmentId(), segment.rowCount());
        }
        int start = 0;
        while (start < distinct) {
            long segmentId = RowIdentity.segmentId(identities[start]);
            int end = start;
            while (end < distinct && RowIdentity.segmentId(identities[end]) == segmentId) {
                end++;
            }
            long[] positions = new long[end - start];
            for (int i = start; i < end; i++) {
                positions[i - start] = RowIdentity.row(identities[i]);
            }
            transaction.deleteRows(planned.tableId(), segmentId, DeletionVector.of(rowCounts.get(segmentId), positions));
            start = end;
        }
    }
}
