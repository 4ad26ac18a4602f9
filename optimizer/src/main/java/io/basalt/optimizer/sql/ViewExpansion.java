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

import io.basalt.optimizer.RelationReads;
import io.basalt.optimizer.catalog.AccessListing;
import org.apache.calcite.rel.core.TableScan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a view where a query reads it: Calcite's {@code ViewTable} hands over the view's stored text and the
 * schema path it was created with, and this translates that text in the same cluster and catalog version as the
 * query around it, so the optimizer sees one tree of base tables. It also records which views it expanded (a new
 * view depends on them) and which relations each view's own text reads ({@link #reads}: privileges on those are
 * the view owner's business). A scan belongs to the innermost view whose text names it: expansions finish inside out,
 * so each claims the scans of its tree that no view inside it claimed.
 */
final class ViewExpansion implements RelOptTable.ViewExpander {

    /** Views are acyclic by construction (CREATE VIEW checks); this only stops a corrupt catalog from recursing forever. */
    private static final int MAX_DEPTH = 64;

    private final Manifest catalog;
    private final AccessListing access;
    private final List<RuntimeTable> runtimeTables;
    private final RelOptCluster cluster;
    private final Set<RelationName> expanded = new LinkedHashSet<>();
    private final Deque<RelationName> expanding = new ArrayDeque<>();
    private final Set<RelationName> topLevelViews = new LinkedHashSet<>();
    private final Map<RelationName, Set<RelationName>> viewReads = new LinkedHashMap<>();
    private final Set<TableScan> claimedScans = Collections.newSetFromMap(new IdentityHashMap<>());

    ViewExpansion(Manifest catalog, AccessListing access, List<RuntimeTable> runtimeTables, RelOptCluster cluster) {
        this.catalog = catalog;
        this.access = access;
        this.runtimeTables = runtimeTables;
        this.cluster = cluster;
    }

    Set<RelationName> expandedViews() {
        return expanded;
    }

    /** The relations read by the query whose converted tree is {@code query}, and by each view it expanded. */
    RelationReads reads(RelNode query) {
        Set<RelationName> direct = new LinkedHashSet<>(topLevelViews);
        direct.addAll(unclaimedScans(query));
        return new RelationReads(direct, viewReads);
    }

    /** The tables scanned in {@code tree} by no view expanded inside it; they are claimed now. */
    private Set<RelationName> unclaimedScans(RelNode tree) {
        Set<RelationName> names = new LinkedHashSet<>();
        for (TableScan scan : ReadRelations.scans(tree)) {
            if (claimedScans.add(scan)) {
                names.add(ReadRelations.nameOf(scan));
            }
        }
        return names;
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
        RelationName reader = expanding.peek();
        if (reader == null) {
            topLevelViews.add(view);
        } else {
            viewReads.get(reader).add(view);
        }
        viewReads.computeIfAbsent(view, v -> new LinkedHashSet<>());
        expanding.push(view);
        if (expanding.size() > MAX_DEPTH) {
            throw new PlanningException("42P17", "infinite recursion detected in view " + view.qualifiedName());
        }
        try {
            SqlNode parsed = QueryParser.parse(queryString).query();
            CalciteCatalogReader catalogReader = QueryTranslator.catalogReader(catalog, schemaPath, -1, access, runtimeTables,
                    cluster.getTypeFactory());
            SqlValidator validator = QueryTranslator.validator(catalogReader, cluster.getTypeFactory());
            SqlNode validated = validator.validate(parsed);
            SqlToRelConverter converter = QueryTranslator.converter(this, validator, catalogReader, cluster);
            RelRoot converted = converter.convertQuery(validated, false, true);
            viewReads.get(view).addAll(unclaimedScans(converted.rel));
            return firstColumns(converted, rowType.getFieldCount());
        } catch (CalciteContextException | PlanningException e) {
            // Dependency checks keep a view's query valid; if it is not, say which view broke rather than point
            // at a position in text the user did not write.
            String sqlState = e instanceof PlanningException planning ? planning.sqlState() : PlanningException.INTERNAL_ERROR;
            throw new PlanningException(sqlState, "view " + view.qualifiedName() + " cannot be expanded: "
                    + e.getMessage());
        } finally {
            expanding.pop();
        }
    }
}
