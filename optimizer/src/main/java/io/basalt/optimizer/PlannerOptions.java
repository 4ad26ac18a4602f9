package io.basalt.optimizer;

import io.basalt.optimizer.catalog.AccessListing;
import io.basalt.optimizer.catalog.RuntimeTable;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Per-query planner settings.
 *
 * @param defaultSchema       the schema unqualified table names resolve in (a session's search path)
 * @param assignedColumnTypes the types the caller will assign the result's columns to, in result order (an
 *                            INSERT's target columns; {@code null} entries for none), or empty. A parameter that
 *                            is a whole result column ({@code INSERT INTO t VALUES (?, ?)}) takes its column's
 *                            type; nothing else changes.
 * @param rowIdentityTable    the id of a table whose rows expose their identity as one more column,
 *                            {@link #ROW_IDENTITY_COLUMN} (a DML statement's target), or -1. The column exists only
 *                            for such plans, so {@code SELECT *} never shows it.
 * @param access              the roles and privileges information_schema shows (the session user's view of them)
 * @param runtimeTables       system tables of information_schema whose rows the caller knows (see {@link RuntimeTable})
 * @param shareSubplans       whether a subplan the query holds twice is computed once (the default; off to compare
 *                            plans and results without sharing)
 * @param useIndexes          whether filtered scans may read an index instead of their table (PostgreSQL's setting
 *                            {@code enable_indexscan}); results are the same either way
 */
public record PlannerOptions(String defaultSchema, List<LogicalType> assignedColumnTypes, long rowIdentityTable,
                             AccessListing access, List<RuntimeTable> runtimeTables, boolean shareSubplans,
                             boolean useIndexes) {

    public static final PlannerOptions DEFAULTS = new PlannerOptions(Manifest.DEFAULT_SCHEMA);

    /** The name of the row identity column of {@link #rowIdentityTable()} (BIGINT, see execution's RowIdentity). */
    public static final String ROW_IDENTITY_COLUMN = "__basalt_row_id";

    public PlannerOptions {
        Objects.requireNonNull(defaultSchema, "defaultSchema");
        // May hold nulls, so not List.copyOf.
        assignedColumnTypes = Collections.unmodifiableList(new java.util.ArrayList<>(assignedColumnTypes));
        Objects.requireNonNull(access, "access");
        runtimeTables = List.copyOf(runtimeTables);
    }

    public PlannerOptions(String defaultSchema, List<LogicalType> assignedColumnTypes, long rowIdentityTable,
                          AccessListing access, List<RuntimeTable> runtimeTables) {
        this(defaultSchema, assignedColumnTypes, rowIdentityTable, access, runtimeTables, true, true);
    }

    public PlannerOptions(String defaultSchema, List<LogicalType> assignedColumnTypes, long rowIdentityTable) {
        this(defaultSchema, assignedColumnTypes, rowIdentityTable, AccessListing.NONE, List.of());
    }

    public PlannerOptions(String defaultSchema) {
        this(defaultSchema, List.of());
    }

    public PlannerOptions(String defaultSchema, List<LogicalType> assignedColumnTypes) {
        this(defaultSchema, assignedColumnTypes, -1);
    }

    public PlannerOptions withAssignedColumnTypes(List<LogicalType> types) {
        return with(defaultSchema, types, rowIdentityTable, access, runtimeTables);
    }

    public PlannerOptions withRowIdentityTable(long tableId) {
        return with(defaultSchema, assignedColumnTypes, tableId, access, runtimeTables);
    }

    public PlannerOptions withAccess(AccessListing listing) {
        return with(defaultSchema, assignedColumnTypes, rowIdentityTable, listing, runtimeTables);
    }

    public PlannerOptions withRuntimeTables(List<RuntimeTable> tables) {
        return with(defaultSchema, assignedColumnTypes, rowIdentityTable, access, tables);
    }

    public PlannerOptions withSharedSubplans(boolean share) {
        return new PlannerOptions(defaultSchema, assignedColumnTypes, rowIdentityTable, access, runtimeTables, share,
                useIndexes);
    }

    public PlannerOptions withIndexes(boolean use) {
        return new PlannerOptions(defaultSchema, assignedColumnTypes, rowIdentityTable, access, runtimeTables,
                shareSubplans, use);
    }

    private PlannerOptions with(String schema, List<LogicalType> types, long tableId, AccessListing listing,
                                List<RuntimeTable> tables) {
        return new PlannerOptions(schema, types, tableId, listing, tables, shareSubplans, useIndexes);
    }
}
