package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.RuntimeTable;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.commit.Manifest;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands a view where a query reads it: Calcite's {@code ViewTable} hands over the view's stored text and the
 * schema path it was created with, and this translates that text in the same cluster and catalog version as the
 * query around it, so the optimizer sees one tree of base tables. It also records which views it expanded: a new
 * view depends on them.
 */
final class ViewExpansion implements RelOptTable.ViewExpander {

    /** Views are acyclic by construction (CREATE VIEW checks); this only stops a corrupt catalog from recursing forever. */
    private static final int MAX_DEPTH = 64;

    private final Manifest catalog;
    private final List<RuntimeTable> runtimeTables;
    private final RelOptCluster cluster;
    private final Set<RelationName> expanded = new LinkedHashSet<>();
    private int depth;

    ViewExpansion(Manifest catalog, List<RuntimeTable> runtimeTables, RelOptCluster cluster) {
        this.catalog = catalog;
        this.runtimeTables = runtimeTables;
        this.cluster = cluster;
    }

    Set<RelationName> expandedViews() {
        return expanded;
    }

    /**
     * The view's stored columns only: a {@code *} in its text expands to the table's columns of today, and a column
     * added since creation (ALTER TABLE … ADD COLUMN) is not the view's (PostgreSQL fixes {@code *} at creation).
     */
    private static RelRoot firstColumns(RelRoot root, int columns) {
        RelNode rel = root.project();
        if (rel.getRowType().getFieldCount() <= columns) {
            return root;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            kept.add(i);
        }
        return RelRoot.of(RelOptUtil.createProject(rel, kept), root.kind);
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
                              @Nullable List<String> viewPath) {
        RelationName view = new RelationName(viewPath.get(viewPath.size() - 2), viewPath.get(viewPath.size() - 1));
        expanded.add(view);
        if (++depth > MAX_DEPTH) {
            throw new PlanningException("42P17", "infinite recursion detected in view " + view.qualifiedName());
        }
        try {
            SqlNode parsed = QueryParser.parse(queryString).query();
            CalciteCatalogReader catalogReader = QueryTranslator.catalogReader(catalog, schemaPath, -1, runtimeTables,
                    cluster.getTypeFactory());
            SqlValidator validator = QueryTranslator.validator(catalogReader, cluster.getTypeFactory());
            SqlNode validated = validator.validate(parsed);
            SqlToRelConverter converter = QueryTranslator.converter(this, validator, catalogReader, cluster);
            return firstColumns(converter.convertQuery(validated, false, true), rowType.getFieldCount());
        } catch (CalciteContextException | PlanningException e) {
            // Dependency checks keep a view's query valid; if it is not, say which view broke rather than point
            // at a position in text the user did not write.
            String sqlState = e instanceof PlanningException planning ? planning.sqlState() : PlanningException.INTERNAL_ERROR;
            throw new PlanningException(sqlState, "view " + view.qualifiedName() + " cannot be expanded: "
                    + e.getMessage());
        } finally {
            depth--;
        }
    }
}
