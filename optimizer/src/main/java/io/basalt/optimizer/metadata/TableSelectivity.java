package io.basalt.optimizer.metadata;

import io.basalt.optimizer.statistics.QueryStatistics;
import io.basalt.optimizer.statistics.TableColumnStatistics;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Optional;

/**
 * Selectivity of predicates on a table's columns from the table's statistics ({@link PredicateSelectivity}),
 * replacing Calcite's fixed guesses (0.15 for equality, 0.5 for ranges, 0.25 otherwise). Calcite pushes
 * predicates of filters and projections above down to the scan before asking, so this answers for them too.
 */
public final class TableSelectivity implements MetadataHandler<BuiltInMetadata.Selectivity> {

    public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new TableSelectivity(), BuiltInMetadata.Selectivity.Handler.class);

    private TableSelectivity() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.Selectivity> getDef() {
        return BuiltInMetadata.Selectivity.DEF;
    }

    public Double getSelectivity(TableScan scan, RelMetadataQuery mq, @Nullable RexNode predicate) {
        return of(scan, predicate);
    }

    /** The share of the scan's rows {@code predicate} keeps. */
    static double of(TableScan scan, @Nullable RexNode predicate) {
        Optional<TableColumnStatistics> statistics = QueryStatistics.of(scan.getCluster()).of(scan.getTable());
        if (statistics.isEmpty()) {
            return new PredicateSelectivity(column -> null).of(predicate);
        }
        TableColumnStatistics table = statistics.get();
        return new PredicateSelectivity(table::column).of(predicate);
    }
}
