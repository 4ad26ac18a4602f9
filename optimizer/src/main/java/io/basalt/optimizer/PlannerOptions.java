package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;

import java.util.Objects;

/**
 * Per-query planner settings.
 *
 * @param defaultSchema the schema unqualified table names resolve in (a session's search path)
 */
public record PlannerOptions(String defaultSchema) {

    public static final PlannerOptions DEFAULTS = new PlannerOptions(Manifest.DEFAULT_SCHEMA);

    public PlannerOptions {
        Objects.requireNonNull(defaultSchema, "defaultSchema");
    }
}
