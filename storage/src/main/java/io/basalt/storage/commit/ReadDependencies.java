package io.basalt.storage.commit;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a transaction's writes rely on in tables it only read: checks between tables (foreign keys) read the other
 * table at the transaction's snapshot, so a concurrent transaction that changed that table in the way the check
 * relies on not happening makes this commit fail with 40001, whichever of the two commits second.
 */
final class ReadDependencies {

    /** Tables from which no rows may have been removed since the snapshot. */
    private final Set<Long> rowsKept = new LinkedHashSet<>();
    /** Tables to which no rows may have been added since the snapshot. */
    private final Set<Long> noRowsAdded = new LinkedHashSet<>();

    void rowsKept(long tableId) {
        rowsKept.add(tableId);
    }

    void noRowsAdded(long tableId) {
        noRowsAdded.add(tableId);
    }

    /** Fails if {@code latest} changed a table since {@code base} in a way these dependencies forbid. */
    void check(Manifest base, Manifest latest) {
        for (long tableId : rowsKept) {
            TableEntry now = latest.table(tableId).orElse(null);
            if (now != null && base.table(tableId).isPresent() && now.lastRewriteVersion() > base.version()) {
                throw new SerializationConflictException("rows of table " + now.definition().qualifiedName()
                        + " that a foreign key check relied on were changed by a concurrent transaction (version "
                        + now.lastRewriteVersion() + ")");
            }
        }
        for (long tableId : noRowsAdded) {
            TableEntry now = latest.table(tableId).orElse(null);
            if (now != null && base.table(tableId).isPresent() && now.lastAppendVersion() > base.version()) {
                throw new SerializationConflictException("rows were added to table " + now.definition().qualifiedName()
                        + ", whose foreign key a check relied on, by a concurrent transaction (version "
                        + now.lastAppendVersion() + ")");
            }
        }
    }
}
