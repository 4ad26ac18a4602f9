package io.basalt.optimizer.sql;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** Basalt's catalog has no views yet, so Calcite is never asked to expand one; if it is, that is a bug. */
final class NoViews implements RelOptTable.ViewExpander {

    static final NoViews INSTANCE = new NoViews();

    private NoViews() {
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
                              @Nullable List<String> viewPath) {
        throw new IllegalStateException("the catalog has no views, yet Calcite asked to expand " + viewPath);
    }
}
