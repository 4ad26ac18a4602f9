package io.basalt.optimizer.metadata;

import io.basalt.optimizer.catalog.BasaltTable;
import io.basalt.optimizer.catalog.TableStatistics;
import io.basalt.optimizer.convention.BasaltTableScan;
import io.basalt.optimizer.statistics.ColumnStatistics;
import io.basalt.optimizer.statistics.QueryStatistics;
import io.basalt.optimizer.statistics.TableColumnStatistics;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * Distinct values of columns of a Basalt table, for Calcite's estimates of aggregates and joins. Per column: the
 * catalog's estimate (keys, foreign keys), else the segments' merged distinct sketches, else what the type allows (a BOOLEAN has 2, a CHAR(1) about a hundred
 * printable values), else a tenth of the rows, Calcite's usual guess. Columns multiply, capped by the row count;
 * a predicate thins the rows, and the expected distinct values of the surviving rows follow
 * {@link RelMdUtil#numDistinctVals}. Calcite's own handler knows only unique keys and says "unknown" otherwise.
 */
public final class TableDistinctRowCount implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {

    public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new TableDistinctRowCount(), BuiltInMetadata.DistinctRowCount.Handler.class);

    /** Printable ASCII characters: the values a one-character code column (flags, statuses) can take. */
    private static final double PRINTABLE_CHARACTERS = 95;

    private TableDistinctRowCount() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
        return BuiltInMetadata.DistinctRowCount.DEF;
    }

    public @Nullable Double getDistinctRowCount(TableScan scan, RelMetadataQuery mq, ImmutableBitSet groupKey,
                                                @Nullable RexNode predicate) {
        if (groupKey.isEmpty()) {
            return 1.0;
        }
        Double tableRows = mq.getRowCount(scan);
        if (tableRows == null) {
            return null;
        }
        double rows = Math.max(tableRows, 1.0);
        double selectivity = TableSelectivity.of(scan, predicate);
        if (scan instanceof BasaltTableScan filtered && filtered.filter().isPresent()) {
            selectivity *= TableSelectivity.of(scan, filtered.filter().get());
        }
        double survivingRows = rows * selectivity;
        BasaltTable table = scan.getTable().unwrap(BasaltTable.class);
        if (table == null) {
            return null;
        }
        TableStatistics statistics = table.statistics();
        if (statistics.isKey(groupKey) || groupKey.stream().anyMatch(column -> column >= columns(table))) {
            // A row identity (a DML plan's extra column) is unique.
            return survivingRows;
        }
        List<ColumnDefinition> columns = table.entry().definition().columns();
        Optional<TableColumnStatistics> measured = QueryStatistics.of(scan.getCluster()).of(table.entry());
        double distinct = 1.0;
        for (int column : groupKey) {
            double known = statistics.distinctCount(column);
            if (Double.isNaN(known) && measured.isPresent()) {
                // NULL counts as one more group value.
                ColumnStatistics columnStatistics = measured.get().column(column);
                known = columnStatistics.distinct() + (columnStatistics.nulls() > 0 ? 1 : 0);
            }
            distinct *= columnDistinct(known, columns.get(column).type(), rows);
        }
        distinct = Math.min(distinct, rows);
        return RelMdUtil.numDistinctVals(distinct, survivingRows);
    }

    private static double columnDistinct(double known, LogicalType type, double rows) {
        if (!Double.isNaN(known)) {
            return Math.max(known, 1.0);
        }
        double bound = switch (type.kind()) {
            case BOOLEAN -> 2;
            case TINYINT -> 256;
            case SMALLINT -> 65_536;
            case CHAR, VARCHAR -> type.isBoundedLength() && type.length() <= 2
                    ? Math.pow(PRINTABLE_CHARACTERS, type.length()) : Double.MAX_VALUE;
            default -> Double.MAX_VALUE;
        };
        return Math.max(1.0, Math.min(bound, rows / 10));
    }

    private static int columns(BasaltTable table) {
        return table.entry().definition().columns().size();
    }
}
