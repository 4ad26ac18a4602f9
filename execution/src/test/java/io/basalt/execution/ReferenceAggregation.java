package io.basalt.execution;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GROUP BY computed with maps and BigDecimal, to check the executor against. */
public final class ReferenceAggregation {

    private ReferenceAggregation() {
    }

    public static List<List<Object>> aggregate(List<List<Object>> rows, int[] groupKeys, List<AggregateCall> calls,
                                        List<LogicalType> inputTypes) {
        Map<List<Object>, List<List<Object>>> groups = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            List<Object> key = new ArrayList<>();
            for (int column : groupKeys) {
                key.add(normalize(row.get(column)));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        if (groupKeys.length == 0 && groups.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        List<List<Object>> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<List<Object>>> group : groups.entrySet()) {
            List<Object> result = new ArrayList<>(group.getKey());
            for (AggregateCall call : calls) {
                result.add(compute(call, group.getValue(), inputTypes));
            }
            out.add(result);
        }
        return out;
    }

    /** -0.0 groups with 0.0. */
    private static Object normalize(Object value) {
        return value instanceof Double d && d == 0.0 ? 0.0 : value;
    }

    private static Object compute(AggregateCall call, List<List<Object>> rows, List<LogicalType> inputTypes) {
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : rows) {
            if (call.filterColumn() < 0 || Boolean.TRUE.equals(row.get(call.filterColumn()))) {
                kept.add(row);
            }
        }
        switch (call.function()) {
            case COUNT_STAR:
                return (long) kept.size();
            default:
                break;
        }
        List<Object> values = new ArrayList<>();
        Set<List<Object>> seen = new LinkedHashSet<>();
        for (List<Object> row : kept) {
            List<Object> arguments = new ArrayList<>();
            boolean anyNull = false;
            for (int column : call.arguments()) {
                arguments.add(row.get(column));
                anyNull |= row.get(column) == null;
            }
            if (anyNull || call.distinct() && !seen.add(arguments)) {
                continue;
            }
            values.add(arguments.get(0));
        }
        LogicalType argumentType = call.arguments().length > 0 ? inputTypes.get(call.arguments()[0]) : null;
        switch (call.function()) {
            case COUNT:
                return (long) values.size();
            case SUM:
                if (values.isEmpty()) {
                    return null;
                }
                if (argumentType.physicalKind() == PhysicalKind.DOUBLE) {
                    return values.stream().mapToDouble(v -> (Double) v).sum();
                }
                BigInteger sum = BigInteger.ZERO;
                for (Object value : values) {
                    sum = sum.add(value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value));
                }
                if (call.type().physicalKind() == PhysicalKind.INT128) {
                    return sum;
                }
                return sum.longValueExact();
            case MIN:
            case MAX:
                if (values.isEmpty()) {
                    return null;
                }
                Object best = values.get(0);
                for (Object value : values) {
                    int comparison = compare(value, best);
                    if (call.function().name().equals("MIN") ? comparison < 0 : comparison > 0) {
                        best = value;
                    }
                }
                return best;
            case AVG:
                if (values.isEmpty()) {
                    return null;
                }
                if (argumentType.physicalKind() == PhysicalKind.DOUBLE) {
                    return values.stream().mapToDouble(v -> (Double) v).sum() / values.size();
                }
                BigDecimal total = BigDecimal.ZERO;
                for (Object value : values) {
                    BigInteger unscaled = value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value);
                    total = total.add(new BigDecimal(unscaled, argumentType.scale()));
                }
                BigDecimal count = BigDecimal.valueOf(values.size());
                if (call.type().kind() == TypeKind.DECIMAL) {
                    BigInteger unscaled = total.divide(count, call.type().scale(), RoundingMode.HALF_UP).unscaledValue();
                    return call.type().physicalKind() == PhysicalKind.INT128 ? unscaled : (Object) unscaled.longValueExact();
                }
                if (call.type().physicalKind() == PhysicalKind.DOUBLE) {
                    return total.divide(count, MathContext.DECIMAL128).doubleValue();
                }
                return total.divide(count, 0, RoundingMode.DOWN).longValueExact();
            default:
                throw new IllegalArgumentException(call.function().name());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return java.util.Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    y.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return ((Comparable) a).compareTo(b);
    }
}
