package io.basalt.optimizer.physical;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lets the projection under an aggregation hand the DECIMALs wider than a long that only SUM and AVG read over as
 * long vectors where their values fit one ({@code ProjectNode.longWhenFits}, execution's {@code LongWhenFits}):
 * TPC-H's {@code SUM(l_extendedprice * (1 - l_discount))} is typed DECIMAL(31, 4), while its products take 30 bits.
 * A column that anything else reads (a group key, another aggregate, a FILTER or an ordering) keeps its INT128 form,
 * and so do all of them under GROUPING SETS.
 */
final class LongSumArguments {

    private LongSumArguments() {
    }

    static PhysicalNode allow(PhysicalNode input, int[] groupKeys, List<AggregateCall> calls, List<int[]> groupingSets) {
        if (!(input instanceof ProjectNode project) || !groupingSets.isEmpty()) {
            return input;
        }
        Set<Integer> summed = new HashSet<>();
        Set<Integer> readOtherwise = new HashSet<>();
        for (int key : groupKeys) {
            readOtherwise.add(key);
        }
        for (AggregateCall call : calls) {
            for (int argument : call.arguments()) {
                (sumsExactly(call, project) ? summed : readOtherwise).add(argument);
            }
            if (call.filterColumn() >= 0) {
                readOtherwise.add(call.filterColumn());
            }
            for (SortKey key : call.order()) {
                readOtherwise.add(key.column());
            }
        }
        summed.removeAll(readOtherwise);
        return summed.isEmpty() ? input : project.withLongWhenFits(summed);
    }

    /**
     * A SUM or AVG, not DISTINCT, of one wide DECIMAL into a DECIMAL of the same scale: execution sums those with
     * {@code ExactSums}, which takes long and INT128 vectors alike (DISTINCT keeps its arguments in sets, by form).
     */
    private static boolean sumsExactly(AggregateCall call, ProjectNode project) {
        boolean sumOrAverage = call.function() == AggregateFunction.SUM || call.function() == AggregateFunction.AVG;
        if (!sumOrAverage || call.distinct() || call.arguments().length != 1) {
            return false;
        }
        LogicalType argument = project.output().get(call.arguments()[0]).type();
        LogicalType result = call.type();
        return argument.kind() == TypeKind.DECIMAL && argument.physicalKind() == PhysicalKind.INT128
                && result.kind() == TypeKind.DECIMAL
                && (call.function() == AggregateFunction.AVG || result.scale() == argument.scale());
    }
}
