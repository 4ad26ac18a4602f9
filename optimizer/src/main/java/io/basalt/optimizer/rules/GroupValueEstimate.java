package io.basalt.optimizer.rules;

import io.basalt.optimizer.statistics.ColumnStatistics;
import io.basalt.optimizer.statistics.QueryStatistics;
import io.basalt.optimizer.statistics.TableColumnStatistics;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How many distinct values a grouping expression takes over a relation's rows, for rules that must know whether an
 * aggregate's groups are few: a column's distinct count (metadata), and the year of a DATE column, which Calcite
 * counts as distinct as the dates (2,406 order dates, where TPC-H has seven years): the years between the column's
 * lowest and highest value, from its table's statistics through the column's origin, at most the dates' distinct
 * count. Anything else: unknown (null).
 */
final class GroupValueEstimate {

    private GroupValueEstimate() {
    }

    static @Nullable Double distinct(RelNode rel, RexNode expression, RelMetadataQuery metadata) {
        if (expression instanceof RexInputRef ref) {
            return metadata.getDistinctRowCount(rel, ImmutableBitSet.of(ref.getIndex()), null);
        }
        if (expression.getKind() == SqlKind.EXTRACT && expression instanceof RexCall call
                && call.getOperands().size() == 2 && call.getOperands().get(0) instanceof RexLiteral unit
                && unit.getValue() == TimeUnitRange.YEAR
                && call.getOperands().get(1) instanceof RexInputRef date
                && date.getType().getSqlTypeName() == SqlTypeName.DATE) {
            Double dates = metadata.getDistinctRowCount(rel, ImmutableBitSet.of(date.getIndex()), null);
            Double years = yearsSpanned(rel, date.getIndex(), metadata);
            if (years == null) {
                return dates;
            }
            return dates == null ? years : Math.min(dates, years);
        }
        return null;
    }

    /** The calendar years from the lowest to the highest value of a DATE column, or null when not known. */
    private static @Nullable Double yearsSpanned(RelNode rel, int column, RelMetadataQuery metadata) {
        RelColumnOrigin origin = metadata.getColumnOrigin(rel, column);
        if (origin == null || origin.isDerived()) {
            return null;
        }
        Optional<TableColumnStatistics> statistics = QueryStatistics.of(rel.getCluster()).of(origin.getOriginTable());
        if (statistics.isEmpty()) {
            return null;
        }
        ColumnStatistics dates = statistics.get().column(origin.getOriginColumnOrdinal());
        if (!dates.hasRange()) {
            return null;
        }
        // Dates are days since 1970-01-01 (ValuePositions).
        int first = LocalDate.ofEpochDay((long) Math.floor(dates.low())).getYear();
        int last = LocalDate.ofEpochDay((long) Math.ceil(dates.high())).getYear();
        return (double) (last - first + 1);
    }
}
