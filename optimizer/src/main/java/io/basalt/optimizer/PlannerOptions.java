package io.basalt.optimizer;

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
 */
public record PlannerOptions(String defaultSchema, List<LogicalType> assignedColumnTypes) {

    public static final PlannerOptions DEFAULTS = new PlannerOptions(Manifest.DEFAULT_SCHEMA);

    public PlannerOptions {
        Objects.requireNonNull(defaultSchema, "defaultSchema");
        // May hold nulls, so not List.copyOf.
        assignedColumnTypes = Collections.unmodifiableList(new java.util.ArrayList<>(assignedColumnTypes));
    }

    public PlannerOptions(String defaultSchema) {
        this(defaultSchema, List.of());
    }

    public PlannerOptions withAssignedColumnTypes(List<LogicalType> types) {
        return new PlannerOptions(defaultSchema, types);
    }
}
