package io.basalt.optimizer.metadata;

import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows out of an equi-join, by the textbook containment estimate: {@code |L| × |R| / max(ndv(L keys), ndv(R keys))}
 * times the selectivity of any further condition. For a foreign-key join this is the referencing side's rows
 * (thinned by filters on the referenced side), where Calcite's default ({@code |L| × |R| × 0.15}) grows with the
 * product of the inputs and makes join ordering compare nonsense. A semi join keeps the share of left keys found
 * on the right, an anti join the rest (never estimated below a tenth: anti joins usually keep something). Joins
 * without equality keys keep Calcite's estimate.
 */
public final class JoinRowCount implements MetadataHandler<BuiltInMetadata.RowCount> {

    public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new JoinRowCount(), BuiltInMetadata.RowCount.Handler.class);

    private static final double MINIMUM_ANTI_JOIN_SHARE = 0.1;

    private JoinRowCount() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
        return BuiltInMetadata.RowCount.DEF;
    }

    public @Nullable Double getRowCount(Join join, RelMetadataQuery mq) {
        JoinInfo keys = join.analyzeCondition();
        Double left = mq.getRowCount(join.getLeft());
        Double right = mq.getRowCount(join.getRight());
        if (keys.leftKeys.isEmpty() || left == null || right == null) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        Double leftDistinct = mq.getDistinctRowCount(join.getLeft(), ImmutableBitSet.of(keys.leftKeys), null);
        Double rightDistinct = mq.getDistinctRowCount(join.getRight(), ImmutableBitSet.of(keys.rightKeys), null);
        if (leftDistinct == null || rightDistinct == null) {
            return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        }
        leftDistinct = clamp(leftDistinct, left);
        rightDistinct = clamp(rightDistinct, right);
        double residual = keys.isEqui() ? 1.0 : RelMdUtil.guessSelectivity(
                RexUtil.composeConjunction(join.getCluster().getRexBuilder(), keys.nonEquiConditions));
        double matches = left * right / Math.max(leftDistinct, rightDistinct) * residual;
        double leftShareMatched = Math.min(1.0, rightDistinct / leftDistinct) * residual;
        return switch (join.getJoinType()) {
            case INNER -> matches;
            case LEFT -> Math.max(matches, left);
            case RIGHT -> Math.max(matches, right);
            case FULL -> Math.max(matches, Math.max(left, right));
            case SEMI -> left * leftShareMatched;
            case ANTI -> left * Math.max(MINIMUM_ANTI_JOIN_SHARE, 1.0 - leftShareMatched);
            default -> RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
        };
    }

    private static double clamp(double distinct, double rows) {
        return Math.max(1.0, Math.min(distinct, Math.max(rows, 1.0)));
    }
}
