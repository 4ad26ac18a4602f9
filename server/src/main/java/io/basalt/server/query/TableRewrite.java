package io.basalt.server.query;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.server.SessionSettings;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableAppender;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Rewrites a table's rows into new segments of a new definition (ALTER TABLE … ADD/DROP COLUMN): the live rows are
 * read with a generated query (one expression per new column: an old column, or a DEFAULT), cast to the new columns'
 * types as INSERT casts, written as new segments, and swapped in for every old segment, all in the caller's
 * transaction. Rewriting costs a full copy, but keeps every segment shaped as its table's definition, so readers
 * need no per-segment column mapping.
 */
public final class TableRewrite {

    private TableRewrite() {
    }

    /**
     * @param before      the catalog version holding the old definition and segments (read by the query)
     * @param expressions for each column of {@code definition}, SQL over the old columns giving its value
     */
    public static void rewrite(Transaction transaction, QueryRunner runner, SessionSettings settings, Manifest before,
                               TableEntry table, TableDefinition definition, List<String> expressions,
                               AtomicBoolean cancelled) {
        if (table.allSegments().isEmpty()) {
            return;
        }
        String text = "SELECT " + String.join(", ", expressions) + " FROM "
                + GeneratedSql.quoted(table.definition().schema(), table.definition().name());
        PlannedQuery planned = runner.plan(GeneratedSql.fragment(text), before, settings);
        PhysicalNode rows = InsertTarget.everyColumn(table.tableId(), definition).castToTargets(planned.plan(), Map.of());
        List<SegmentEntry> written;
        try (TableAppender appender = new TableAppender(transaction, table.tableId(),
                transaction.requireTable(table.tableId()).defaultPartition().partitionId(), settings.threads())) {
            InsertStatements.appendAll(rows, appender::append, runner.context(before, settings, cancelled));
            written = appender.finishWithoutPublishing();
        }
        TableEntry current = transaction.requireTable(table.tableId());
        for (PartitionEntry partition : current.partitions()) {
            Set<Long> old = partition.segments().stream().map(SegmentEntry::segmentId).collect(Collectors.toCollection(HashSet::new));
            boolean target = partition.partitionId() == current.defaultPartition().partitionId();
            if (!old.isEmpty() || target) {
                transaction.replaceSegments(table.tableId(), partition.partitionId(), old, target ? written : List.of());
            }
        }
    }
}
