package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.SortKey;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Chooses the accumulator for an aggregate call from its function, argument type and result type. */
public final class Accumulators {

    private static final Set<TypeKind> INTEGERS = EnumSet.of(TypeKind.TINYINT, TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);

    private Accumulators() {
    }

    /** Fails with 0A000 now, before any row is read, when the combination is not supported. */
    public static void check(AggregateCall call, List<LogicalType> inputTypes) {
        create(call, inputTypes, null);
    }

    public static Accumulator create(AggregateCall call, List<LogicalType> inputTypes, MemoryReservation memory) {
        AggregateFunction function = call.function();
        if (function == AggregateFunction.COUNT_STAR || function == AggregateFunction.COUNT) {
            return new CountAccumulator(memory);
        }
        Accumulator collecting = collecting(call, inputTypes, memory);
        if (collecting != null) {
            return collecting;
        }
        if (function == AggregateFunction.GROUPING) {
            throw new IllegalArgumentException("GROUPING has no accumulator: its value follows from the grouping set");
        }
        if (!call.order().isEmpty()) {
            throw unsupported(call, "with ORDER BY");
        }
        if (call.arguments().length != 1) {
            throw unsupported(call, "with " + call.arguments().length + " arguments");
        }
        LogicalType argument = inputTypes.get(call.arguments()[0]);
        LogicalType result = call.type();
        PhysicalKind kind = argument.physicalKind();
        boolean exactNumber = INTEGERS.contains(argument.kind()) || argument.kind() == TypeKind.DECIMAL;
        switch (function) {
            case SUM -> {
                if (kind == PhysicalKind.DOUBLE && result.physicalKind() == PhysicalKind.DOUBLE) {
                    return new DoubleSumAccumulator(memory);
                }
                if (exactNumber && result.kind() == TypeKind.DECIMAL && result.scale() == argument.scale()) {
                    return new DecimalSumAccumulator(result, memory);
                }
                if (INTEGERS.contains(argument.kind()) && INTEGERS.contains(result.kind())) {
                    return new LongSumAccumulator(memory);
                }
            }
            case MIN, MAX -> {
                boolean maximum = function == AggregateFunction.MAX;
                if (result.physicalKind() == kind) {
                    return switch (kind) {
                        case LONG -> new LongMinMaxAccumulator(maximum, memory);
                        case DOUBLE -> new DoubleMinMaxAccumulator(maximum, memory);
                        case INT128 -> new Int128MinMaxAccumulator(maximum, memory);
                        case BOOLEAN -> new BooleanMinMaxAccumulator(maximum, memory);
                        case BYTES -> new BytesMinMaxAccumulator(maximum, memory);
                    };
                }
            }
            case SINGLE_VALUE -> {
                // The MIN of the values of a group with at most one row is its value.
                AggregateCall value = new AggregateCall(AggregateFunction.MIN, call.arguments(), false, -1, result, call.name());
                return new SingleValueAccumulator(create(value, inputTypes, memory), memory);
            }
            case ANY_VALUE -> {
                AggregateCall value = new AggregateCall(AggregateFunction.MIN, call.arguments(), false, -1, result, call.name());
                return new AnyValueAccumulator(create(value, inputTypes, memory), memory);
            }
            case AVG -> {
                if (kind == PhysicalKind.DOUBLE && result.physicalKind() == PhysicalKind.DOUBLE) {
                    return new DoubleAverageAccumulator(memory);
                }
                boolean exactResult = result.kind() == TypeKind.DECIMAL || INTEGERS.contains(result.kind())
                        || result.physicalKind() == PhysicalKind.DOUBLE;
                if (exactNumber && exactResult) {
                    return new ExactAverageAccumulator(argument, result, memory);
                }
            }
            case VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP -> {
                Dispersion dispersion = Dispersion.of(function);
                if (argument.kind() == TypeKind.DECIMAL
                        && (result.kind() == TypeKind.DECIMAL || result.physicalKind() == PhysicalKind.DOUBLE)) {
                    return new DecimalVarianceAccumulator(dispersion, argument.scale(), result, memory);
                }
                boolean numeric = kind == PhysicalKind.DOUBLE || INTEGERS.contains(argument.kind());
                if (numeric && result.physicalKind() == PhysicalKind.DOUBLE) {
                    return new DoubleVarianceAccumulator(dispersion, memory);
                }
            }
            case APPROX_COUNT_DISTINCT -> {
                return new ApproximateDistinctCountAccumulator(memory);
            }
            default -> {
            }
        }
        throw unsupported(call, "of " + argument + " returning " + result);
    }

    /** The accumulators that keep every value of a group (ordered aggregates); null for other functions. */
    private static Accumulator collecting(AggregateCall call, List<LogicalType> inputTypes, MemoryReservation memory) {
        int[] columns = AggregationLayout.argumentColumns(call);
        List<PhysicalKind> kinds = new ArrayList<>();
        for (int column : columns) {
            kinds.add(inputTypes.get(column).physicalKind());
        }
        List<SortKey> order = AggregationLayout.accumulatorOrder(call);
        switch (call.function()) {
            case STRING_AGG -> {
                int arguments = call.arguments().length;
                boolean text = arguments >= 1 && arguments <= 2 && kinds.subList(0, arguments).stream()
                        .allMatch(kind -> kind == PhysicalKind.BYTES);
                if (!text) {
                    throw unsupported(call, "of " + arguments + " arguments (text values and separator only)");
                }
                return new StringAggAccumulator(kinds, arguments == 2, order, memory);
            }
            case PERCENTILE_CONT, PERCENTILE_DISC -> {
                LogicalType value = orderedValue(call, inputTypes);
                boolean continuous = call.function() == AggregateFunction.PERCENTILE_CONT;
                boolean number = INTEGERS.contains(value.kind()) || value.kind() == TypeKind.DECIMAL
                        || value.physicalKind() == PhysicalKind.DOUBLE;
                if (continuous && !number) {
                    throw unsupported(call, "of " + value + " (numbers only)");
                }
                return new PercentileAccumulator(continuous, call.fraction(), value, order, memory);
            }
            case MODE -> {
                return new ModeAccumulator(orderedValue(call, inputTypes).physicalKind(), order, memory);
            }
            default -> {
                return null;
            }
        }
    }

    /** The type of an ordered-set aggregate's one value: its single ORDER BY column. */
    private static LogicalType orderedValue(AggregateCall call, List<LogicalType> inputTypes) {
        if (call.arguments().length != 0 || call.order().size() != 1) {
            throw unsupported(call, "with " + call.arguments().length + " arguments and " + call.order().size()
                    + " ORDER BY keys (it takes one ORDER BY key)");
        }
        return inputTypes.get(call.order().get(0).column());
    }

    private static ExecutionException unsupported(AggregateCall call, String detail) {
        return new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                "not supported yet: aggregate " + call.function() + " " + detail);
    }
}
