package io.basalt.execution;

import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.WindowFrame;
import io.basalt.execution.plan.WindowFrame.FrameBound;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.execution.plan.WindowNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Window functions computed row by row in plain Java, independently of the executor: partitions grouped in a map,
 * sorted with a comparator, every frame scanned from its first row to its last. Values as {@link Results} gives
 * them (Long, BigInteger for 128-bit DECIMAL sums, String).
 */
final class ReferenceWindow {

    private ReferenceWindow() {
    }

    static List<List<Object>> compute(List<List<Object>> input, WindowNode node, boolean wideSums) {
        Map<List<Object>, List<List<Object>>> partitions = new LinkedHashMap<>();
        for (List<Object> row : input) {
            List<Object> key = new ArrayList<>();
            for (int column : node.partitionKeys()) {
                key.add(row.get(column));
            }
            partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        Comparator<List<Object>> order = ReferenceOrder.of(node.orderKeys());
        List<List<Object>> output = new ArrayList<>();
        for (List<List<Object>> partition : partitions.values()) {
            partition.sort(order);
            for (int row = 0; row < partition.size(); row++) {
                List<Object> result = new ArrayList<>(partition.get(row));
                for (WindowFunction function : node.functions()) {
                    result.add(value(function, partition, row, order, wideSums));
                }
                output.add(result);
            }
        }
        return output;
    }

    private static Object value(WindowFunction function, List<List<Object>> partition, int row,
                                Comparator<List<Object>> order, boolean wideSums) {
        int size = partition.size();
        int firstPeer = row;
        while (firstPeer > 0 && order.compare(partition.get(firstPeer - 1), partition.get(row)) == 0) {
            firstPeer--;
        }
        int[] arguments = function.arguments();
        switch (function.kind()) {
            case ROW_NUMBER:
                return (long) row + 1;
            case RANK:
                return (long) firstPeer + 1;
            case DENSE_RANK: {
                long rank = 1;
                for (int r = 1; r <= row; r++) {
                    if (order.compare(partition.get(r - 1), partition.get(r)) != 0) {
                        rank++;
                    }
                }
                return rank;
            }
            case NTILE: {
                // PostgreSQL's definition, by counting: bucket b holds size / n rows, plus one for the first size % n.
                long buckets = function.constant();
                long bucket = 1;
                long left = row;
                while (true) {
                    long bucketSize = size / buckets + (bucket <= size % buckets ? 1 : 0);
                    if (left < bucketSize) {
                        return bucket;
                    }
                    left -= bucketSize;
                    bucket++;
                }
            }
            case LAG:
            case LEAD: {
                long target = function.kind() == io.basalt.execution.plan.WindowFunctionKind.LAG
                        ? row - function.constant() : row + function.constant();
                if (target >= 0 && target < size) {
                    return partition.get((int) target).get(arguments[0]);
                }
                return arguments.length > 1 ? partition.get(row).get(arguments[1]) : null;
            }
            default:
                break;
        }
        int[] frame = frame(function.frame(), partition, row, order);
        List<Object> values = new ArrayList<>();
        for (int r = frame[0]; r <= frame[1]; r++) {
            values.add(arguments.length == 0 ? 1L : partition.get(r).get(arguments[0]));
        }
        switch (function.kind()) {
            case FIRST_VALUE:
                return values.isEmpty() ? null : values.get(0);
            case LAST_VALUE:
                return values.isEmpty() ? null : values.get(values.size() - 1);
            default:
                return aggregate(function.aggregate(), values, wideSums);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object aggregate(AggregateFunction function, List<Object> values, boolean wideSums) {
        List<Object> present = values.stream().filter(value -> value != null).toList();
        switch (function) {
            case COUNT_STAR:
                return (long) values.size();
            case COUNT:
                return (long) present.size();
            case SUM: {
                if (present.isEmpty()) {
                    return null;
                }
                BigInteger sum = BigInteger.ZERO;
                for (Object value : present) {
                    sum = sum.add(BigInteger.valueOf((Long) value));
                }
                return wideSums ? sum : (Object) sum.longValueExact();
            }
            case MIN:
            case MAX: {
                Object best = null;
                for (Object value : present) {
                    int comparison = best == null ? 0 : ReferenceOrder.compareValues(value, best);
                    if (best == null || (function == AggregateFunction.MIN ? comparison < 0 : comparison > 0)) {
                        best = value;
                    }
                }
                return best;
            }
            default:
                throw new IllegalArgumentException("no reference for " + function);
        }
    }

    /** The first and last row of the frame, inclusive; first > last when empty. */
    private static int[] frame(WindowFrame frame, List<List<Object>> partition, int row, Comparator<List<Object>> order) {
        int first = position(frame.start(), frame.rows(), true, partition, row, order);
        int last = position(frame.end(), frame.rows(), false, partition, row, order);
        return new int[] {Math.max(first, 0), Math.min(last, partition.size() - 1)};
    }

    private static int position(FrameBound bound, boolean rows, boolean start, List<List<Object>> partition, int row,
                                Comparator<List<Object>> order) {
        switch (bound.kind()) {
            case UNBOUNDED_PRECEDING:
                return 0;
            case UNBOUNDED_FOLLOWING:
                return partition.size() - 1;
            case PRECEDING:
                return (int) Math.max(row - bound.offset(), -1);
            case FOLLOWING:
                return (int) Math.min(row + bound.offset(), partition.size());
            default:
                if (rows) {
                    return row;
                }
                int peer = row;
                if (start) {
                    while (peer > 0 && order.compare(partition.get(peer - 1), partition.get(row)) == 0) {
                        peer--;
                    }
                } else {
                    while (peer + 1 < partition.size() && order.compare(partition.get(peer + 1), partition.get(row)) == 0) {
                        peer++;
                    }
                }
                return peer;
        }
    }

}
