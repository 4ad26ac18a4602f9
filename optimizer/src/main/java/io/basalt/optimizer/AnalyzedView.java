package io.basalt.optimizer;

import io.basalt.execution.plan.Column;
import io.basalt.storage.catalog.RelationName;

import java.util.List;

/**
 * What CREATE VIEW stores about its query: the columns it returns (names as the query gives them, types and
 * nullability as the validator derives them, which is the row type the view is expanded to) and every table
 * and view it reads, directly or through other views ({@code reads}: the same, arranged for privilege checks).
 */
public record AnalyzedView(List<Column> columns, List<RelationName> dependencies, RelationReads reads) {

    public AnalyzedView {
        columns = List.copyOf(columns);
        dependencies = List.copyOf(dependencies);
        java.util.Objects.requireNonNull(reads, "reads");
    }
}
