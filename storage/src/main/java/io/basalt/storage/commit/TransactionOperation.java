package io.basalt.storage.commit;

import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.type.LogicalType;

import java.util.List;
import java.util.Set;

/**
 * One change a transaction makes. A transaction records operations rather than a finished manifest so that
 * at commit they can be replayed onto whatever version is current then: concurrent appends to one table
 * both land, while a change to existing rows that raced another such change is refused.
 */
sealed interface TransactionOperation {

    /** The table whose existing rows this operation rewrites, or -1; used for write-write conflicts. */
    default long rewrittenTable() {
        return -1;
    }

    record CreateSchema(String name) implements TransactionOperation {
    }

    record DropSchema(String name) implements TransactionOperation {
    }

    record CreateTable(long tableId, long partitionId, TableDefinition definition) implements TransactionOperation {
    }

    /** Creates a view, or with {@code replace} replaces the view of that name if there is one. */
    record CreateView(ViewDefinition definition, boolean replace) implements TransactionOperation {
    }

    record DropView(String schema, String name) implements TransactionOperation {
    }

    record DropTable(long tableId) implements TransactionOperation {
        @Override
        public long rewrittenTable() {
            return tableId;
        }
    }

    /**
     * @param columnTypes the table's column types the segments were written with: an ALTER TABLE that committed
     *                    meanwhile changed them, and such segments would not fit the table any more
     */
    record AppendSegments(long tableId, long partitionId, List<SegmentEntry> segments, List<LogicalType> columnTypes)
            implements TransactionOperation {
        public AppendSegments {
            segments = List.copyOf(segments);
            columnTypes = List.copyOf(columnTypes);
        }
    }

    /**
     * Records that the transaction used identity positions below {@code positions} of a table, so that the committed
     * counter moves past them (it never moves back: another transaction may have used more meanwhile).
     */
    record AdvanceIdentity(long tableId, long positions) implements TransactionOperation {
    }

    /** Changes a table's definition (ALTER TABLE); segments are rewritten by separate operations where needed. */
    record AlterTable(long tableId, TableDefinition definition) implements TransactionOperation {
        @Override
        public long rewrittenTable() {
            return tableId;
        }
    }

    /**
     * Publishes an index's data built by this transaction. Never a conflict: data built from rows another commit
     * changed meanwhile is simply not fresh for the version it lands in, and readers pass over it.
     */
    record PublishIndexData(long tableId, IndexData data) implements TransactionOperation {
    }

    /** Publishes a new deletion vector for one segment (DELETE, UPDATE). */
    record UpdateDeletions(long tableId, long partitionId, long segmentId, long deletionVectorId, long deletedRows)
            implements TransactionOperation {
        @Override
        public long rewrittenTable() {
            return tableId;
        }
    }

    /** Swaps segments for others holding the same live rows (compaction) or for none (TRUNCATE). */
    record ReplaceSegments(long tableId, long partitionId, Set<Long> removedSegmentIds, List<SegmentEntry> added)
            implements TransactionOperation {
        public ReplaceSegments {
            removedSegmentIds = Set.copyOf(removedSegmentIds);
            added = List.copyOf(added);
        }

        @Override
        public long rewrittenTable() {
            return tableId;
        }
    }
}
