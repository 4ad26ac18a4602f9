package io.basalt.server.query;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a cached plan was planned from, so that a later catalog version can tell whether the plan still holds.
 *
 * <p>The storage manifest has no separate catalog version (catalog and data commit together), so the catalog part
 * is kept itself: the schemas, and each table's id and definition. Ids are never reused, so a table dropped and
 * created again under the same name is a new id, and any change of a definition (columns, types, constraints,
 * options, the name) makes it unequal. Any such change anywhere re-plans: DDL is rare, a new plan costs
 * milliseconds, and names, key constraints and foreign keys of other tables all feed the planner. Definitions are
 * compared by identity first: a commit that only appends rows keeps the very same definition objects, so the
 * check is a pointer comparison per table.
 *
 * <p>Row counts feed join order and build sides but rows are added all the time, so only a large change
 * re-plans: a table the plan scans that grew or shrank by more than a factor of {@value #ROW_COUNT_FACTOR} (and by
 * at least {@value #MIN_ROW_COUNT_CHANGE} rows) since planning. A statement prepared on an empty table and run
 * after loading thus gets a plan for the loaded data, without re-planning on every insert.
 *
 * <p>The session's schema is part of it too: unqualified names resolve there.
 */
final class PlanningBasis {

    static final int ROW_COUNT_FACTOR = 2;
    static final long MIN_ROW_COUNT_CHANGE = 1_000;

    private final String schema;
    private final Set<String> schemas;
    private final Map<Long, TableDefinition> tables;
    private final Map<Long, Long> scannedRowCounts;
    /** Views expand into plans, so any view created, replaced or dropped re-plans, as table DDL does. */
    private final List<ViewDefinition> views;

    private PlanningBasis(String schema, Set<String> schemas, Map<Long, TableDefinition> tables,
                          Map<Long, Long> scannedRowCounts, List<ViewDefinition> views) {
        this.schema = schema;
        this.schemas = schemas;
        this.tables = tables;
        this.scannedRowCounts = scannedRowCounts;
        this.views = views;
    }

    /** The basis of {@code plan}, planned against {@code catalog} with {@code schema} as the default schema. */
    static PlanningBasis of(Manifest catalog, String schema, PhysicalNode plan) {
        Map<Long, TableDefinition> tables = new HashMap<>();
        for (TableEntry table : catalog.tables().values()) {
            tables.put(table.tableId(), table.definition());
        }
        Map<Long, Long> rowCounts = new HashMap<>();
        Deque<PhysicalNode> pending = new ArrayDeque<>();
        pending.push(plan);
        while (!pending.isEmpty()) {
            PhysicalNode node = pending.pop();
            if (node instanceof TableScanNode scan) {
                catalog.table(scan.tableId()).ifPresent(table -> rowCounts.put(table.tableId(), table.rowCount()));
            }
            node.inputs().forEach(pending::push);
        }
        return new PlanningBasis(schema, catalog.schemas(), tables, rowCounts, catalog.views());
    }

    /** Whether a plan made from this basis is still the plan for {@code catalog} and {@code currentSchema}. */
    boolean holdsFor(Manifest catalog, String currentSchema) {
        if (!schema.equals(currentSchema) || !sameSchemas(catalog.schemas())
                || catalog.tables().size() != tables.size()
                || (catalog.views() != views && !catalog.views().equals(views))) {
            return false;
        }
        for (TableEntry table : catalog.tables().values()) {
            TableDefinition planned = tables.get(table.tableId());
            if (planned == null || (planned != table.definition() && !planned.equals(table.definition()))) {
                return false;
            }
        }
        for (Map.Entry<Long, Long> scanned : scannedRowCounts.entrySet()) {
            long now = catalog.table(scanned.getKey()).map(TableEntry::rowCount).orElse(0L);
            if (changedMuch(scanned.getValue(), now)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameSchemas(Set<String> current) {
        return current == schemas || current.equals(schemas);
    }

    private static boolean changedMuch(long before, long now) {
        long smaller = Math.min(before, now);
        long larger = Math.max(before, now);
        return larger - smaller >= MIN_ROW_COUNT_CHANGE && larger > smaller * ROW_COUNT_FACTOR;
    }
}
