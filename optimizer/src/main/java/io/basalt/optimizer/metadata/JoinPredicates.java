package io.basalt.optimizer.metadata;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;

/**
 * The predicates known to hold on a join's rows, without Calcite's inference across the join's equalities: the
 * inputs' own predicates on the side whose rows come out whole (both sides of an inner join, the preserved side of an
 * outer one, the left of a semi or anti join) and an inner join's condition. Calcite's handler also derives, for each
 * side, what the other side's predicates imply through the equalities (for a rule that pushes them down, which Basalt
 * does not run), at 74 % of the cost of pulling up predicates, itself 8 % of planning the TPC-H queries: the reduce
 * rules ask for every filter, projection and join, and the uniqueness test of {@code AggregateRemoveRule} for every
 * aggregate.
 */
public final class JoinPredicates implements MetadataHandler<BuiltInMetadata.Predicates> {

    public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new JoinPredicates(), BuiltInMetadata.Predicates.Handler.class);

    private JoinPredicates() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.Predicates> getDef() {
        return BuiltInMetadata.Predicates.DEF;
    }

    public RelOptPredicateList getPredicates(Join join, RelMetadataQuery mq) {
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        int leftCount = join.getLeft().getRowType().getFieldCount();
        List<RexNode> holding = new ArrayList<>();
        boolean leftWhole = switch (join.getJoinType()) {
            case INNER, LEFT, SEMI, ANTI -> true;
            default -> false;
        };
        boolean rightWhole = switch (join.getJoinType()) {
            case INNER, RIGHT -> true;
            default -> false;
        };
        if (leftWhole) {
            holding.addAll(mq.getPulledUpPredicates(join.getLeft()).pulledUpPredicates);
        }
        if (rightWhole) {
            int rightCount = join.getRight().getRowType().getFieldCount();
            RexPermuteInputsShuttle shift = new RexPermuteInputsShuttle(
                    Mappings.createShiftMapping(leftCount + rightCount, leftCount, 0, rightCount),
                    join.getLeft(), join.getRight());
            for (RexNode predicate : mq.getPulledUpPredicates(join.getRight()).pulledUpPredicates) {
                holding.add(predicate.accept(shift));
            }
        }
        if (join.getJoinType() == JoinRelType.INNER) {
            holding.addAll(RelOptUtil.conjunctions(join.getCondition()));
        }
        return RelOptPredicateList.of(rexBuilder, holding);
    }
}
