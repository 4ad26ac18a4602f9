package io.basalt.execution.aggregate;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * What an aggregation reads from its input: the group-key columns, each call's argument columns, and which
 * calls need a DISTINCT set (MIN and MAX ignore DISTINCT, which cannot change them).
 */
final class AggregationLayout {

    final AggregateNode node;
    final List<LogicalType> inputTypes;
    final List<PhysicalKind> keyKinds;
    final List<AggregateCall> calls;
    final boolean[] distinct;

    AggregationLayout(AggregateNode node) {
        this.node = node;
        this.inputTypes = node.input().output().stream().map(Column::type).toList();
        List<PhysicalKind> kinds = new ArrayList<>();
        for (int key : node.groupKeys()) {
            kinds.add(inputTypes.get(key).physicalKind());
        }
        this.keyKinds = List.copyOf(kinds);
        this.calls = node.aggregates();
        this.distinct = new boolean[calls.size()];
        for (int c = 0; c < calls.size(); c++) {
            AggregateCall call = calls.get(c);
            Accumulators.check(call, inputTypes);
            distinct[c] = call.distinct() && call.function() != AggregateFunction.MIN && call.function() != AggregateFunction.MAX
                    && call.function() != AggregateFunction.COUNT_STAR;
        }
    }

    int keyCount() {
        return keyKinds.size();
    }

    ColumnVector[] keys(ColumnBatch batch) {
        int[] groupKeys = node.groupKeys();
        ColumnVector[] keys = new ColumnVector[groupKeys.length];
        for (int i = 0; i < groupKeys.length; i++) {
            keys[i] = batch.column(groupKeys[i]);
        }
        return keys;
    }

    ColumnVector[] arguments(int call, ColumnBatch batch) {
        int[] columns = calls.get(call).arguments();
        ColumnVector[] arguments = new ColumnVector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            arguments[i] = batch.column(columns[i]);
        }
        return arguments;
    }

    /** The key kinds of call {@code call}'s DISTINCT set: the group keys, then the arguments. */
    List<PhysicalKind> distinctKinds(int call) {
        List<PhysicalKind> kinds = new ArrayList<>(keyKinds);
        for (int column : calls.get(call).arguments()) {
            kinds.add(inputTypes.get(column).physicalKind());
        }
        return kinds;
    }
}
