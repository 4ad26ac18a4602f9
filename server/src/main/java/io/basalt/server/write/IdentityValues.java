package io.basalt.server.write;

import io.basalt.server.StatementException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Identity;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills identity columns of appended rows with generated values: each batch takes as many positions from the
 * table's counter as it has rows (one position per row, shared by all its identity columns), so values are unique
 * and never reused; a rolled-back statement leaves a gap, as PostgreSQL's sequences do.
 */
final class IdentityValues {

    private final Transaction transaction;
    private final long tableId;
    private final String tableName;
    private final List<ColumnDefinition> columns;
    private final boolean[] generated;

    /** @param generated per table column, whether this statement generates its values */
    IdentityValues(Transaction transaction, long tableId, boolean[] generated) {
        this.transaction = transaction;
        this.tableId = tableId;
        this.tableName = transaction.requireTable(tableId).definition().name();
        this.columns = transaction.requireTable(tableId).definition().columns();
        this.generated = generated.clone();
    }

    ColumnBatch fill(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return batch;
        }
        long first = transaction.reserveIdentityPositions(tableId, rows);
        List<ColumnVector> filled = new ArrayList<>(batch.columns());
        for (int c = 0; c < generated.length; c++) {
            if (!generated[c]) {
                continue;
            }
            ColumnDefinition column = columns.get(c);
            Identity identity = column.identity().orElseThrow();
            LongVector values = new LongVector(rows);
            for (int row = 0; row < rows; row++) {
                values.append(valueAt(column, identity, first + row));
            }
            filled.set(c, values);
        }
        return new ColumnBatch(rows, filled);
    }

    /** PostgreSQL's sequence of an identity column ends at its type's range; so does this one (2200H). */
    private long valueAt(ColumnDefinition column, Identity identity, long position) {
        long value;
        try {
            value = identity.valueAt(position);
        } catch (ArithmeticException e) {
            throw exhausted(column, identity, identity.increment() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        long limit = identity.increment() > 0 ? maximum(column.type()) : -maximum(column.type()) - 1;
        if (identity.increment() > 0 ? value > limit : value < limit) {
            throw exhausted(column, identity, limit);
        }
        return value;
    }

    private StatementException exhausted(ColumnDefinition column, Identity identity, long limit) {
        return new StatementException("2200H", "nextval: reached " + (identity.increment() > 0 ? "maximum" : "minimum")
                + " value of sequence \"" + tableName + "_" + column.name() + "_seq\" (" + limit + ")");
    }

    private static long maximum(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }
}
