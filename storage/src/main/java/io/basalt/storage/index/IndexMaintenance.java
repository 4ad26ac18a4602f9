package io.basalt.storage.index;

import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;

/**
 * Keeps index data fresh at the commit of the write that changed the rows. <b>Decision</b> (docs/ARCHITECTURE.md):
 * an index never needs to be fresh to be correct, because readers check freshness ({@code IndexData.isFreshFor}) and
 * use only fresh data; rebuilding at the writing commit makes it fresh again for the next readers. Rebuilding the
 * whole index costs one read and sort of its columns per writing transaction, which suits analytical tables written
 * in bulk; incremental maintenance (merging a sorted delta) can replace it later.
 */
public final class IndexMaintenance {

    private IndexMaintenance() {
    }

    /**
     * Rebuilds, in {@code transaction}, every index whose data does not reflect its table as the transaction sees it
     * (the tables the transaction wrote, and any another commit left stale). Call just before committing a
     * transaction that has changes.
     */
    public static int refreshStale(Transaction transaction) {
        int rebuilt = 0;
        for (TableEntry table : transaction.view().tables().values()) {
            for (IndexDefinition index : table.definition().indexes()) {
                if (transaction.requireTable(table.tableId()).freshIndexData(index.indexId()).isEmpty()) {
                    IndexBuilder.build(transaction, table.tableId(), index);
                    rebuilt++;
                }
            }
        }
        return rebuilt;
    }
}
