package io.basalt.optimizer.metadata;

import io.basalt.optimizer.rules.SharedSubplan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * A shared subplan has its input's rows: distinct values and unique columns are its input's. Without this Calcite
 * knows nothing of the operator, and the estimates of the joins above it (which side of a hash join is built) would
 * change only because the subplan is shared.
 */
public final class SharedSubplanMetadata {

    public static final RelMetadataProvider SOURCE = ChainedRelMetadataProvider.of(List.of(
            ReflectiveRelMetadataProvider.reflectiveSource(new DistinctRows(), BuiltInMetadata.DistinctRowCount.Handler.class),
            ReflectiveRelMetadataProvider.reflectiveSource(new UniqueColumns(), BuiltInMetadata.ColumnUniqueness.Handler.class)));

    private SharedSubplanMetadata() {
    }

    /** Distinct values of columns of a shared subplan: its input's. */
    public static final class DistinctRows implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {

        @Override
        public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
            return BuiltInMetadata.DistinctRowCount.DEF;
        }

        public @Nullable Double getDistinctRowCount(SharedSubplan shared, RelMetadataQuery mq, ImmutableBitSet groupKey,
                                                    @Nullable RexNode predicate) {
            return mq.getDistinctRowCount(shared.getInput(), groupKey, predicate);
        }
    }

    /** Whether columns of a shared subplan are unique: as in its input. */
    public static final class UniqueColumns implements MetadataHandler<BuiltInMetadata.ColumnUniqueness> {

        @Override
        public MetadataDef<BuiltInMetadata.ColumnUniqueness> getDef() {
            return BuiltInMetadata.ColumnUniqueness.DEF;
        }

        public @Nullable Boolean areColumnsUnique(SharedSubplan shared, RelMetadataQuery mq, ImmutableBitSet columns,
                                                  boolean ignoreNulls) {
            return mq.areColumnsUnique(shared.getInput(), columns, ignoreNulls);
        }
    }
}
