package io.basalt.execution.aggregate;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.vector.NullVectors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an aggregation reads from its input: the group-key columns, each call's argument columns (followed by its
 * ORDER BY columns), and which calls need a DISTINCT set (MIN and MAX ignore DISTINCT, which cannot change them).
 *
 * <p>Under GROUPING SETS the hash tables' keys are the group keys plus one hidden key, the index of the grouping
 * set: each input row is added once per set, with the keys the set does not group by replaced by NULL. One pass
 * over the input computes every set, and the rest of the aggregation (pre-aggregation, DISTINCT sets, the merge)
 * sees ordinary keys. The hidden key is dropped from the output; GROUPING calls are computed from it.
 */
final class AggregationLayout {

    final AggregateNode node;
    final List<LogicalType> inputTypes;
    /** The kinds of the hash tables' keys: the group keys, then under GROUPING SETS the set index (LONG). */
    final List<PhysicalKind> keyKinds;
    final List<AggregateCall> calls;
    final boolean[] distinct;
    /** Per grouping set, per group key: whether the set groups by it; null for a plain GROUP BY. */
    private final boolean[][] setKeys;

    AggregationLayout(AggregateNode node) {
        this.node = node;
        this.inputTypes = node.input().output().stream().map(Column::type).toList();
        List<PhysicalKind> kinds = new ArrayList<>();
        for (int key : node.groupKeys()) {
            kinds.add(inputTypes.get(key).physicalKind());
        }
        this.setKeys = node.groupingSets().isEmpty() ? null : setKeys(node);
        if (setKeys != null) {
            kinds.add(PhysicalKind.LONG);
        }
        this.keyKinds = List.copyOf(kinds);
        this.calls = node.aggregates();
        this.distinct = new boolean[calls.size()];
        for (int c = 0; c < calls.size(); c++) {
            AggregateCall call = calls.get(c);
            if (isGrouping(c)) {
                continue;
            }
            Accumulators.check(call, inputTypes);
            distinct[c] = call.distinct() && call.function() != AggregateFunction.MIN && call.function() != AggregateFunction.MAX
                    && call.function() != AggregateFunction.COUNT_STAR;
        }
    }

    private static boolean[][] setKeys(AggregateNode node) {
        int[] groupKeys = node.groupKeys();
        boolean[][] sets = new boolean[node.groupingSets().size()][groupKeys.length];
        for (int s = 0; s < sets.length; s++) {
            for (int column : node.groupingSets().get(s)) {
                int position = indexOf(groupKeys, column);
                if (position < 0) {
                    throw new IllegalArgumentException("grouping set column " + column + " is not a group key");
                }
                sets[s][position] = true;
            }
        }
        return sets;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Whether any call is DISTINCT (and so keeps a set of values rather than a state). */
    boolean anyDistinct() {
        for (boolean each : distinct) {
            if (each) {
                return true;
            }
        }
        return false;
    }

    /** Keys of the hash tables, the hidden grouping-set key included. */
    int keyCount() {
        return keyKinds.size();
    }

    /** Group keys the output shows (without the hidden grouping-set key). */
    int outputKeyCount() {
        return node.groupKeys().length;
    }

    /** How many times each input row is aggregated: once per grouping set. */
    int setCount() {
        return setKeys == null ? 1 : setKeys.length;
    }

    boolean hasGroupingSets() {
        return setKeys != null;
    }

    /** Indexes of the grouping sets that group by no key: their group exists even over empty input. */
    List<Integer> emptySets() {
        List<Integer> empty = new ArrayList<>();
        for (int s = 0; s < setCount(); s++) {
            boolean any = false;
            for (boolean grouped : setKeys[s]) {
                any |= grouped;
            }
            if (!any) {
                empty.add(s);
            }
        }
        return empty;
    }

    /** Whether call {@code call} is GROUPING(…), which has no state: its value follows from the grouping set. */
    boolean isGrouping(int call) {
        return calls.get(call).function() == AggregateFunction.GROUPING;
    }

    /** GROUPING(…) of call {@code call} in the rows of grouping set {@code set} (set 0 for a plain GROUP BY). */
    long groupingValue(int call, int set) {
        int[] arguments = calls.get(call).arguments();
        long value = 0;
        for (int argument : arguments) {
            int position = indexOf(node.groupKeys(), argument);
            boolean grouped = setKeys == null || (position >= 0 && setKeys[set][position]);
            value = (value << 1) | (grouped ? 0 : 1);
        }
        return value;
    }

    /** The hash-table keys of {@code batch}'s rows for grouping set {@code set}. */
    ColumnVector[] keys(ColumnBatch batch, int set) {
        int[] groupKeys = node.groupKeys();
        ColumnVector[] keys = new ColumnVector[keyCount()];
        for (int i = 0; i < groupKeys.length; i++) {
            keys[i] = setKeys == null || setKeys[set][i] ? batch.column(groupKeys[i])
                    : NullVectors.of(keyKinds.get(i), batch.rowCount());
        }
        if (setKeys != null) {
            LongVector setIndex = new LongVector(batch.rowCount());
            Arrays.fill(setIndex.values(), 0, batch.rowCount(), set);
            setIndex.setPositionCount(batch.rowCount());
            keys[groupKeys.length] = setIndex;
        }
        return keys;
    }

    /** The argument columns of call {@code call}, then its ORDER BY columns. */
    ColumnVector[] arguments(int call, ColumnBatch batch) {
        int[] columns = argumentColumns(calls.get(call));
        ColumnVector[] arguments = new ColumnVector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            arguments[i] = batch.column(columns[i]);
        }
        return arguments;
    }

    /** The input columns an accumulator of {@code call} reads: its arguments, then its ORDER BY columns. */
    static int[] argumentColumns(AggregateCall call) {
        int[] arguments = call.arguments();
        int[] columns = Arrays.copyOf(arguments, arguments.length + call.order().size());
        for (int k = 0; k < call.order().size(); k++) {
            columns[arguments.length + k] = call.order().get(k).column();
        }
        return columns;
    }

    /** The key kinds of call {@code call}'s DISTINCT set: the group's id in its table (a LONG), then the arguments. */
    List<PhysicalKind> distinctSetKinds(int call) {
        List<PhysicalKind> kinds = new ArrayList<>();
        kinds.add(PhysicalKind.LONG);
        for (int column : argumentColumns(calls.get(call))) {
            kinds.add(inputTypes.get(column).physicalKind());
        }
        return kinds;
    }

    /** Sort keys over an accumulator's columns (arguments, then ORDER BY columns) for {@code call}'s ORDER BY. */
    static List<SortKey> accumulatorOrder(AggregateCall call) {
        List<SortKey> keys = new ArrayList<>();
        for (int k = 0; k < call.order().size(); k++) {
            SortKey key = call.order().get(k);
            keys.add(new SortKey(call.arguments().length + k, key.ascending(), key.nullsFirst()));
        }
        return keys;
    }
}
