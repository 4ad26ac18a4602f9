package io.basalt.storage.commit;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.commit.TransactionOperation.AdvanceIdentity;
import io.basalt.storage.commit.TransactionOperation.AlterTable;
import io.basalt.storage.commit.TransactionOperation.AppendSegments;
import io.basalt.storage.commit.TransactionOperation.CreateSchema;
import io.basalt.storage.commit.TransactionOperation.CreateTable;
import io.basalt.storage.commit.TransactionOperation.CreateView;
import io.basalt.storage.commit.TransactionOperation.DropSchema;
import io.basalt.storage.commit.TransactionOperation.DropTable;
import io.basalt.storage.commit.TransactionOperation.DropView;
import io.basalt.storage.commit.TransactionOperation.PublishIndexData;
import io.basalt.storage.commit.TransactionOperation.ReplaceSegments;
import io.basalt.storage.commit.TransactionOperation.UpdateDeletions;

import io.basalt.storage.catalog.ViewDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays transaction operations onto a manifest. The same code builds a transaction's private view of
 * its own changes and, at commit, the next published version, so what a transaction saw is what lands.
 */
final class ManifestChanges {

    private ManifestChanges() {
    }

    static Manifest apply(Manifest manifest, List<TransactionOperation> operations, long newVersion, long nextId) {
        SortedSet<String> schemas = new TreeSet<>(manifest.schemas());
        Map<Long, TableEntry> tables = new TreeMap<>(manifest.tables());
        List<ViewDefinition> views = new ArrayList<>(manifest.views());
        for (TransactionOperation operation : operations) {
            if (operation instanceof CreateView || operation instanceof DropView) {
                applyToViews(operation, schemas, tables, views);
            } else {
                applyOne(operation, schemas, tables, views, newVersion);
            }
        }
        return manifest.with(newVersion, Math.max(nextId, manifest.nextId()), schemas, tables, views);
    }

    private static void applyToViews(TransactionOperation operation, SortedSet<String> schemas,
                                     Map<Long, TableEntry> tables, List<ViewDefinition> views) {
        if (operation instanceof CreateView create) {
            ViewDefinition view = create.definition();
            if (!schemas.contains(view.schema())) {
                throw new StorageException(StorageErrors.UNDEFINED_SCHEMA, "schema " + view.schema() + " does not exist");
            }
            if (tableExists(tables, view.schema(), view.name())) {
                throw new StorageException(StorageErrors.DUPLICATE_TABLE, "relation " + view.qualifiedName() + " already exists");
            }
            int existing = indexOfView(views, view.schema(), view.name());
            if (existing >= 0 && !create.replace()) {
                throw new StorageException(StorageErrors.DUPLICATE_TABLE, "relation " + view.qualifiedName() + " already exists");
            }
            if (existing >= 0) {
                views.set(existing, view);
            } else {
                views.add(view);
            }
        } else {
            DropView drop = (DropView) operation;
            int existing = indexOfView(views, drop.schema(), drop.name());
            if (existing < 0) {
                throw new SerializationConflictException("view " + drop.schema() + "." + drop.name()
                        + " was dropped by a concurrent transaction");
            }
            views.remove(existing);
        }
    }

    private static int indexOfView(List<ViewDefinition> views, String schema, String name) {
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).schema().equals(schema) && views.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean tableExists(Map<Long, TableEntry> tables, String schema, String name) {
        return tables.values().stream().anyMatch(t -> t.definition().schema().equals(schema)
                && t.definition().name().equals(name));
    }

    private static void applyOne(TransactionOperation operation, SortedSet<String> schemas, Map<Long, TableEntry> tables,
                                 List<ViewDefinition> views, long newVersion) {
        if (operation instanceof CreateSchema create) {
            if (!schemas.add(create.name())) {
                throw new StorageException(StorageErrors.DUPLICATE_SCHEMA, "schema " + create.name() + " already exists");
            }
        } else if (operation instanceof DropSchema drop) {
            if (!schemas.contains(drop.name())) {
                throw new StorageException(StorageErrors.UNDEFINED_SCHEMA, "schema " + drop.name() + " does not exist");
            }
            if (tables.values().stream().anyMatch(t -> t.definition().schema().equals(drop.name()))
                    || views.stream().anyMatch(v -> v.schema().equals(drop.name()))) {
                throw new StorageException(StorageErrors.DEPENDENT_OBJECTS,
                        "schema " + drop.name() + " is not empty: drop its tables and views first");
            }
            schemas.remove(drop.name());
        } else if (operation instanceof CreateTable create) {
            String schema = create.definition().schema();
            if (!schemas.contains(schema)) {
                throw new StorageException(StorageErrors.UNDEFINED_SCHEMA, "schema " + schema + " does not exist");
            }
            String name = create.definition().name();
            if (tableExists(tables, schema, name) || indexOfView(views, schema, name) >= 0) {
                throw new StorageException(StorageErrors.DUPLICATE_TABLE,
                        "table " + create.definition().qualifiedName() + " already exists");
            }
            PartitionEntry partition = new PartitionEntry(create.partitionId(), Optional.empty(), List.of());
            tables.put(create.tableId(), new TableEntry(create.tableId(), create.definition(), List.of(partition), newVersion));
        } else if (operation instanceof DropTable drop) {
            requireTable(tables, drop.tableId());
            tables.remove(drop.tableId());
        } else if (operation instanceof AlterTable alter) {
            TableEntry table = requireTable(tables, alter.tableId());
            String schema = alter.definition().schema();
            String name = alter.definition().name();
            boolean renamed = !name.equals(table.definition().name());
            if (renamed && (tableExists(tables, schema, name) || indexOfView(views, schema, name) >= 0)) {
                throw new StorageException(StorageErrors.DUPLICATE_TABLE, "relation " + schema + "." + name + " already exists");
            }
            tables.put(alter.tableId(), table.withDefinition(alter.definition()).withLastRewriteVersion(newVersion));
        } else if (operation instanceof PublishIndexData publish) {
            tables.put(publish.tableId(), requireTable(tables, publish.tableId()).withIndexData(publish.data()));
        } else if (operation instanceof AdvanceIdentity advance) {
            tables.put(advance.tableId(), requireTable(tables, advance.tableId()).withIdentityPositionsAtLeast(advance.positions()));
        } else if (operation instanceof AppendSegments append) {
            List<?> currentTypes = requireTable(tables, append.tableId()).definition().columns().stream()
                    .map(c -> c.type()).toList();
            if (!currentTypes.equals(append.columnTypes())) {
                throw conflict(append.tableId(), "its columns were altered");
            }
            updatePartition(tables, append.tableId(), append.partitionId(), newVersion, false,
                segments -> {
                    List<SegmentEntry> result = new ArrayList<>(segments);
                    result.addAll(append.segments());
                    return result;
                });
            tables.put(append.tableId(), tables.get(append.tableId()).withLastAppendVersion(newVersion));
        } else if (operation instanceof UpdateDeletions update) {
            updatePartition(tables, update.tableId(), update.partitionId(), newVersion, true,
                segments -> {
                    List<SegmentEntry> result = new ArrayList<>(segments.size());
                    boolean found = false;
                    for (SegmentEntry segment : segments) {
                        if (segment.segmentId() == update.segmentId()) {
                            result.add(segment.withDeletions(update.deletionVectorId(), update.deletedRows()));
                            found = true;
                        } else {
                            result.add(segment);
                        }
                    }
                    if (!found) {
                        throw conflict(update.tableId(), "segment " + update.segmentId() + " no longer exists");
                    }
                    return result;
                });
        } else if (operation instanceof ReplaceSegments replace) {
            updatePartition(tables, replace.tableId(), replace.partitionId(), newVersion, true,
                segments -> {
                    List<SegmentEntry> result = new ArrayList<>();
                    int removed = 0;
                    for (SegmentEntry segment : segments) {
                        if (replace.removedSegmentIds().contains(segment.segmentId())) {
                            removed++;
                        } else {
                            result.add(segment);
                        }
                    }
                    if (removed != replace.removedSegmentIds().size()) {
                        throw conflict(replace.tableId(), "segments it replaces no longer exist");
                    }
                    result.addAll(replace.added());
                    return result;
                });
        } else {
            throw new IllegalStateException("unknown operation " + operation);
        }
    }

    private interface SegmentListChange {
        List<SegmentEntry> apply(List<SegmentEntry> segments);
    }

    private static void updatePartition(Map<Long, TableEntry> tables, long tableId, long partitionId, long newVersion,
                                        boolean rewrite, SegmentListChange change) {
        TableEntry table = requireTable(tables, tableId);
        List<PartitionEntry> partitions = new ArrayList<>(table.partitions());
        int index = -1;
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i).partitionId() == partitionId) {
                index = i;
            }
        }
        if (index < 0) {
            throw conflict(tableId, "partition " + partitionId + " no longer exists");
        }
        PartitionEntry partition = partitions.get(index);
        partitions.set(index, partition.withSegments(change.apply(partition.segments())));
        TableEntry updated = table.withPartitions(partitions);
        if (rewrite) {
            updated = updated.withLastRewriteVersion(newVersion);
        }
        tables.put(tableId, updated);
    }

    private static TableEntry requireTable(Map<Long, TableEntry> tables, long tableId) {
        TableEntry table = tables.get(tableId);
        if (table == null) {
            throw new SerializationConflictException("table " + tableId + " was dropped by a concurrent transaction");
        }
        return table;
    }

    private static SerializationConflictException conflict(long tableId, String detail) {
        return new SerializationConflictException("table " + tableId + " was changed by a concurrent transaction: " + detail);
    }
}
